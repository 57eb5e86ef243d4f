// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/catalog/catalogloader.h"

#include "planner/core/catalog/entryreader.h"
#include "planner/core/common/textfile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace planner {
namespace {

using nlohmann::json;
using EntryFn = std::function<void(EntryReader &, const std::string &id)>;

// Opens one catalog file: JSON syntax, schema version, kind, and for each entry an id and a
// source and year; then hands every entry to `readEntry`.
std::string readFile(const CatalogFile &file, const char *kind, std::vector<SourceRef> &sources,
                     const EntryFn &readEntry)
{
    json doc;
    try {
        doc = json::parse(file.text);
    } catch (const json::exception &e) {
        return file.name + ": not valid JSON (" + e.what() + ")";
    }
    if (!doc.is_object() || !doc.contains("schema_version") || !doc["schema_version"].is_number())
        return file.name + ": no \"schema_version\" number at the top level";
    if (doc["schema_version"].get<double>() != kCatalogSchemaVersion) {
        return file.name + ": schema_version " + doc["schema_version"].dump()
                + " is not supported; this Energize reads version "
                + std::to_string(kCatalogSchemaVersion);
    }
    if (!doc.contains("kind") || doc["kind"] != kind)
        return file.name + ": \"kind\" must be \"" + kind + "\"";
    if (!doc.contains("entries") || !doc["entries"].is_array() || doc["entries"].empty())
        return file.name + ": \"entries\" must be a non-empty list";

    std::set<std::string> ids;
    int index = 0;
    for (const json &entry : doc["entries"]) {
        ++index;
        const std::string where = file.name + ": entry #" + std::to_string(index);
        if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string()
            || entry["id"].get<std::string>().empty())
            return where + ": field 'id': expected a non-empty string";
        const std::string id = entry["id"].get<std::string>();
        if (!ids.insert(id).second)
            return file.name + ": entry '" + id + "': the id is used twice";
        SourceRef ref;
        for (const char *key : {"source", "year"}) {
            if (!entry.contains(key) || !entry[key].is_string()
                || entry[key].get<std::string>().empty())
                return file.name + ": entry '" + id + "': field '" + key
                        + "': expected a non-empty string";
        }
        ref.url = entry["source"].get<std::string>();
        ref.year = entry["year"].get<std::string>();
        if (entry.contains("status") && entry["status"].is_string())
            ref.status = entry["status"].get<std::string>();
        if (!ref.status.empty() && !isFigureStatus(ref.status))
            return file.name + ": entry '" + id + "': field 'status': '" + ref.status
                    + "' is not one of " + figureStatusList();
        if (entry.contains("note") && entry["note"].is_string())
            ref.note = entry["note"].get<std::string>();
        const int entrySource = internSource(sources, std::move(ref));
        EntryReader reader(entry, file.name, id, sources, entrySource);
        try {
            readEntry(reader, id);
        } catch (const json::exception &e) {
            reader.fail("?", e.what());
        }
        if (!reader.ok())
            return reader.error();
    }
    return {};
}

