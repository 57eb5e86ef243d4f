// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/store/projectfile.h"

#include "planner/store/comparisonstore.h"
#include "planner/store/durablefile.h"
#include "planner/store/geopackagegeometry.h"
#include "planner/store/layerpaths.h"
#include "planner/store/planstore.h"
#include "planner/store/projectschema.h"
#include "planner/store/sqlitedatabase.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <optional>
#include <sstream>

namespace planner {
namespace {

constexpr std::int64_t kGpkgApplicationId = 0x47504B47; // "GPKG"
constexpr std::int64_t kGpkgUserVersion = 10300; // GeoPackage 1.3
constexpr std::int32_t kWgs84 = 4326;

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

Expected<bool> run(SqliteStatement &stmt, SqliteDatabase &db)
{
    stmt.step();
    if (!stmt.ok())
        return Error{db.lastError()};
    return true;
}

Expected<bool> writeMeta(SqliteDatabase &db, const ProjectData &data, const std::string &appVersion)
{
    const std::pair<std::string, std::string> rows[] = {
            {"schema_version", std::to_string(kProjectSchemaVersion)},
            {"name", data.info.name},
            {"created_by",
             data.info.createdBy.empty() ? "Energize " + appVersion : data.info.createdBy},
            {"saved_by", "Energize " + appVersion},
            {"next_site_id", std::to_string(data.nextSiteId)},
            {"next_layer_id", std::to_string(data.nextLayerId)},
            {"next_plan_id", std::to_string(data.nextPlanId)}};
    for (const auto &[key, value] : rows) {
        auto stmt = db.prepare("INSERT INTO energize_meta (key, value) VALUES (?, ?)");
        if (!stmt)
            return stmt.error();
        stmt->bind(1, key);
        stmt->bind(2, value);
        if (auto ok = run(*stmt, db); !ok)
            return ok;
    }
    return true;
}

Expected<bool> writeSites(SqliteDatabase &db, const std::vector<Site> &sites)
{
    auto insert = db.prepare("INSERT INTO sites (site_id, name, geom) VALUES (?, ?, ?)");
    if (!insert)
        return insert.error();
    double minX = std::numeric_limits<double>::max(), minY = minX;
    double maxX = std::numeric_limits<double>::lowest(), maxY = maxX;
    for (const Site &site : sites) {
        insert->reset();
        insert->bind(1, site.id);
        insert->bind(2, site.name);
        if (site.outline.empty()) {
            insert->bindBlob(3, encodeGpkgPoint(site.longitude, site.latitude, kWgs84));
        } else {
            std::vector<std::pair<double, double>> ring;
            for (const GeoPoint &p : site.outline)
                ring.emplace_back(p.longitude, p.latitude);
            insert->bindBlob(3, encodeGpkgPolygon(ring, kWgs84));
        }
        if (auto ok = run(*insert, db); !ok)
            return ok;
        std::vector<GeoPoint> points = site.outline;
        points.push_back({site.longitude, site.latitude});
        for (const GeoPoint &p : points) {
            minX = std::min(minX, p.longitude);
            maxX = std::max(maxX, p.longitude);
            minY = std::min(minY, p.latitude);
            maxY = std::max(maxY, p.latitude);
        }
    }
    if (sites.empty())
        return true;
    auto extent = db.prepare("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? "
                             "WHERE table_name = 'sites'");
    if (!extent)
        return extent.error();
    extent->bind(1, minX);
    extent->bind(2, minY);
    extent->bind(3, maxX);
    extent->bind(4, maxY);
    return run(*extent, db);
}

constexpr const char *kWeightPrefix = "weight/";
constexpr const char *kReachPrefix = "reach_km/"; // its number sits in the `weight` column
constexpr const char *kMarketSetting = "interconnection_market";

Expected<bool> writeScoring(SqliteDatabase &db, const ScoringOverrides &scoring)
{
    auto insert = db.prepare("INSERT INTO energize_scoring (setting, weight) VALUES (?, ?)");
    auto text = db.prepare("INSERT INTO energize_scoring (setting, value) VALUES (?, ?)");
    if (!insert)
        return insert.error();
    if (!text)
        return text.error();
    for (const auto &[id, weight] : scoring.weights) {
        if (!isValidScoringId(id) || !isValidScoringWeight(weight))
            return Error{"score weight of '" + id + "' is not a finite number >= 0"};
        insert->reset();
        insert->bind(1, kWeightPrefix + id);
        insert->bind(2, weight);
        if (auto ok = run(*insert, db); !ok)
            return ok;
    }
    for (const auto &[id, km] : scoring.reachKm) {
        if (!isValidScoringId(id) || !isValidScoringReach(km))
            return Error{"score reach of '" + id + "' is not a distance in km"};
        insert->reset();
        insert->bind(1, kReachPrefix + id);
        insert->bind(2, km);
        if (auto ok = run(*insert, db); !ok)
            return ok;
    }
    if (scoring.market.empty())
        return true;
    if (!isValidScoringId(scoring.market))
        return Error{"interconnection market '" + scoring.market + "' is not a market id"};
    text->bind(1, std::string(kMarketSetting));
    text->bind(2, scoring.market);
    return run(*text, db);
}

// Reads what it can: a bad row is skipped with a warning, the rest of the project still opens.
Expected<ScoringOverrides> readScoring(SqliteDatabase &db, const std::string &path,
                                       std::vector<std::string> &warnings)
{
    auto stmt = db.prepare("SELECT setting, weight, value FROM energize_scoring ORDER BY setting");
    if (!stmt)
        return Error{path + ": cannot read score settings (" + stmt.error().message + ")"};
    ScoringOverrides scoring;
    const std::string prefix = kWeightPrefix;
    const std::string reachPrefix = kReachPrefix;
    while (stmt->step()) {
        const std::string setting = stmt->text(0);
        if (setting.rfind(reachPrefix, 0) == 0) {
            const std::string id = setting.substr(reachPrefix.size());
            const bool number = stmt->isNumber(1);
            const double km = number ? stmt->real(1) : 0.0;
            const std::string shown = stmt->isNull(1) ? stmt->text(2) : stmt->text(1);
            if (!isValidScoringId(id))
                warnings.push_back("score reach '" + setting + "' names no factor id; ignored");
            else if (!number || !isValidScoringReach(km))
                warnings.push_back("score reach of '" + id + "' is '" + shown
                                   + "', not a distance in km (more than 0, at most "
                                   + std::to_string(int(kMaxScoringReachKm))
                                   + "); the default reach is used");
            else
                scoring.reachKm[id] = km;
        } else if (setting.rfind(prefix, 0) == 0) {
            const std::string id = setting.substr(prefix.size());
            const bool number = stmt->isNumber(1);
            const double weight = number ? stmt->real(1) : 0.0;
            // A weight that is not a number (text, NaN) sits in `weight` as text or in `value`.
            const std::string shown = stmt->isNull(1) ? stmt->text(2) : stmt->text(1);
            if (!isValidScoringId(id))
                warnings.push_back("score weight '" + setting + "' names no factor id; ignored");
            else if (!number || !isValidScoringWeight(weight))
                warnings.push_back("score weight of '" + id + "' is '" + shown
                                   + "', not a number >= 0; the default weight is used");
            else
                scoring.weights[id] = weight;
        } else if (setting == kMarketSetting) {
            const std::string market = stmt->text(2);
            if (isValidScoringId(market))
                scoring.market = market;
            else
                warnings.push_back("interconnection market '" + market
                                   + "' is not a market id; the default market is used");
        } else {
            warnings.push_back("unknown score setting '" + setting + "'; ignored");
        }
    }
    if (!stmt->ok())
        return Error{path + ": cannot read score settings (" + db.lastError() + ")"};
    return scoring;
}

// Lifts an older file, copied into memory, to the current schema.
Expected<SqliteDatabase> migrated(SqliteDatabase &file, int fromVersion, const std::string &path)
{
    auto copy = file.copyToMemory();
    if (!copy)
        return Error{path + ": " + copy.error().message};
    for (int version = fromVersion; version < kProjectSchemaVersion; ++version) {
        const char *sql = projectMigrationSql(version);
        if (!sql)
            return Error{path + ": no migration from project schema " + std::to_string(version)};
        if (auto ok = copy->execute(std::string("BEGIN;") + sql + "COMMIT;"); !ok)
            return Error{path + ": cannot migrate project schema " + std::to_string(version) + " ("
                         + ok.error().message + ")"};
    }
    return copy;
}

Expected<bool> writeLayers(SqliteDatabase &db, const std::vector<LayerRef> &layers,
                           const std::string &projectDir)
{
    auto insert = db.prepare("INSERT INTO energize_layers (layer_id, position, name, source, "
                             "layer_name, role, visible, opacity, style, crs, locations) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    std::int64_t position = 0;
    for (const LayerRef &layer : layers) {
        insert->reset();
        insert->bind(1, layer.id);
        insert->bind(2, position++);
        insert->bind(3, layer.name);
        insert->bind(4, portableLayerSource(layer.source, projectDir));
        insert->bind(5, layer.layerName);
        insert->bind(6, layer.role);
        insert->bind(7, std::int64_t(layer.visible ? 1 : 0));
        insert->bind(8, layer.opacity);
        insert->bind(9, layer.style);
        insert->bind(10, layer.crs);
        insert->bind(11, portableLayerSource(layer.locations, projectDir));
        if (auto ok = run(*insert, db); !ok)
            return ok;
    }
    auto field = db.prepare(
            "INSERT INTO energize_layer_fields (layer_id, purpose, field) VALUES (?, ?, ?)");
    if (!field)
        return field.error();
    for (const LayerRef &layer : layers) {
        for (const auto &[purpose, name] : layer.fields) {
            field->reset();
            field->bind(1, layer.id);
            field->bind(2, purpose);
            field->bind(3, name);
            if (auto ok = run(*field, db); !ok)
                return ok;
        }
    }
    return true;
}

// Each layer's field choices (schema 6); a row of a layer that is not there is ignored.
Expected<bool> readLayerFields(SqliteDatabase &db, const std::string &path,
                               std::vector<LayerRef> &layers)
{
    auto stmt = db.prepare("SELECT layer_id, purpose, field FROM energize_layer_fields");
    if (!stmt)
        return Error{path + ": cannot read layer fields (" + stmt.error().message + ")"};
    while (stmt->step()) {
        const std::int64_t id = stmt->integer(0);
        for (LayerRef &layer : layers) {
            if (layer.id == id)
                layer.fields[stmt->text(1)] = stmt->text(2);
        }
    }
    if (!stmt->ok())
        return Error{path + ": cannot read layer fields (" + db.lastError() + ")"};
    return true;
}

Expected<std::vector<LayerRef>> readLayers(SqliteDatabase &db, const std::string &path,
                                           const std::string &projectDir)
{
    auto stmt = db.prepare("SELECT layer_id, name, source, layer_name, role, visible, opacity, "
                           "style, crs, locations FROM energize_layers ORDER BY position");
    if (!stmt)
        return Error{path + ": cannot read layers (" + stmt.error().message + ")"};
    std::vector<LayerRef> layers;
    while (stmt->step()) {
        LayerRef layer;
        layer.id = stmt->integer(0);
        layer.name = stmt->text(1);
        layer.source = resolvedLayerSource(stmt->text(2), projectDir);
        layer.layerName = stmt->text(3);
        layer.role = stmt->text(4);
        // SQLite keeps whatever it is given; text here would read as 0 (an invisible layer).
        if (!stmt->isNumber(5) || !stmt->isNumber(6) || !(stmt->real(6) >= 0.0)
            || !(stmt->real(6) <= 1.0))
            return Error{path + ": layer '" + layer.name + "': visible '" + stmt->text(5)
                         + "' and opacity '" + stmt->text(6)
                         + "' must be numbers (opacity from 0 to 1) — the file is damaged"};
        layer.visible = stmt->integer(5) != 0;
        layer.opacity = stmt->real(6);
        layer.style = stmt->text(7);
        layer.crs = stmt->text(8);
        layer.locations = resolvedLayerSource(stmt->text(9), projectDir);
        layers.push_back(std::move(layer));
    }
    if (!stmt->ok())
        return Error{path + ": cannot read layers (" + db.lastError() + ")"};
    if (auto ok = readLayerFields(db, path, layers); !ok)
        return ok.error();
    return layers;
}

std::string shortNumber(double v)
{
    std::ostringstream out;
    out << v;
    return out.str();
}

Expected<std::vector<Site>> readSites(SqliteDatabase &db, const std::string &path)
{
    auto stmt = db.prepare("SELECT site_id, name, geom FROM sites ORDER BY fid");
    if (!stmt)
        return Error{path + ": cannot read sites (" + stmt.error().message + ")"};
    std::vector<Site> sites;
    while (stmt->step()) {
        Site site;
        site.id = stmt->integer(0);
        site.name = stmt->text(1);
        auto geometry = decodeGpkgPointOrPolygon(stmt->blob(2));
        if (!geometry)
            return Error{path + ": site '" + site.name + "': " + geometry.error().message};
        for (const auto &[x, y] : *geometry) {
            if (!(std::abs(x) <= 180.0) || !(std::abs(y) <= 90.0))
                return Error{path + ": site '" + site.name + "': (" + shortNumber(x) + ", "
                             + shortNumber(y)
                             + ") is not a longitude/latitude — the file is damaged"};
        }
        if (geometry->size() == 1) {
            site.longitude = geometry->front().first;
            site.latitude = geometry->front().second;
        } else {
            for (const auto &[x, y] : *geometry)
                site.outline.push_back({x, y});
            const GeoPoint centre = outlineCentre(site.outline);
            site.longitude = centre.longitude;
            site.latitude = centre.latitude;
        }
        sites.push_back(std::move(site));
    }
    if (!stmt->ok())
        return Error{path + ": cannot read sites (" + db.lastError() + ")"};
    return sites;
}

// The folder a project file's relative layer paths start from.
std::string projectFolder(const std::string &path)
{
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    return ec ? std::string() : absolute.parent_path().lexically_normal().string();
}

} // namespace

// Crash-safe save: the project is written to a side file beside the target (PATH.saving), which
// is closed, flushed to the disk, renamed over the target and followed by a flush of the folder
// (durablefile.h). A crash or a kill at any point leaves the old file or the new one, never a
// torn one; a failure (full disk, read-only folder) removes the side file and leaves the old
// file as it was. The side file needs no journal of its own: it is never the live copy.
Expected<ProjectInfo> saveProjectFile(const std::string &path, const ProjectData &data,
                                      const std::string &appVersion)
{
    const std::string temp = path + ".saving";
    auto fail = [&](const std::string &reason) {
        removeSideFile(temp);
        return Error{path + ": cannot save (" + reason + "); the file on disk is unchanged"};
    };
    removeSideFile(temp); // a stale side file from a crash
    if (auto created = createSideFile(temp); !created)
        return fail(created.error().message);
    {
        auto db = SqliteDatabase::open(temp, SqliteDatabase::Mode::ReadWrite);
        if (!db)
            return fail(db.error().message);
        auto failed = [&](const Error &e) {
            std::string reason = e.message;
            if (const int error = db->systemErrno(); error != 0)
                reason += ": " + systemErrorText(error);
            return reason;
        };
        const std::string header = "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                                   "PRAGMA application_id = "
                + std::to_string(kGpkgApplicationId)
                + "; PRAGMA user_version = " + std::to_string(kGpkgUserVersion) + ";";
        Expected<bool> ok = db->execute(header + "BEGIN;" + projectSchemaSql());
        if (ok)
            ok = writeMeta(*db, data, appVersion);
        if (ok)
            ok = writeSites(*db, data.sites);
        if (ok)
            ok = writeLayers(*db, data.layers, projectFolder(path));
        if (ok)
            ok = writeScoring(*db, data.scoring);
        if (ok)
            ok = writePlans(*db, data.plans);
        if (ok)
            ok = writeComparison(*db, data.comparison);
        if (ok)
            ok = writePlansLayer(*db, data.plans, data.sites, data.headlines);
        if (ok)
            ok = db->execute("COMMIT;");
        if (!ok) {
            const std::string reason = failed(ok.error());
            *db = SqliteDatabase(); // closed before the side file is removed
            return fail(reason);
        }
    } // closed here: SQLite has written every page
    if (auto replaced = replaceDurably(temp, path); !replaced)
        return Error{path + ": " + replaced.error().message};
    return readProjectFile(path);
}

Expected<ProjectData> loadProjectFile(const std::string &path)
{
    std::error_code existsError;
    const auto status = std::filesystem::status(path, existsError);
    if (existsError && existsError != std::errc::no_such_file_or_directory)
        return Error{path + ": cannot be read (" + existsError.message() + ")"};
    if (!std::filesystem::exists(status))
        return Error{path + ": no such file"};
    if (std::filesystem::is_directory(status))
        return Error{path + ": is a directory, not a project file"};
    if (std::filesystem::file_size(path, existsError) == 0 && !existsError)
        return Error{path + ": is empty (0 bytes), not a project file"};
    auto opened = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnly);
    if (!opened)
        return opened.error();
    SqliteDatabase *db = &*opened;
    auto appId = db->queryInteger("PRAGMA application_id");
    if (!appId)
        return Error{path + ": not a GeoPackage or SQLite file (" + appId.error().message + ")"};
    if (*appId != kGpkgApplicationId)
        return Error{path + ": not a GeoPackage (application_id is not GPKG)"};
    auto schema = metaValue(*db, "schema_version");
    if (!schema)
        return Error{path + ": a GeoPackage, but not an Energize project (no energize_meta)"};
    ProjectData data;
    ProjectInfo &info = data.info;
    info.schemaVersion = std::atoi(schema->c_str());
    if (info.schemaVersion <= 0)
        return Error{path + ": invalid schema_version '" + *schema + "'"};
    if (info.schemaVersion > kProjectSchemaVersion)
        return Error{path + ": made by a newer Energize (project schema "
                     + std::to_string(info.schemaVersion) + ", this version reads up to "
                     + std::to_string(kProjectSchemaVersion) + "); update Energize to open it"};
    std::optional<SqliteDatabase> migratedCopy;
    if (info.schemaVersion < kProjectSchemaVersion) {
        auto copy = migrated(*db, info.schemaVersion, path);
        if (!copy)
            return copy.error();
        migratedCopy = std::move(*copy);
        db = &*migratedCopy;
    }
    auto name = metaValue(*db, "name");
    info.name = name ? *name : std::string();
    auto createdBy = metaValue(*db, "created_by");
    info.createdBy = createdBy ? *createdBy : std::string();
    auto sites = readSites(*db, path);
    if (!sites)
        return sites.error();
    data.sites = std::move(*sites);
    auto next = metaValue(*db, "next_site_id");
    data.nextSiteId = next ? std::atoll(next->c_str()) : 1;
    for (const Site &site : data.sites)
        data.nextSiteId = std::max(data.nextSiteId, site.id + 1);
    auto layers = readLayers(*db, path, projectFolder(path));
    if (!layers)
        return layers.error();
    data.layers = std::move(*layers);
    auto nextLayer = metaValue(*db, "next_layer_id");
    data.nextLayerId = nextLayer ? std::atoll(nextLayer->c_str()) : 1;
    for (const LayerRef &layer : data.layers)
        data.nextLayerId = std::max(data.nextLayerId, layer.id + 1);
    auto scoring = readScoring(*db, path, data.warnings);
    if (!scoring)
        return scoring.error();
    data.scoring = std::move(*scoring);
    if (info.schemaVersion < 3) {
        auto plan = metaValue(*db, "plan");
        const std::int64_t firstSite = data.sites.empty() ? 0 : data.sites.front().id;
        if (auto named = legacyPlan(plan ? *plan : std::string(), firstSite, data.warnings))
            data.plans.push_back(std::move(*named));
    } else {
        auto plans = readPlans(*db, path, data.warnings);
        if (!plans)
            return plans.error();
        data.plans = std::move(*plans);
    }
    for (BuildPlan &plan : data.plans) {
        const bool known = std::any_of(data.sites.begin(), data.sites.end(),
                                       [&](const Site &site) { return site.id == plan.siteId; });
        if (plan.siteId != 0 && !known) {
            data.warnings.push_back("plan '" + plan.name + "': its site "
                                    + std::to_string(plan.siteId)
                                    + " is not in the sites table; the plan has no site now");
            plan.siteId = 0;
        }
    }
    auto comparison = readComparison(*db, path, data.warnings);
    if (!comparison)
        return comparison.error();
    data.comparison = std::move(*comparison);
    auto nextPlan = metaValue(*db, "next_plan_id");
    data.nextPlanId = nextPlan ? std::atoll(nextPlan->c_str()) : 1;
    for (const BuildPlan &plan : data.plans)
        data.nextPlanId = std::max(data.nextPlanId, plan.id + 1);
    return data;
}

Expected<ProjectInfo> createProjectFile(const std::string &path, const std::string &name,
                                        const std::string &appVersion)
{
    ProjectData data;
    data.info.name = name;
    return saveProjectFile(path, data, appVersion);
}

Expected<ProjectInfo> readProjectFile(const std::string &path)
{
    auto data = loadProjectFile(path);
    if (!data)
        return data.error();
    return data->info;
}

} // namespace planner
