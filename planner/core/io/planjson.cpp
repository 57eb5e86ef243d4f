// SPDX-License-Identifier: GPL-3.0-or-later
// Reads a plan file into PlanInput and SiteConditions; every missing or ill-typed field gives a
// message with its path.

#include "planner/core/io/planjson.h"

#include "planner/core/io/textformat.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace planner {
namespace {

using nlohmann::json;

// Reads fields of one JSON object, remembering the first error with the field's full path.
class FieldReader
{
public:
    FieldReader(const json &object, std::string path, std::string &error)
        : m_object(object), m_path(std::move(path)), m_error(error)
    {}

    bool has(const char *key) const { return m_object.is_object() && m_object.contains(key); }
    std::string where(const char *key) const { return m_path + "." + key; }
    void fail(const char *key, const std::string &reason)
    {
        if (m_error.empty())
            m_error = where(key) + ": " + reason;
    }

    const json *object(const char *key)
    {
        if (!has(key) || !m_object[key].is_object()) {
            fail(key, "expected an object");
            return nullptr;
        }
        return &m_object[key];
    }

    double number(const char *key)
    {
        if (!has(key)) {
            fail(key, "missing");
            return 0.0;
        }
        if (!m_object[key].is_number()) {
            fail(key, "expected a number");
            return 0.0;
        }
        return m_object[key].get<double>();
    }

    std::string text(const char *key)
    {
        if (!has(key) || !m_object[key].is_string()) {
            fail(key, "expected a string");
            return {};
        }
        return m_object[key].get<std::string>();
    }

    std::vector<double> numbers(const char *key, std::size_t count)
    {
        std::vector<double> out;
        if (!has(key) || !m_object[key].is_array()) {
            fail(key, "expected a list of numbers");
            return out;
        }
        for (const json &v : m_object[key]) {
            if (!v.is_number()) {
                fail(key, "expected a list of numbers");
                return out;
            }
            out.push_back(v.get<double>());
        }
        if (count && out.size() != count)
            fail(key, "expected " + std::to_string(count) + " numbers (January first)");
        return out;
    }

