// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a PlanResult as JSON: the figures by section, then every assumption with its source.

#include "planner/core/common/version.h"
#include "planner/core/io/planjson.h"
#include "planner/core/sizing/resultlabels.h"

#include <nlohmann/json.hpp>

namespace planner {
namespace {

using nlohmann::ordered_json;

ordered_json units(const UnitCount &u, const char *ratingKey)
{
    return ordered_json{{"count", u.count}, {ratingKey, u.unitRating}};
}

ordered_json loopJson(const CoolingLoopResult &loop, const CoolingLoop &spec)
{
    if (!loop.present)
        return nullptr;
    return ordered_json{{"heat_mw", loop.heat.value()},
                        {"economizer_hours", loop.economizerHours},
                        {"partial_economizer_hours", loop.partialHours},
                        {"annual_overhead_kw_per_kw", loop.annualOverhead},
                        {"peak_overhead_kw_per_kw", loop.peakOverhead},
                        {"chillers", units(loop.chillers, "unit_mw")},
                        {"heat_rejection_unit", spec.rejectionUnit},
                        {"heat_rejection_units", units(loop.rejectionUnits, "unit_mw")}};
}

ordered_json assumptionJson(const Assumption &a, const PlanResult &r, const PlanInput &in,
                            const Catalog &catalog)
{
    ordered_json j{{"subject", subjectLabel(a, r, in, catalog)},
                   {"name", a.key},
                   {"value", a.value},
                   {"unit", a.unit},
                   {"origin", originName(a.origin)}};
    if (const SourceRef *s =
                a.origin == Origin::Catalog ? catalog.sourceOf(Figure{0, a.source}) : nullptr) {
        j["source"] = s->url;
        j["year"] = s->year;
        if (!s->status.empty())
            j["status"] = s->status;
        if (!s->note.empty())
            j["note"] = s->note;
    }
    return j;
}

} // namespace

std::string planResultToJson(const PlanResult &r, const PlanInput &in, const Catalog &catalog)
{
    const AcceleratorSystem &acc = acceleratorOf(r, in, catalog);
    const CoolingArchitecture &arch = coolingOf(r, catalog);
    const CoolingResult &c = r.cooling;
    const ElectricalResult &e = r.electrical;

    ordered_json phases = ordered_json::array();
    for (const PhaseResult &p : r.phases) {
        phases.push_back({{"it_load_mw", p.itLoad.value()},
                          {"racks", p.racks},
                          {"facility_peak_mw", p.facilityPeak.value()}});
    }
    ordered_json assumptions = ordered_json::array();
    for (const Assumption &a : r.assumptions)
        assumptions.push_back(assumptionJson(a, r, in, catalog));

    ordered_json j;
    j["engine_version"] = engineVersion();
    j["accelerator"] = {{"id", acc.id}, {"name", acc.name}};
    j["cooling_architecture"] = {{"id", arch.id}, {"name", arch.name}};
    j["racks"] = r.racks;
    j["accelerators"] = r.accelerators;
    j["rack_power_kw"] = r.rackPower.value();
    j["it_load_mw"] = r.itLoad.value();
    j["liquid_share"] = r.liquidShare;
    j["phases"] = phases;
    ordered_json monthlyWater = ordered_json::array();
    for (const CubicMetres &m3 : c.monthlyWater)
        monthlyWater.push_back(m3.value());
    j["cooling"] = {{"heat_to_reject_mw", c.heatToReject.value()},
                    {"liquid_heat_mw", c.liquidHeat.value()},
                    {"air_heat_mw", c.airHeat.value()},
                    {"installed_capacity_mw", c.installedCapacity.value()},
                    {"annual_pue", c.annualPue},
                    {"peak_pue", c.peakPue},
                    {"economizer_hours", c.economizerHours},
                    {"wue_l_per_kwh", c.wueLPerKwh},
                    {"water_m3_per_year", c.waterPerYear.value()},
                    {"water_from_climate", c.waterFromClimate},
                    {"water_monthly_m3", monthlyWater},
                    {"cdus", units(c.cdus, "unit_mw")},
                    {"liquid_loop", loopJson(c.liquidLoop, arch.liquid)},
                    {"air_loop", loopJson(c.airLoop, arch.air)}};
    ordered_json interconnection{{"voltage_kv", e.interconnection.value()},
                                 {"automatic", e.interconnectionAutomatic}};
    if (e.connectionDistanceKm >= 0.0)
        interconnection["substation_distance_km"] = e.connectionDistanceKm;
    j["electrical"] = {{"peak_facility_load_mw", e.peakFacilityLoad.value()},
                       {"peak_cooling_load_mw", e.peakCoolingLoad.value()},
                       {"peak_losses_mw", e.peakLosses.value()},
                       {"peak_mva", e.peakMva.value()},
                       {"interconnection", interconnection},
                       {"utility_transformers", units(e.transformers, "unit_mva")},
                       {"transformers_needed", e.transformersNeeded},
                       {"substations", e.substations},
                       {"campus_distribution_kv", e.campusDistribution.value()},
                       {"mv_blocks", e.mvBlocks},
                       {"ups_modules", units(e.upsModules, "unit_mw")},
                       {"ups_systems", e.upsSystems},
                       {"ups_installed_over_it_load", e.upsRatio},
                       {"generators", units(e.generators, "unit_mw")},
                       {"generator_groups", e.generatorGroups},
                       {"backup_installed_over_facility_peak", e.backupRatio}};
    j["annual_energy_mwh"] = {{"it", r.annualEnergy.it.value()},
                              {"cooling", r.annualEnergy.cooling.value()},
                              {"losses", r.annualEnergy.losses.value()},
                              {"facility", r.annualEnergy.facility.value()}};
    j["land"] = {{"white_space_m2", r.land.whiteSpace.value()},
                 {"gross_floor_m2", r.land.grossFloor.value()},
                 {"building_footprint_m2", r.land.buildingFootprint.value()},
                 {"yards_m2", r.land.yards.value()},
                 {"campus_ha", r.land.campus.value()}};
    j["warnings"] = r.warnings;
    j["assumptions"] = assumptions;
    return j.dump(2) + "\n";
}

} // namespace planner
