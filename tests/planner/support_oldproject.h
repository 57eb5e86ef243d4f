// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Project files as older versions of Energize wrote them, made with those versions' schema SQL
// (copied here as it was, so that a later schema change cannot change these files): schema 2
// (energize_meta with a TEXT key holding the single plan as JSON, energize_scoring with an
// untyped value) and, by dropping energize_scoring, schema 1.

#include "planner/store/geopackagegeometry.h"
#include "planner/store/sqlitedatabase.h"

#include <string>

namespace planner::fixtures {

inline constexpr char kSchema2Sql[] = R"SQL(
PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]', 'WGS 84');
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));
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
CREATE TABLE energize_scoring (setting TEXT PRIMARY KEY, value NOT NULL);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('energize_scoring', 'attributes', 'energize_scoring', 'Site-score settings');
INSERT INTO energize_meta VALUES ('schema_version', '2'), ('name', 'old study'),
  ('created_by', 'Energize 0.2'), ('saved_by', 'Energize 0.2'), ('next_site_id', '3'),
  ('next_layer_id', '2');
)SQL";

// A schema-2 file at path with two sites (ids 1 and 2), one layer, the given plan JSON in
// energize_meta ('' for a project that never changed the default plan) and a slope weight.
// Returns an error message, empty on success.
inline std::string writeSchema2Project(const std::string &path, const std::string &planJson)
{
    auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::Create);
    if (!db)
        return db.error().message;
    if (auto ok = db->execute(kSchema2Sql); !ok)
        return ok.error().message;
    auto site = db->prepare("INSERT INTO sites (site_id, name, geom) VALUES (?, ?, ?)");
    const struct
    {
        std::int64_t id;
        const char *name;
        double lon, lat;
    } sites[] = {{1, "Abilene", -99.78, 32.40}, {2, "Temple", -97.30, 31.05}};
    for (const auto &s : sites) {
        site->reset();
        site->bind(1, s.id);
        site->bind(2, std::string(s.name));
        site->bindBlob(3, encodeGpkgPoint(s.lon, s.lat, 4326));
        site->step();
    }
    auto meta = db->prepare("INSERT INTO energize_meta VALUES ('plan', ?)");
    meta->bind(1, planJson);
    meta->step();
    auto ok = db->execute("INSERT INTO energize_layers (layer_id, position, name, source) VALUES "
                          "(1, 0, 'dem', '/data/elsewhere/dem.tif');"
                          "INSERT INTO energize_scoring VALUES ('weight/slope', 2.5), "
                          "('interconnection_market', 'pjm');");
    return ok ? std::string() : ok.error().message;
}

} // namespace planner::fixtures
