// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The project file: a GeoPackage (SQLite) that QGIS and ogrinfo can open, with Energize's own
// tables beside the GeoPackage core tables and a schema version in `energize_meta`.
// Functions here open their own connection and close it before returning; call them from any
// one thread at a time per file.

#include "planner/core/expected.h"

#include <string>

namespace planner {

inline constexpr int kProjectSchemaVersion = 1;

struct ProjectInfo
{
    std::string name;
    int schemaVersion = 0;
    std::string createdBy; // application and version that created the file
};

// Creates (or overwrites) a project file at path.
Expected<ProjectInfo> createProjectFile(const std::string &path, const std::string &name,
                                        const std::string &appVersion);

// Reads the project's metadata. A file that is not SQLite, not a GeoPackage, not an Energize
// project or made by a newer schema gives an error that says so; the file is never modified.
Expected<ProjectInfo> readProjectFile(const std::string &path);

} // namespace planner
