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
CREATE TABLE energize_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('energize_meta', 'attributes', 'energize_meta', 'Energize project metadata');
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
  style TEXT NOT NULL DEFAULT '{}');
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('energize_layers', 'attributes', 'energize_layers', 'Map layers of the project');
)SQL";

// Schema 2. `setting` is "weight/<factor id>" (value: a number) or "interconnection_market"
// (value: text); the column has no type, so a number stays a number and text stays text.
constexpr char kScoringTableSql[] = R"SQL(
CREATE TABLE energize_scoring (
  setting TEXT PRIMARY KEY, value NOT NULL);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('energize_scoring', 'attributes', 'energize_scoring',
          'Site-score settings of the project: weight/<factor id> and interconnection_market');
)SQL";

} // namespace

const char *projectSchemaSql()
{
    static const std::string sql = std::string(kCoreTablesSql) + kScoringTableSql;
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
    default:
        return nullptr;
    }
}

} // namespace planner