    Redundancy redundancy(const char *key)
    {
        const std::string t = text(key);
        if (!m_error.empty())
            return Redundancy::N;
        if (std::optional<Redundancy> r = parseRedundancy(t))
            return *r;
        fail(key, "'" + t + "' is not one of none, N, N+1, 2N");
        return Redundancy::N;
    }

private:
    const json &m_object;
    std::string m_path;
    std::string &m_error;
};

void readAccelerator(FieldReader &plan, const json &root, PlanInput &in, std::string &error)
{
    if (plan.has("accelerator") && root["accelerator"].is_object()) {
        FieldReader a(root["accelerator"], "plan.accelerator", error);
        AcceleratorSystem s;
        s.id = a.text("id");
        s.name = a.text("name");
        s.rackItPowerKw.value = a.number("rack_it_power_kw");
        s.acceleratorsPerRack.value = a.number("accelerators_per_rack");
        s.liquidHeatFraction.value = a.number("liquid_heat_fraction");
        s.requiresLiquid =
                a.has("requires_liquid") && root["accelerator"]["requires_liquid"] == true;
        in.customAccelerator = s;
        in.acceleratorId = s.id;
    } else {
        in.acceleratorId = plan.text("accelerator");
    }
}

// "workload": {requests_per_day | tokens_per_day, peak_to_average, target_utilisation,
// mix: [{model_class, share, input_tokens, output_tokens}]}; the values are checked by
// sizeWorkload(), which names the same fields.
void readWorkload(const json &w, PlanInput &in, std::string &error)
{
    FieldReader r(w, "plan.workload", error);
    Workload out;
    if (r.has("requests_per_day"))
        out.requestsPerDay = r.number("requests_per_day");
    if (r.has("tokens_per_day"))
        out.tokensPerDay = r.number("tokens_per_day");
    if (!out.requestsPerDay && !out.tokensPerDay)
        r.fail("requests_per_day", "give requests_per_day or tokens_per_day");
    out.peakToAverage = r.number("peak_to_average");
    out.targetUtilisation = r.number("target_utilisation");
    if (!r.has("mix") || !w["mix"].is_array()) {
        r.fail("mix", "expected a list of {model_class, share, input_tokens, output_tokens}");
        return;
    }
    for (std::size_t i = 0; i < w["mix"].size(); ++i) {
        FieldReader m(w["mix"][i], "plan.workload.mix[" + std::to_string(i) + "]", error);
        RouteShare route;
        route.modelClass = m.text("model_class");
        route.share = m.number("share");
        route.inputTokens = m.number("input_tokens");
        route.outputTokens = m.number("output_tokens");
        out.mix.push_back(route);
    }
    in.workload = std::move(out);
}

void readPlan(const json &p, PlanInput &in, std::string &error)
{
    FieldReader plan(p, "plan", error);
    if (plan.has("it_load_mw"))
        in.targetItLoad = Megawatts(plan.number("it_load_mw"));
    if (plan.has("racks")) {
        const double racks = plan.number("racks");
        if (racks != std::floor(racks) || std::abs(racks) > 1e8)
            plan.fail("racks", "expected a whole number");
        in.rackCount = static_cast<int>(racks);
    }
    if (plan.has("workload")) {
        if (const json *w = plan.object("workload"))
            readWorkload(*w, in, error);
    }
    if (int(in.targetItLoad.has_value()) + int(in.rackCount.has_value())
                + int(in.workload.has_value())
        != 1)
        plan.fail("it_load_mw", "give one of it_load_mw, racks or workload");
    readAccelerator(plan, p, in, error);
    in.coolingId = plan.text("cooling");
    if (const json *r = plan.object("redundancy")) {
        FieldReader red(*r, "plan.redundancy", error);
        in.transformers = red.redundancy("transformers");
        in.ups = red.redundancy("ups");
        in.generators = red.redundancy("generators");
        in.cooling = red.redundancy("cooling");
    }
    if (plan.has("phases_mw")) {
        for (double mw : plan.numbers("phases_mw", 0))
            in.phases.push_back(Megawatts(mw));
    }
    if (plan.has("interconnection_kv")) {
        const json &v = p["interconnection_kv"];
        if (!(v.is_string() && v == "auto"))
            in.interconnection = Kilovolts(plan.number("interconnection_kv"));
    }
    if (plan.has("average_it_load_fraction"))
        in.averageItLoadFraction = plan.number("average_it_load_fraction");
    if (plan.has("grid_criterion")) {
        const std::string t = plan.text("grid_criterion");
        if (std::optional<GridCriterion> c = parseGridCriterion(t))
            in.gridCriterion = *c;
        else if (error.empty())
            plan.fail("grid_criterion", "'" + t + "' is not one of N, N-1");
    }
}

// The headroom at the serving bus; both figures are needed, the rest describes where they
// came from. JSON has no infinity, so a file always gives a finite headroom.
void readHeadroom(const json &h, GridHeadroom &out, std::string &error)
{
    FieldReader r(h, "site.grid_headroom", error);
    auto atLeast = [&](const char *key, double low, bool above, const char *reason) {
        const double v = r.number(key);
        if (error.empty() && !(std::isfinite(v) && (above ? v > low : v >= low)))
            r.fail(key, reason);
        return v;
    };
    out.n = Megawatts(atLeast("n_mw", 0.0, false, "must be a number of 0 MW or more"));
    out.n1 = Megawatts(atLeast("n1_mw", 0.0, false, "must be a number of 0 MW or more"));
    if (error.empty() && out.n1.value() > out.n.value())
        r.fail("n1_mw",
               text::format("%g MW cannot exceed n_mw (%g MW): an outage never adds "
                            "headroom",
                            out.n1.value(), out.n.value()));
    if (r.has("bus"))
        out.busName = r.text("bus");
    if (r.has("bus_id")) {
        const double id = r.number("bus_id");
        if (error.empty() && (id != std::floor(id) || std::abs(id) > 1e9))
            r.fail("bus_id", "expected a whole number");
        out.busId = static_cast<int>(id);
    }
    if (r.has("kv"))
        out.busVoltage = Kilovolts(atLeast("kv", 0.0, true, "must be a voltage above 0 kV"));
    if (r.has("distance_km"))
        out.distance = Kilometres(
                atLeast("distance_km", 0.0, false, "must be a distance of 0 km or more"));
    if (r.has("binding"))
        out.bindingN1 = r.text("binding");
    if (r.has("binding_n"))
        out.bindingN = r.text("binding_n");
    if (r.has("case"))
        out.gridCase = r.text("case");
}

void readSite(const json &s, SiteConditions &site, std::string &error)
{
    FieldReader reader(s, "site", error);
    if (const json *c = reader.object("climate")) {
        FieldReader cl(*c, "site.climate", error);
        const std::vector<double> dry = cl.numbers("monthly_dry_bulb_c", 12);
        const std::vector<double> wet = cl.numbers("monthly_wet_bulb_c", 12);
        for (std::size_t m = 0; m < 12 && dry.size() == 12 && wet.size() == 12; ++m) {
            site.climate.monthlyDryBulb[m] = Celsius(dry[m]);
            site.climate.monthlyWetBulb[m] = Celsius(wet[m]);
        }
        site.climate.dryBulbSpreadK = cl.number("hourly_dry_bulb_spread_k");
        site.climate.wetBulbSpreadK = cl.number("hourly_wet_bulb_spread_k");
        site.climate.designDryBulb = Celsius(cl.number("design_dry_bulb_c"));
        site.climate.designWetBulb = Celsius(cl.number("design_wet_bulb_c"));
    }
    site.elevation = Metres(reader.number("elevation_m"));
    site.landPrice = UsdPerHectare(reader.number("land_price_usd_per_ha"));
    site.electricityPrice = UsdPerMwh(reader.number("electricity_price_usd_per_mwh"));
    if (reader.has("grid")) {
        if (!s["grid"].is_array())
            reader.fail("grid", "expected a list");
        int i = 0;
        for (const json &g : s["grid"].is_array() ? s["grid"] : json::array()) {
            FieldReader gr(g, "site.grid[" + std::to_string(i++) + "]", error);
            site.grid.push_back({Kilovolts(gr.number("voltage_kv")),
                                 Kilometres(gr.number("substation_km")),
                                 Kilometres(gr.number("line_km"))});
        }
    }
    if (reader.has("land_class"))
        site.landClass = reader.text("land_class");
    if (reader.has("flood_zone")) {
        if (!s["flood_zone"].is_boolean())
            reader.fail("flood_zone", "expected true or false");
        else
            site.floodZone = s["flood_zone"].get<bool>();
    }
    if (reader.has("grid_headroom")) {
        if (const json *h = reader.object("grid_headroom")) {
            site.gridHeadroom.emplace();
            readHeadroom(*h, *site.gridHeadroom, error);
        }
    }
}

} // namespace

