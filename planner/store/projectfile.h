// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The project file: a GeoPackage (SQLite) that QGIS and ogrinfo can open, with Energize's own
// tables beside the GeoPackage core tables and a schema version in `energize_meta`.
// Functions here open their own connection and close it before returning; call them from any
// one thread at a time per file.

#include "planner/core/common/expected.h"
#include "planner/core/site/buildplan.h"
#include "planner/core/site/layerref.h"
#include "planner/core/site/planheadline.h"
#include "planner/core/site/scoringoverrides.h"
#include "planner/core/site/site.h"
#include "planner/store/projectschema.h"
#include "planner/store/savedcomparison.h"

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
    // Drawing order: first is drawn first (bottom). Sources are absolute here; the file keeps
    // them relative to its folder where it can (see layerpaths.h).
    std::vector<LayerRef> layers;
    std::int64_t nextLayerId = 1;
    // Tables energize_plans and energize_plan_phases, in the Plans panel's order. A file before
    // schema 3 gives its single plan as "Plan A" at its first site.
    std::vector<BuildPlan> plans;
    std::int64_t nextPlanId = 1;
    // Written to the `plans` layer beside each plan (matched by id); never read back, since
    // they are results of the plans, recomputed by whoever shows them.
    std::vector<PlanHeadline> headlines;
    ScoringOverrides scoring; // table `energize_scoring`; empty in files before schema 2
    SavedComparison comparison; // table `energize_comparison`; empty in files before schema 4
    // Set by loadProjectFile: what was read but ignored (a bad weight, an unknown setting), one
    // message each, for the user. Never written.
    std::vector<std::string> warnings;
};

// Writes a whole project to path. The file is written beside the target and renamed over it,
// so a failed save leaves any previous file as it was.
Expected<ProjectInfo> saveProjectFile(const std::string &path, const ProjectData &data,
                                      const std::string &appVersion);

// Reads a whole project. A file that is not SQLite, not a GeoPackage, not an Energize project
// or made by a newer schema gives an error that says so; the file is never modified. A file of
// an older schema is migrated in memory (saving writes the current schema).
Expected<ProjectData> loadProjectFile(const std::string &path);

// Shorthand: a project with a name and nothing else.
Expected<ProjectInfo> createProjectFile(const std::string &path, const std::string &name,
                                        const std::string &appVersion);
// Shorthand: the metadata of a project file.
Expected<ProjectInfo> readProjectFile(const std::string &path);

} // namespace planner
