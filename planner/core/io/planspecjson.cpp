// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a PlanSpec as the plan object that parsePlanSpec reads: the project's build plans are
// edited as this object and compared by it.

#include "planner/core/io/planjson.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace planner {

std::string planSpecToJson(const PlanSpec &spec)
{
    using nlohmann::json;
    const PlanInput &in = spec.input;
    json plan = json::object();
    if (in.targetItLoad)
        plan["it_load_mw"] = in.targetItLoad->value();
    if (in.rackCount)
        plan["racks"] = *in.rackCount;
    if (in.workload) {
        nlohmann::json w;
        if (in.workload->requestsPerDay)
            w["requests_per_day"] = *in.workload->requestsPerDay;
        if (in.workload->tokensPerDay)
            w["tokens_per_day"] = *in.workload->tokensPerDay;
        w["peak_to_average"] = in.workload->peakToAverage;
        w["target_utilisation"] = in.workload->targetUtilisation;
        w["mix"] = nlohmann::json::array();
        for (const RouteShare &r : in.workload->mix)
            w["mix"].push_back({{"model_class", r.modelClass},
                                {"share", r.share},
                                {"input_tokens", r.inputTokens},
                                {"output_tokens", r.outputTokens}});
        plan["workload"] = std::move(w);
    }
    if (in.customAccelerator) {
        const AcceleratorSystem &a = *in.customAccelerator;
        plan["accelerator"] = {{"id", a.id},
                               {"name", a.name},
                               {"rack_it_power_kw", a.rackItPowerKw.value},
                               {"accelerators_per_rack", a.acceleratorsPerRack.value},
                               {"liquid_heat_fraction", a.liquidHeatFraction.value},
                               {"requires_liquid", a.requiresLiquid}};
    } else {
        plan["accelerator"] = in.acceleratorId;
    }
    plan["cooling"] = in.coolingId;
    plan["redundancy"] = {{"transformers", std::string(redundancyName(in.transformers))},
                          {"ups", std::string(redundancyName(in.ups))},
                          {"generators", std::string(redundancyName(in.generators))},
                          {"cooling", std::string(redundancyName(in.cooling))}};
    if (!in.phases.empty()) {
        json phases = json::array();
        for (const Megawatts &mw : in.phases)
            phases.push_back(mw.value());
        plan["phases_mw"] = phases;
    }
    if (in.interconnection)
        plan["interconnection_kv"] = in.interconnection->value();
    else
        plan["interconnection_kv"] = "auto";
    plan["average_it_load_fraction"] = in.averageItLoadFraction;
    if (in.gridCriterion != GridCriterion::NMinus1) // left out at the default
        plan["grid_criterion"] = std::string(gridCriterionName(in.gridCriterion));

    json schedule = json::object();
    if (!spec.schedule.market.empty())
        schedule["market"] = spec.schedule.market;
    if (spec.schedule.start) {
        char month[16];
        std::snprintf(month, sizeof(month), "%04d-%02d", spec.schedule.start->year,
                      spec.schedule.start->month);
        schedule["start"] = month;
    }
    schedule["bridging"] = spec.schedule.bridging;
    plan["schedule"] = schedule;

    const EconomicsInputs &e = spec.economics;
    json economics = json::object();
    if (e.priceYear)
        economics["price_year"] = *e.priceYear;
    if (e.discountRate)
        economics["discount_rate"] = *e.discountRate;
    if (e.horizonYears)
        economics["horizon_years"] = *e.horizonYears;
    if (e.tokensPerSecondPerAccelerator)
        economics["tokens_per_second_per_accelerator"] = *e.tokensPerSecondPerAccelerator;
    if (e.demandChargeUsdPerKwMonth)
        economics["demand_charge_usd_per_kw_month"] = *e.demandChargeUsdPerKwMonth;
    if (e.networkUpgradesUsd)
        economics["network_upgrades_usd"] = *e.networkUpgradesUsd;
    economics["new_substation"] = e.newSubstation;
    plan["economics"] = economics;
    return plan.dump();
}

} // namespace planner