CoolingLoop readLoop(EntryReader &r)
{
    CoolingLoop loop;
    loop.present = true;
    const std::string limit = r.text("limit");
    if (limit == "dry-bulb")
        loop.limit = AmbientLimit::DryBulb;
    else if (limit == "wet-bulb")
        loop.limit = AmbientLimit::WetBulb;
    else if (r.ok())
        r.fail("limit", "expected \"dry-bulb\" or \"wet-bulb\"");
    loop.supplyC = r.figure("supply_c", -20.0, 80.0);
    loop.approachK = r.figure("approach_k", 0.0, 40.0);
    loop.partialBandK = r.figure("partial_band_k", 0.0, 40.0);
    loop.freeOverhead = r.figure("free_overhead", 0.0, 2.0);
    loop.chillerCop = r.positive("chiller_cop");
    loop.copLossPerK = r.figure("cop_loss_per_k", 0.0, 1.0);
    loop.chillerUnitMw = r.positive("chiller_unit_mw");
    loop.rejectionUnit = r.text("rejection_unit");
    loop.rejectionUnitMw = r.positive("rejection_unit_mw");
    const bool wet = loop.limit == AmbientLimit::WetBulb;
    if (r.ok() && wet != r.has("evaporation")) {
        r.fail("evaporation",
               wet ? "missing: a wet-bulb loop evaporates water; give its model and figures"
                   : "a dry-bulb loop uses no water; remove it or make the loop wet-bulb");
    }
    if (r.ok() && wet) {
        EntryReader ev = r.nested("evaporation");
        Evaporation &e = loop.evaporation;
        const std::string model = ev.text("model");
        if (model == "cooling-tower") {
            e.model = EvaporationModel::CoolingTower;
            e.rangeK = ev.figure("range_k", 0.5, 30.0);
        } else if (model == "direct-evaporative") {
            e.model = EvaporationModel::DirectEvaporative;
            e.airRiseK = ev.figure("air_rise_k", 1.0, 40.0);
            e.latentHeatKjPerKg = ev.figure("latent_heat_kj_per_kg", 2000.0, 2600.0);
        } else if (ev.ok()) {
            ev.fail("model", "expected \"cooling-tower\" or \"direct-evaporative\"");
        }
        e.cyclesOfConcentration = ev.figure("cycles_of_concentration", 1.1, 50.0);
        r.adopt(ev);
    }
    return loop;
}

// The optional "throughput" list: one object per model class, each with its benchmark, scenario
// and a sourced tokens_per_second_per_accelerator figure.
std::vector<ModelThroughput> readThroughput(EntryReader &r)
{
    std::vector<ModelThroughput> out;
    if (!r.has("throughput"))
        return out;
    const nlohmann::json &list = r.raw("throughput");
    if (!list.is_array()) {
        r.fail("throughput",
               "expected a list of {model_class, benchmark, scenario, "
               "tokens_per_second_per_accelerator}");
        return out;
    }
    for (std::size_t i = 0; i < list.size() && r.ok(); ++i) {
        EntryReader item = r.element(list[i], "throughput[" + std::to_string(i) + "]");
        if (!list[i].is_object()) {
            item.fail("", "expected an object");
            r.adopt(item);
            break;
        }
        ModelThroughput t;
        t.modelClass = item.text("model_class");
        if (item.ok() && !isModelClass(t.modelClass))
            item.fail("model_class",
                      "'" + t.modelClass + "' is not mini, large-dense, xl-dense or reasoning");
        for (const ModelThroughput &seen : out) {
            if (item.ok() && seen.modelClass == t.modelClass)
                item.fail("model_class", "'" + t.modelClass + "' is listed twice");
        }
        t.benchmark = item.text("benchmark");
        t.scenario = item.text("scenario");
        if (item.ok() && t.scenario != "Offline" && t.scenario != "Server")
            item.fail("scenario", "'" + t.scenario + "' is not Offline or Server");
        t.tokensPerSecond = item.positive("tokens_per_second_per_accelerator");
        r.adopt(item);
        out.push_back(std::move(t));
    }
    return out;
}

void readAccelerator(Catalog &c, EntryReader &r, const std::string &id, int source)
{
    AcceleratorSystem a;
    a.id = id;
    a.name = r.text("name");
    a.acceleratorsPerRack = r.figure("accelerators_per_rack", 0.0, 100000.0);
    a.rackItPowerKw = r.positive("rack_it_power_kw");
    a.liquidHeatFraction = r.fraction("liquid_heat_fraction");
    a.requiresLiquid = r.flag("requires_liquid", false);
    a.throughput = readThroughput(r);
    a.source = source;
    c.accelerators.push_back(std::move(a));
}

