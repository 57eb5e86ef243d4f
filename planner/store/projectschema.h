// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The SQL that lays out a new project file: GeoPackage 1.3 core tables, the `sites` feature
// table and Energize's own tables. Bump kProjectSchemaVersion when it changes, and add a
// migration for older files.

namespace planner {

inline constexpr int kProjectSchemaVersion = 1;

const char *projectSchemaSql();

} // namespace planner
