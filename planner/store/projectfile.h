// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The project file: a GeoPackage (SQLite) that QGIS and ogrinfo can open, with Energize's own
// tables beside the GeoPackage core tables and a schema version in `energize_meta`.
// Functions here open their own connection and close it before returning; call them from any
// one thread at a time per file.

#include "planner/core/common/expected.h"
#include "planner/core/site/layerref.h"
#include "planner/core/site/site.h"
#include "planner/store/projectschema.h"

#include <string>
#include <vector>

namespace planner {

struct ProjectInfo
{
    std::string name;
    int schemaVersion = 0;
    std::string createdBy; // application and version that created the file
};

// Everything a project file holds.
struct ProjectData
{
    ProjectInfo info;
    std::vector<Site> sites; // stored as the GeoPackage feature table `sites` (EPSG:4326)
    std::int64_t nextSiteId = 1;
    std::vector<LayerRef> layers; // drawing order: first is drawn first (bottom)
    std::string planJson; // the project's plan: the "plan" object of a plan file
    std::int64_t nextLayerId = 1;
};

// Writes a whole project to path. The file is written beside the target and renamed over it,
// so a failed save leaves any previous file as it was.
Expected<ProjectInfo> saveProjectFile(const std::string &path, const ProjectData &data,
                                      const std::string &appVersion);

// Reads a whole project. A file that is not SQLite, not a GeoPackage, not an Energize project
// or made by a newer schema gives an error that says so; the file is never modified.
Expected<ProjectData> loadProjectFile(const std::string &path);

// Shorthand: a project with a name and nothing else.
Expected<ProjectInfo> createProjectFile(const std::string &path, const std::string &name,
                                        const std::string &appVersion);
// Shorthand: the metadata of a project file.
Expected<ProjectInfo> readProjectFile(const std::string &path);

} // namespace planner