void readSchedule(const json &root, ScheduleRequest &out, std::string &error)
{
    FieldReader s(root, "schedule", error);
    if (s.has("market"))
        out.market = s.text("market");
    if (s.has("bridging"))
        out.bridging = s.text("bridging");
    if (s.has("start")) {
        const std::string text = s.text("start");
        int year = 0;
        int month = 0;
        char tail = 0;
        if (error.empty()
            && (std::sscanf(text.c_str(), "%d-%d%c", &year, &month, &tail) != 2 || month < 1
                || month > 12 || year < 1990 || year > 2100))
            s.fail("start", "'" + text + "' is not a month such as \"2027-01\"");
        out.start = YearMonth{year, month};
    }
}

void readEconomics(const json &root, EconomicsInputs &out, std::string &error)
{
    FieldReader e(root, "economics", error);
    auto optional = [&](const char *key, double low, double high) -> std::optional<double> {
        if (!e.has(key))
            return std::nullopt;
        const double v = e.number(key);
        if (error.empty() && !(v >= low && v <= high)) {
            char range[96];
            std::snprintf(range, sizeof(range), "must be between %g and %g", low, high);
            e.fail(key, range);
        }
        return v;
    };
    out.discountRate = optional("discount_rate", 0.0, 0.99);
    if (auto years = optional("horizon_years", 1, 60))
        out.horizonYears = int(std::lround(*years));
    if (auto year = optional("price_year", 1990, 2100))
        out.priceYear = int(std::lround(*year));
    out.tokensPerSecondPerAccelerator = optional("tokens_per_second_per_accelerator", 0.0, 1e7);
    out.demandChargeUsdPerKwMonth = optional("demand_charge_usd_per_kw_month", 0.0, 1e4);
    out.networkUpgradesUsd = optional("network_upgrades_usd", 0.0, 1e12);
    if (e.has("new_substation")) {
        if (!root["new_substation"].is_boolean())
            e.fail("new_substation", "expected true or false");
        else
            out.newSubstation = root["new_substation"].get<bool>();
    }
}

Expected<PlanRequest> parsePlanRequest(const std::string &jsonText)
{
    PlanRequest request;
    std::string error;
    try {
        const json doc = json::parse(jsonText);
        if (!doc.is_object() || !doc.contains("plan") || !doc["plan"].is_object())
            return Error{
                    "the file needs a \"plan\" object (see resources/examples/plan-100mw.json)"};
        if (!doc.contains("site") || !doc["site"].is_object())
            return Error{
                    "the file needs a \"site\" object (see resources/examples/plan-100mw.json)"};
        readPlan(doc["plan"], request.input, error);
        if (error.empty())
            readSite(doc["site"], request.site, error);
        for (const char *section : {"schedule", "economics"}) {
            if (error.empty() && doc.contains(section) && !doc[section].is_object())
                error = std::string(section) + ": expected an object";
        }
        if (error.empty() && doc.contains("schedule"))
            readSchedule(doc["schedule"], request.schedule, error);
        if (error.empty() && doc.contains("economics"))
            readEconomics(doc["economics"], request.economics, error);
    } catch (const json::exception &e) {
        return Error{std::string("not valid JSON: ") + e.what()};
    }
    if (!error.empty())
        return Error{error};
    return request;
}

Expected<PlanSpec> parsePlanSpec(const std::string &jsonText)
{
    PlanSpec spec;
    std::string error;
    try {
        json plan = json::parse(jsonText);
        if (!plan.is_object())
            return Error{"plan: expected an object"};
        json sections = json::object();
        for (const char *section : {"schedule", "economics"}) {
            if (!plan.contains(section))
                continue;
            if (!plan[section].is_object())
                return Error{std::string(section) + ": expected an object"};
            sections[section] = plan[section];
            plan.erase(section);
        }
        readPlan(plan, spec.input, error);
        const bool market =
                sections.contains("schedule") && sections["schedule"].contains("market");
        if (error.empty() && sections.contains("schedule"))
            readSchedule(sections["schedule"], spec.schedule, error);
        if (!market)
            spec.schedule.market.clear();
        if (error.empty() && sections.contains("economics"))
            readEconomics(sections["economics"], spec.economics, error);
    } catch (const json::exception &e) {
        return Error{std::string("not valid JSON: ") + e.what()};
    }
    if (!error.empty())
        return Error{error};
    return spec;
}

} // namespace planner
