// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/store/projectschema.h"

#include <string>

namespace planner {

namespace {

constexpr char kCoreTablesSql[] = R"SQL(
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326,
   'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
   'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE sites (
  fid INTEGER PRIMARY KEY AUTOINCREMENT, geom GEOMETRY,
  site_id INTEGER NOT NULL UNIQUE, name TEXT NOT NULL);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
  VALUES ('sites', 'features', 'sites', 'Candidate data-centre sites', 4326);
INSERT INTO gpkg_geometry_columns VALUES ('sites', 'geom', 'GEOMETRY', 4326, 0, 0);
CREATE TABLE energize_layers (
  layer_id INTEGER PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL,
  source TEXT NOT NULL, layer_name TEXT NOT NULL DEFAULT '', role TEXT NOT NULL DEFAULT '',
  crs TEXT NOT NULL DEFAULT '',
  visible INTEGER NOT NULL DEFAULT 1, opacity REAL NOT NULL DEFAULT 1.0,
  style TEXT NOT NULL DEFAULT '{}', locations TEXT NOT NULL DEFAULT '');
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('energize_layers', 'attributes', 'energize_layers', 'Map layers of the project');
)SQL";

// Schema 3: GeoPackage attributes tables need an INTEGER PRIMARY KEY (requirement 119), so
// the key is a plain unique column.
constexpr char kMetaTableSql[] = R"SQL(
CREATE TABLE energize_meta (
  id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, value TEXT NOT NULL);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('energize_meta', 'attributes', 'energize_meta', 'Energize project metadata');
)SQL";

// Schema 2 (kept for the migration from 1). `setting` is "weight/<factor id>" (value: a number) or
// "interconnection_market" (value: text); the column has no type, so a number stays a number and
// text stays text.
constexpr char kScoringTableSql[] = R"SQL(
CREATE TABLE energize_scoring (
  setting TEXT PRIMARY KEY, value NOT NULL);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('energize_scoring', 'attributes', 'energize_scoring',
          'Site-score settings of the project: weight/<factor id> and interconnection_market');
)SQL";

// Schema 3. "weight/<factor id>" rows hold a number in `weight`, "interconnection_market" a
// text in `value` (GeoPackage columns need a declared type, requirement 5).
constexpr char kScoringTableV3Sql[] = R"SQL(
CREATE TABLE energize_scoring (
  id INTEGER PRIMARY KEY AUTOINCREMENT, setting TEXT NOT NULL UNIQUE, weight REAL, value TEXT);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('energize_scoring', 'attributes', 'energize_scoring',
          'Site-score settings of the project: weight/<factor id> and interconnection_market');
)SQL";

// Schema 3: the named build plans, one row each with one column per field of a plan file (NULL:
// the field is not given, its default applies), their phases, and the `plans` feature layer of
// headline results, rewritten on every save for GIS users.
constexpr char kPlanTablesSql[] = R"SQL(
CREATE TABLE energize_plans (
  plan_id INTEGER PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL,
  site_id INTEGER, it_load_mw REAL, racks INTEGER, accelerator TEXT NOT NULL,
  custom_accelerator_name TEXT, rack_it_power_kw REAL, accelerators_per_rack REAL,
  liquid_heat_fraction REAL, requires_liquid INTEGER,
  cooling TEXT NOT NULL, transformers TEXT NOT NULL, ups TEXT NOT NULL,
  generators TEXT NOT NULL, cooling_redundancy TEXT NOT NULL,
  interconnection_kv REAL, average_it_load_fraction REAL NOT NULL,
  market TEXT NOT NULL DEFAULT '', start_month TEXT, bridging TEXT NOT NULL DEFAULT '',
  price_year INTEGER, discount_rate REAL, horizon_years INTEGER,
  tokens_per_second_per_accelerator REAL, demand_charge_usd_per_kw_month REAL,
  network_upgrades_usd REAL, new_substation INTEGER NOT NULL DEFAULT 1);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('energize_plans', 'attributes', 'energize_plans',
          'Build plans: what is built at which site (site_id of the sites layer)');
CREATE TABLE energize_plan_phases (
  id INTEGER PRIMARY KEY AUTOINCREMENT, plan_id INTEGER NOT NULL, phase_index INTEGER NOT NULL,
  it_mw REAL NOT NULL, UNIQUE (plan_id, phase_index));
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('energize_plan_phases', 'attributes', 'energize_plan_phases',
          'IT MW of each build phase of a plan, in order');
