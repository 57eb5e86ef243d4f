// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/store/planstore.h"

#include "planner/store/geopackagegeometry.h"
#include "planner/store/sqlitedatabase.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <limits>
#include <map>
#include <set>

namespace planner {
namespace {

constexpr std::int32_t kWgs84 = 4326;

// The columns of energize_plans after plan_id and position, in the order of both statements.
constexpr const char *kPlanColumns =
        "name, site_id, it_load_mw, racks, accelerator, custom_accelerator_name, "
        "rack_it_power_kw, accelerators_per_rack, liquid_heat_fraction, requires_liquid, "
        "cooling, transformers, ups, generators, cooling_redundancy, interconnection_kv, "
        "average_it_load_fraction, market, start_month, bridging, price_year, discount_rate, "
        "horizon_years, tokens_per_second_per_accelerator, demand_charge_usd_per_kw_month, "
        "network_upgrades_usd, new_substation";
constexpr int kPlanColumnCount = 27;

// The name of column `index` of "SELECT plan_id, <kPlanColumns>" (1: name), for messages.
std::string planColumnName(int index)
{
    std::string all(kPlanColumns);
    std::size_t start = 0;
    for (int i = 1; i < index; ++i)
        start = all.find(", ", start) + 2;
    return all.substr(start, all.find(',', start) - start);
}

Expected<bool> run(SqliteStatement &stmt, SqliteDatabase &db)
{
    stmt.step();
    if (!stmt.ok())
        return Error{db.lastError()};
    return true;
}

// Binds an optional value; none leaves the column NULL.
template<typename T>
void bindOptional(SqliteStatement &stmt, int index, const std::optional<T> &value)
{
    if (value)
        stmt.bind(index, *value);
}

std::optional<double> optionalReal(const SqliteStatement &stmt, int column)
{
    return stmt.isNull(column) ? std::nullopt : std::optional<double>(stmt.real(column));
}

std::optional<int> optionalInt(const SqliteStatement &stmt, int column)
{
    return stmt.isNull(column) ? std::nullopt
                               : std::optional<int>(static_cast<int>(stmt.integer(column)));
}

std::string redundancyText(Redundancy r)
{
    return std::string(redundancyName(r));
}

} // namespace

Expected<bool> writePlans(SqliteDatabase &db, const std::vector<BuildPlan> &plans)
{
    std::string marks;
    for (int i = 0; i < kPlanColumnCount; ++i)
        marks += ", ?";
    auto insert = db.prepare(std::string("INSERT INTO energize_plans (plan_id, position, ")
                             + kPlanColumns + ") VALUES (?, ?" + marks + ")");
    auto phase = db.prepare("INSERT INTO energize_plan_phases (plan_id, phase_index, it_mw) "
                            "VALUES (?, ?, ?)");
    if (!insert)
        return insert.error();
    if (!phase)
        return phase.error();
    std::int64_t position = 0;
    for (const BuildPlan &plan : plans) {
        const PlanInput &in = plan.spec.input;
        const EconomicsInputs &e = plan.spec.economics;
        SqliteStatement &s = *insert;
        s.reset();
        s.bind(1, plan.id);
        s.bind(2, position++);
        s.bind(3, plan.name);
        if (plan.siteId != 0)
            s.bind(4, plan.siteId);
        if (in.targetItLoad)
            s.bind(5, in.targetItLoad->value());
        if (in.rackCount)
            s.bind(6, std::int64_t(*in.rackCount));
        s.bind(7, in.customAccelerator ? in.customAccelerator->id : in.acceleratorId);
        if (const auto &a = in.customAccelerator) {
            s.bind(8, a->name);
            s.bind(9, a->rackItPowerKw.value);
            s.bind(10, a->acceleratorsPerRack.value);
            s.bind(11, a->liquidHeatFraction.value);
            s.bind(12, std::int64_t(a->requiresLiquid ? 1 : 0));
        }
        s.bind(13, in.coolingId);
        s.bind(14, redundancyText(in.transformers));
        s.bind(15, redundancyText(in.ups));
        s.bind(16, redundancyText(in.generators));
        s.bind(17, redundancyText(in.cooling));
        if (in.interconnection)
            s.bind(18, in.interconnection->value());
        s.bind(19, in.averageItLoadFraction);
        s.bind(20, plan.spec.schedule.market);
        if (plan.spec.schedule.start)
            s.bind(21, yearMonthText(plan.spec.schedule.start));
        s.bind(22, plan.spec.schedule.bridging);
        if (e.priceYear)
            s.bind(23, std::int64_t(*e.priceYear));
        bindOptional(s, 24, e.discountRate);
        if (e.horizonYears)
            s.bind(25, std::int64_t(*e.horizonYears));
        bindOptional(s, 26, e.tokensPerSecondPerAccelerator);
        bindOptional(s, 27, e.demandChargeUsdPerKwMonth);
        bindOptional(s, 28, e.networkUpgradesUsd);
        s.bind(29, std::int64_t(e.newSubstation ? 1 : 0));
        if (auto ok = run(s, db); !ok)
            return ok;
        for (std::size_t i = 0; i < in.phases.size(); ++i) {
            phase->reset();
            phase->bind(1, plan.id);
            phase->bind(2, std::int64_t(i));
            phase->bind(3, in.phases[i].value());
            if (auto ok = run(*phase, db); !ok)
                return ok;
        }
    }
    return true;
}

Expected<bool> writePlansLayer(SqliteDatabase &db, const std::vector<BuildPlan> &plans,
                               const std::vector<Site> &sites,
                               const std::vector<PlanHeadline> &headlines)
{
    auto insert = db.prepare("INSERT INTO plans (plan_id, name, site_id, site_name, geom, "
                             "site_score, mw_it, p50_power_on, p90_power_on, capex_usd, "
                             "usd_per_accelerator_hour) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    double minX = std::numeric_limits<double>::max(), minY = minX;
    double maxX = std::numeric_limits<double>::lowest(), maxY = maxX;
    bool any = false;
    for (const BuildPlan &plan : plans) {
        SqliteStatement &s = *insert;
        s.reset();
        s.bind(1, plan.id);
        s.bind(2, plan.name);
        auto site = std::find_if(sites.begin(), sites.end(),
                                 [&](const Site &x) { return x.id == plan.siteId; });
        if (site != sites.end()) {
            s.bind(3, site->id);
            s.bind(4, site->name);
            s.bindBlob(5, encodeGpkgPoint(site->longitude, site->latitude, kWgs84));
            minX = std::min(minX, site->longitude);
            maxX = std::max(maxX, site->longitude);
            minY = std::min(minY, site->latitude);
            maxY = std::max(maxY, site->latitude);
            any = true;
        }
        auto h = std::find_if(headlines.begin(), headlines.end(),
                              [&](const PlanHeadline &x) { return x.planId == plan.id; });
        if (h != headlines.end()) {
            bindOptional(s, 6, h->siteScore);
            bindOptional(s, 7, h->itMw);
            if (h->p50PowerOn)
                s.bind(8, yearMonthText(h->p50PowerOn));
            if (h->p90PowerOn)
                s.bind(9, yearMonthText(h->p90PowerOn));
            bindOptional(s, 10, h->capexUsd);
            bindOptional(s, 11, h->usdPerAcceleratorHour);
        }
        if (auto ok = run(s, db); !ok)
            return ok;
    }
    if (!any)
        return true;
    auto extent = db.prepare("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? "
                             "WHERE table_name = 'plans'");
    if (!extent)
        return extent.error();
    extent->bind(1, minX);
    extent->bind(2, minY);
    extent->bind(3, maxX);
    extent->bind(4, maxY);
    return run(*extent, db);
}

Expected<std::vector<BuildPlan>> readPlans(SqliteDatabase &db, const std::string &path,
                                           std::vector<std::string> &warnings)
{
    auto phases = db.prepare("SELECT plan_id, it_mw FROM energize_plan_phases "
                             "ORDER BY plan_id, phase_index");
    if (!phases)
        return Error{path + ": cannot read plan phases (" + phases.error().message + ")"};
    std::map<std::int64_t, std::vector<Megawatts>> phasesOf;
    std::set<std::int64_t> badPhases; // plans with a phase that is not a number
    while (phases->step()) {
        if (!phases->isNumber(1))
            badPhases.insert(phases->integer(0));
        phasesOf[phases->integer(0)].push_back(Megawatts(phases->real(1)));
    }
    auto stmt = db.prepare(std::string("SELECT plan_id, ") + kPlanColumns
                           + " FROM energize_plans ORDER BY position");
    if (!stmt)
        return Error{path + ": cannot read plans (" + stmt.error().message + ")"};
    std::vector<BuildPlan> plans;
    while (stmt->step()) {
        const SqliteStatement &s = *stmt;
        BuildPlan plan;
        plan.id = s.integer(0);
        plan.name = s.text(1);
        plan.siteId = s.isNull(2) ? 0 : s.integer(2);
        PlanInput &in = plan.spec.input;
        // A number column holding text or bytes (SQLite keeps what it is given) would read as 0.
        std::string bad;
        for (int column : {3, 4, 7, 8, 9, 10, 16, 17, 21, 22, 23, 24, 25, 26, 27}) {
            if (bad.empty() && !s.isNull(column) && !s.isNumber(column))
                bad = planColumnName(column) + ": '" + s.text(column) + "' is not a number";
        }
        if (bad.empty() && badPhases.count(plan.id))
            bad = "energize_plan_phases: a phase's it_mw is not a number";
        if (auto mw = optionalReal(s, 3))
            in.targetItLoad = Megawatts(*mw);
        in.rackCount = optionalInt(s, 4);
        in.acceleratorId = s.text(5);
        if (!s.isNull(6)) {
            AcceleratorSystem a;
            a.id = in.acceleratorId;
            a.name = s.text(6);
            a.rackItPowerKw.value = s.real(7);
            a.acceleratorsPerRack.value = s.real(8);
            a.liquidHeatFraction.value = s.real(9);
            a.requiresLiquid = s.integer(10) != 0;
            in.customAccelerator = a;
        }
        in.coolingId = s.text(11);
        const char *redundancyColumns[] = {"transformers", "ups", "generators",
                                           "cooling_redundancy"};
        Redundancy *targets[] = {&in.transformers, &in.ups, &in.generators, &in.cooling};
        for (int k = 0; k < 4; ++k) {
            if (auto r = parseRedundancy(s.text(12 + k)))
                *targets[k] = *r;
            else if (bad.empty())
                bad = std::string(redundancyColumns[k]) + ": '" + s.text(12 + k)
                        + "' is not one of none, N, N+1, 2N";
        }
        if (auto kv = optionalReal(s, 16))
            in.interconnection = Kilovolts(*kv);
        in.averageItLoadFraction = s.real(17);
        in.phases = std::move(phasesOf[plan.id]);
        phasesOf.erase(plan.id);
        ScheduleRequest &schedule = plan.spec.schedule;
        schedule.market = s.text(18);
        if (!s.isNull(19)) {
            int year = 0, month = 0;
            if (std::sscanf(s.text(19).c_str(), "%d-%d", &year, &month) == 2)
                schedule.start = YearMonth{year, month};
            else if (bad.empty())
                bad = "start_month: '" + s.text(19) + "' is not a month such as 2027-01";
        }
        schedule.bridging = s.text(20);
        EconomicsInputs &e = plan.spec.economics;
        e.priceYear = optionalInt(s, 21);
        e.discountRate = optionalReal(s, 22);
        e.horizonYears = optionalInt(s, 23);
        e.tokensPerSecondPerAccelerator = optionalReal(s, 24);
        e.demandChargeUsdPerKwMonth = optionalReal(s, 25);
        e.networkUpgradesUsd = optionalReal(s, 26);
        e.newSubstation = s.integer(27) != 0;
        // The plan parser's checks, so a file holds nothing a plan edit could not make.
        // Text that is not UTF-8 (a tampered file) cannot be written as JSON: the writer throws.
        if (bad.empty()) {
            try {
                if (auto checked = parsePlanSpec(planSpecToJson(plan.spec)); !checked)
                    bad = checked.error().message;
            } catch (const std::exception &e) {
                bad = std::string("a text column is not valid UTF-8 (") + e.what() + ")";
            }
        }
        if (!bad.empty()) {
            warnings.push_back("plan '" + plan.name + "': " + bad + "; the plan was not opened");
            continue;
        }
        plans.push_back(std::move(plan));
    }
    if (!stmt->ok())
        return Error{path + ": cannot read plans (" + db.lastError() + ")"};
    for (const auto &[planId, orphans] : phasesOf) // the rows no plan took
        warnings.push_back("energize_plan_phases: " + std::to_string(orphans.size())
                           + " phase rows of plan " + std::to_string(planId)
                           + ", which is not in energize_plans; ignored");
    return plans;
}

std::optional<BuildPlan> legacyPlan(const std::string &planJson, std::int64_t firstSiteId,
                                    std::vector<std::string> &warnings)
{
    if (planJson.empty())
        return std::nullopt;
    auto spec = parsePlanSpec(planJson);
    if (!spec) {
        warnings.push_back("the project's plan cannot be read (" + spec.error().message
                           + "); the default plan applies");
        return std::nullopt;
    }
    BuildPlan plan;
    plan.id = 1;
    plan.name = "Plan A";
    plan.siteId = firstSiteId;
    plan.spec = std::move(*spec);
    // Before schema 3 the project's interconnection market applied to the plan, whatever its
    // schedule section said; the plan keeps doing so.
    plan.spec.schedule.market.clear();
    return plan;
}

} // namespace planner
