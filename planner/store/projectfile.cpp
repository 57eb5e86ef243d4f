// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/store/projectfile.h"

#include "planner/store/sqlitedatabase.h"

#include <cstdlib>
#include <filesystem>

namespace planner {
namespace {

constexpr std::int64_t kGpkgApplicationId = 0x47504B47; // "GPKG"
constexpr std::int64_t kGpkgUserVersion = 10300; // GeoPackage 1.3

// GeoPackage 1.3 core tables with the three spatial reference systems every file must hold.
constexpr const char *kGpkgCore = R"SQL(
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
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));
CREATE TABLE energize_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('energize_meta', 'attributes', 'energize_meta', 'Energize project metadata');
)SQL";

Expected<std::string> metaValue(SqliteDatabase &db, const std::string &key)
{
    auto stmt = db.prepare("SELECT value FROM energize_meta WHERE key = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, key);
    if (!stmt->step())
        return Error{"missing '" + key + "' in energize_meta"};
    return stmt->text(0);
}

} // namespace

Expected<ProjectInfo> createProjectFile(const std::string &path, const std::string &name,
                                        const std::string &appVersion)
{
    // Write beside the target and rename, so a failed save never destroys the previous file.
    const std::string temp = path + ".saving";
    std::error_code removeError;
    std::filesystem::remove(temp, removeError); // a stale temporary from a crash
    {
        auto db = SqliteDatabase::open(temp, SqliteDatabase::Mode::Create);
        if (!db)
            return db.error();
        const std::string header = "PRAGMA application_id = " + std::to_string(kGpkgApplicationId)
                + "; PRAGMA user_version = " + std::to_string(kGpkgUserVersion) + ";";
        auto ok = db->execute(header + "BEGIN;" + kGpkgCore + "COMMIT;");
        if (!ok)
            return Error{path + ": cannot write project (" + ok.error().message + ")"};
        const std::pair<std::string, std::string> rows[] = {
                {"schema_version", std::to_string(kProjectSchemaVersion)},
                {"name", name},
                {"created_by", "Energize " + appVersion}};
        for (const auto &[key, value] : rows) {
            auto stmt = db->prepare("INSERT INTO energize_meta (key, value) VALUES (?, ?)");
            if (!stmt)
                return stmt.error();
            stmt->bind(1, key);
            stmt->bind(2, value);
            stmt->step();
            if (!stmt->ok())
                return Error{path + ": cannot write project (" + db->lastError() + ")"};
        }
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec)
        return Error{path + ": cannot replace file (" + ec.message() + ")"};
    return readProjectFile(path);
}

Expected<ProjectInfo> readProjectFile(const std::string &path)
{
    std::error_code existsError;
    if (!std::filesystem::exists(path, existsError))
        return Error{path + ": no such file"};
    auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return db.error();
    auto appId = db->queryInteger("PRAGMA application_id");
    if (!appId)
        return Error{path + ": not a GeoPackage or SQLite file (" + appId.error().message + ")"};
    if (*appId != kGpkgApplicationId)
        return Error{path + ": not a GeoPackage (application_id is not GPKG)"};
    auto schema = metaValue(*db, "schema_version");
    if (!schema)
        return Error{path + ": a GeoPackage, but not an Energize project (no energize_meta)"};
    ProjectInfo info;
    info.schemaVersion = std::atoi(schema->c_str());
    if (info.schemaVersion <= 0)
        return Error{path + ": invalid schema_version '" + *schema + "'"};
    if (info.schemaVersion > kProjectSchemaVersion)
        return Error{path + ": made by a newer Energize (project schema "
                     + std::to_string(info.schemaVersion) + ", this version reads up to "
                     + std::to_string(kProjectSchemaVersion) + "); update Energize to open it"};
    auto name = metaValue(*db, "name");
    info.name = name ? *name : std::string();
    auto createdBy = metaValue(*db, "created_by");
    info.createdBy = createdBy ? *createdBy : std::string();
    return info;
}

} // namespace planner