CREATE TABLE plans (
  fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT, plan_id INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL, site_id INTEGER, site_name TEXT, site_score REAL, mw_it REAL,
  p50_power_on TEXT, p90_power_on TEXT, capex_usd REAL, usd_per_accelerator_hour REAL);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
  VALUES ('plans', 'features', 'plans',
          'Build plans at their sites with headline results (written on save)', 4326);
INSERT INTO gpkg_geometry_columns VALUES ('plans', 'geom', 'POINT', 4326, 0, 0);
)SQL";

// From schema 2: the two tables with a TEXT primary key are rebuilt with an integer one (the
// rows are kept; scoring values go to the column of their type), and the plan tables are
// added. The single plan stays in energize_meta under 'plan'; loadProjectFile makes it the
// project's one named plan, since turning plan JSON into columns needs the plan parser.
constexpr char kMigration2To3Sql[] = R"SQL(
ALTER TABLE energize_meta RENAME TO energize_meta_v2;
DELETE FROM gpkg_contents WHERE table_name = 'energize_meta';
ALTER TABLE energize_scoring RENAME TO energize_scoring_v2;
DELETE FROM gpkg_contents WHERE table_name = 'energize_scoring';
)SQL";
constexpr char kMigration2To3CopySql[] = R"SQL(
INSERT INTO energize_meta (key, value) SELECT key, value FROM energize_meta_v2;
INSERT INTO energize_scoring (setting, weight, value)
  SELECT setting, CASE WHEN typeof(value) IN ('integer', 'real') THEN value END,
         CASE WHEN typeof(value) IN ('integer', 'real') THEN NULL ELSE CAST(value AS TEXT) END
  FROM energize_scoring_v2;
DROP TABLE energize_meta_v2;
DROP TABLE energize_scoring_v2;
UPDATE energize_meta SET value = '3' WHERE key = 'schema_version';
)SQL";

// Schema 4: the comparison view's choice. `kind` is "plan" (a compared plan's name, in column
// order by `position`), "baseline" or "hidden_row" (a figure's row id).
constexpr char kComparisonTableSql[] = R"SQL(
CREATE TABLE energize_comparison (
  id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, position INTEGER NOT NULL,
  value TEXT NOT NULL);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('energize_comparison', 'attributes', 'energize_comparison',
          'Comparison view: compared plans, baseline and hidden figures');
)SQL";

// Schema 6: a layer's field choices, one row per purpose the user chose ("voltage", "name",
// "capacity", "owner", "status", "voltage_unit"); `field` is '' for "no field".
constexpr char kLayerFieldsTableSql[] = R"SQL(
CREATE TABLE energize_layer_fields (
  id INTEGER PRIMARY KEY AUTOINCREMENT, layer_id INTEGER NOT NULL, purpose TEXT NOT NULL,
  field TEXT NOT NULL, UNIQUE (layer_id, purpose));
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('energize_layer_fields', 'attributes', 'energize_layer_fields',
          'Fields chosen for a layer''s voltage, name, capacity, owner and status');
)SQL";

} // namespace

const char *projectSchemaSql()
{
    static const std::string sql = std::string(kCoreTablesSql) + kMetaTableSql + kScoringTableV3Sql
            + kPlanTablesSql + kComparisonTableSql + kLayerFieldsTableSql;
    return sql.c_str();
}

const char *projectMigrationSql(int fromVersion)
{
    switch (fromVersion) {
    case 1: // no scoring overrides: the project scores with the bundled defaults
    {
        static const std::string sql = std::string(kScoringTableSql)
                + "UPDATE energize_meta SET value = '2' WHERE key = 'schema_version';";
        return sql.c_str();
    }
    case 2: {
        static const std::string sql = std::string(kMigration2To3Sql) + kMetaTableSql
                + kScoringTableV3Sql + kPlanTablesSql + kMigration2To3CopySql;
        return sql.c_str();
    }
    case 3: { // nothing chosen yet: the view opens on its defaults
        static const std::string sql = std::string(kComparisonTableSql)
                + "UPDATE energize_meta SET value = '4' WHERE key = 'schema_version';";
        return sql.c_str();
    }
    case 4: // no grid case layers yet: every layer has no second file
        return "ALTER TABLE energize_layers ADD COLUMN locations TEXT NOT NULL DEFAULT '';"
               "UPDATE energize_meta SET value = '5' WHERE key = 'schema_version';";
    case 5: { // no field chosen yet: every layer's fields are guessed, as before
        static const std::string sql = std::string(kLayerFieldsTableSql)
                + "UPDATE energize_meta SET value = '6' WHERE key = 'schema_version';";
        return sql.c_str();
    }
    default:
        return nullptr;
    }
}

} // namespace planner
