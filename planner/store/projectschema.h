// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The SQL that lays out a new project file: GeoPackage 1.3 core tables, the `sites` feature
// table and Energize's own tables. Bump kProjectSchemaVersion when it changes, and add a
// migration for older files.
//
// Versions: 1 sites, layers, plan. 2 adds `energize_scoring` (the project's score weights and
// interconnection market) and stores layer sources relative to the project file's folder.
// 3 gives energize_meta and energize_scoring integer primary keys (a valid GeoPackage), and
// replaces the single plan (JSON in energize_meta) by named build plans: energize_plans,
// energize_plan_phases and the `plans` feature layer of headline results. 4 adds
// `energize_comparison` (the comparison view's plans, baseline and hidden figures). 5 adds
// energize_layers.locations (a grid case's bus-location table, stored like `source`). 6 adds
// `energize_layer_fields` (the fields the user chose for a layer's voltage, name, capacity …).
// energize_scoring's rows are `weight/<factor>` and `reach_km/<factor>` (number in `weight`)
// and `interconnection_market` (text in `value`); the reach rows came later within schema 6,
// and a version that does not know a row skips it with a warning, so no schema bump.

namespace planner {

inline constexpr int kProjectSchemaVersion = 6;

const char *projectSchemaSql();

// The SQL that lifts a file of schema fromVersion to fromVersion + 1 (run in a transaction, on
// a copy: opening never modifies a file); nullptr when there is no such step.
const char *projectMigrationSql(int fromVersion);

} // namespace planner