void readCooling(Catalog &c, EntryReader &r, const std::string &id, int source)
{
    CoolingArchitecture a;
    a.id = id;
    a.name = r.text("name");
    if (r.has("liquid_loop")) {
        EntryReader loop = r.nested("liquid_loop");
        a.liquid = readLoop(loop);
        r.adopt(loop);
        a.cduUnitMw = r.positive("cdu_unit_mw");
    }
    if (r.has("air_loop")) {
        EntryReader loop = r.nested("air_loop");
        a.air = readLoop(loop);
        r.adopt(loop);
    }
    a.allHeatToLiquid = r.flag("all_heat_to_liquid", false);
    if (r.ok() && !a.liquid.present && !a.air.present)
        r.fail("liquid_loop", "an architecture needs a liquid_loop, an air_loop or both");
    if (r.ok() && (a.allHeatToLiquid ? !a.liquid.present : !a.air.present))
        r.fail(a.allHeatToLiquid ? "liquid_loop" : "air_loop",
               "missing for this architecture (see all_heat_to_liquid)");
    a.maxAirRackKw = r.positive("max_air_rack_kw");
    a.wueLPerKwh = r.figure("wue_l_per_kwh", 0.0, 20.0);
    a.pueBandMin = r.figure("pue_band_min", 1.0, 5.0);
    a.pueBandMax = r.figure("pue_band_max", 1.0, 5.0);
    if (r.ok() && a.pueBandMax.value < a.pueBandMin.value)
        r.fail("pue_band_max", "must not be below pue_band_min");
    a.source = source;
    c.cooling.push_back(std::move(a));
}

void readElectrical(Catalog &c, EntryReader &r, const std::string &id, std::set<std::string> &seen)
{
    ElectricalCatalog &e = c.electrical;
    seen.insert(id);
    if (id.rfind("interconnection-", 0) == 0) {
        VoltageClass v;
        v.id = id;
        v.voltageKv = r.positive("voltage_kv");
        if (r.has("max_load_mw"))
            v.maxLoadMw = r.positive("max_load_mw");
        e.voltageClasses.push_back(v);
    } else if (id == "utility-transformer") {
        e.transformerRatingsMva = r.positiveList("ratings_mva");
        e.transformerMaxUnitsPerSubstation = r.figure("max_units_per_substation", 1.0, 100.0);
        e.transformerLossFraction = r.figure("loss_fraction", 0.0, 0.2);
    } else if (id == "power-factor") {
        e.powerFactor = r.figure("power_factor", 0.5, 1.0);
    } else if (id == "ups-module") {
        e.upsModuleMw = r.positive("rating_mw");
        e.upsModulesPerSystem = r.figure("max_modules_per_system", 1.0, 64.0);
        e.upsEfficiency = r.figure("efficiency", 0.5, 1.0);
    } else if (id == "pdu") {
        e.pduEfficiency = r.figure("efficiency", 0.5, 1.0);
    } else if (id == "generator") {
        e.generatorUnitMw = r.positive("rating_mw");
        e.generatorsPerGroup = r.figure("max_units_per_group", 1.0, 64.0);
    } else if (id == "mv-block") {
        e.mvBlockMva = r.positive("rating_mva");
    } else if (id == "campus-distribution") {
        e.campusMvKv = r.positive("voltage_kv");
    } else {
        r.fail("id",
               "unknown electrical entry (expected utility-transformer, power-factor, "
               "ups-module, pdu, generator, mv-block, campus-distribution or "
               "interconnection-…)");
    }
}

void readFacility(Catalog &c, EntryReader &r, const std::string &id, std::set<std::string> &seen)
{
    FacilityCatalog &f = c.facility;
    seen.insert(id);
    if (id == "white-space")
        f.whiteSpaceM2PerRack = r.positive("m2_per_rack");
    else if (id == "support-space")
        f.supportM2PerMw = r.figure("m2_per_mw", 0.0, 100000.0);
    else if (id == "storeys")
        f.storeys = r.figure("count", 1.0, 20.0);
    else if (id == "generator-yard")
        f.generatorYardM2PerUnit = r.positive("m2_per_unit");
    else if (id == "substation-yard")
        f.substationM2PerMva = r.positive("m2_per_mva");
    else if (id == "heat-rejection-yard")
        f.heatRejectionM2PerMw = r.positive("m2_per_mw");
    else if (id == "site-coverage")
        f.siteCoverage = r.figure("ratio", 0.01, 1.0);
    else
        r.fail("id", "unknown facility entry");
}

std::string missingEntries(const std::string &file, const std::set<std::string> &seen,
                           std::initializer_list<const char *> required)
{
    for (const char *id : required) {
        if (!seen.count(id))
            return file + ": no entry '" + id + "'";
    }
    return {};
}

const CatalogFile *findFile(const std::vector<CatalogFile> &files, const std::string &name)
{
    for (const CatalogFile &f : files) {
        if (f.name == name || std::filesystem::path(f.name).filename() == name)
            return &f;
    }
    return nullptr;
}

} // namespace

Expected<Catalog> parseCatalog(const std::vector<CatalogFile> &files)
{
    Catalog c;
    c.schemaVersion = kCatalogSchemaVersion;
    for (const char *name :
         {"accelerators.json", "cooling.json", "electrical.json", "facility.json"}) {
        if (!findFile(files, name))
            return Error{std::string("the catalog has no ") + name};
    }
    const CatalogFile &acc = *findFile(files, "accelerators.json");
    std::string err =
            readFile(acc, "accelerators", c.sources, [&](EntryReader &r, const std::string &id) {
                readAccelerator(c, r, id, r.entrySource());
            });
    if (!err.empty())
        return Error{err};

    const CatalogFile &cool = *findFile(files, "cooling.json");
    err = readFile(cool, "cooling", c.sources, [&](EntryReader &r, const std::string &id) {
        readCooling(c, r, id, r.entrySource());
    });
    if (!err.empty())
        return Error{err};

    const CatalogFile &elec = *findFile(files, "electrical.json");
    std::set<std::string> seen;
    err = readFile(elec, "electrical", c.sources,
                   [&](EntryReader &r, const std::string &id) { readElectrical(c, r, id, seen); });
    if (err.empty()) {
        err = missingEntries(elec.name, seen,
                             {"utility-transformer", "power-factor", "ups-module", "pdu",
                              "generator", "mv-block", "campus-distribution"});
    }
    if (err.empty() && c.electrical.voltageClasses.empty())
        err = elec.name + ": no 'interconnection-…' entry (utility voltage classes)";
    if (!err.empty())
        return Error{err};
    std::sort(c.electrical.voltageClasses.begin(), c.electrical.voltageClasses.end(),
              [](const VoltageClass &a, const VoltageClass &b) {
                  return a.voltageKv.value < b.voltageKv.value;
              });

    const CatalogFile &fac = *findFile(files, "facility.json");
    seen.clear();
    err = readFile(fac, "facility", c.sources,
                   [&](EntryReader &r, const std::string &id) { readFacility(c, r, id, seen); });
    if (err.empty()) {
        err = missingEntries(fac.name, seen,
                             {"white-space", "support-space", "storeys", "generator-yard",
                              "substation-yard", "heat-rejection-yard", "site-coverage"});
    }
    if (!err.empty())
        return Error{err};
    return c;
}

Expected<Catalog> loadCatalog(const std::string &directory)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(directory, ec))
        return Error{"catalog directory " + directory + " does not exist"};
    std::vector<CatalogFile> files;
    for (const char *name :
         {"accelerators.json", "cooling.json", "electrical.json", "facility.json"}) {
        const fs::path path = fs::path(directory) / name;
        Expected<std::string> text = readTextFile(path.string());
        if (!text)
            return Error{text.error().message + " (every catalog needs this file)"};
        files.push_back({path.string(), std::move(*text)});
    }
    return parseCatalog(files);
}

} // namespace planner
