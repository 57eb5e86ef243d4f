// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/sizing/planner.h"

#include "planner/core/sizing/planvalidation.h"
#include "planner/core/sizing/sizingcontext.h"

#include <cmath>

namespace planner {
namespace {

// Typical number of assumptions a plan records; reserved once so the list allocates once.
constexpr std::size_t kAssumptionCapacity = 64;

// Assumption keys are literals (the list stores the pointer).
const char *throughputKey(const std::string &modelClass)
{
    if (modelClass == "mini")
        return "throughput, mini model";
    if (modelClass == "large-dense")
        return "throughput, large dense model";
    if (modelClass == "xl-dense")
        return "throughput, extra-large dense model";
    return "throughput, reasoning model";
}

void sizeRacks(SizingContext &c)
{
    PlanResult &r = c.result;
    const double rackKw = c.accelerator.rackItPowerKw.value;
    if (c.input.targetItLoad) {
        const double mw = c.input.targetItLoad->value();
        r.racks = static_cast<int>(std::ceil(mw * 1000.0 / rackKw - 1e-9));
        c.record("target IT load", "MW", mw, Origin::UserInput, Subject::Plan);
    } else if (r.workload) {
        r.racks = r.workload->racks;
        c.record("accelerators for the workload", "", double(r.workload->accelerators),
                 Origin::UserInput, Subject::Plan);
        for (const ClassSizing &k : r.workload->classes) {
            if (k.throughput)
                c.use(throughputKey(k.route.modelClass), "tokens/s per accelerator",
                      k.throughput->tokensPerSecond, Subject::Accelerator);
        }
    } else {
        r.racks = *c.input.rackCount;
        c.record("racks", "", r.racks, Origin::UserInput, Subject::Plan);
    }
    r.rackPower = Kilowatts(rackKw);
    r.itLoad = toMegawatts(Kilowatts(r.racks * rackKw));
    r.accelerators =
            static_cast<long long>(std::llround(r.racks * c.accelerator.acceleratorsPerRack.value));
    c.use("rack IT power", "kW", c.accelerator.rackItPowerKw, Subject::Accelerator);
    c.use("accelerators per rack", "", c.accelerator.acceleratorsPerRack, Subject::Accelerator);

    if (c.cooling.allHeatToLiquid)
        r.liquidShare = 1.0;
    else if (c.cooling.liquid.present)
        r.liquidShare = c.accelerator.liquidHeatFraction.value;
    else
        r.liquidShare = 0.0;
    if (c.cooling.liquid.present && !c.cooling.allHeatToLiquid)
        c.use("liquid share of rack heat", "", c.accelerator.liquidHeatFraction,
              Subject::Accelerator);
}

// Splits the racks over the phases in proportion to their MW; the last phase takes the rest so
// the phases add up to the whole build.
std::string sizePhases(SizingContext &c)
{
    PlanResult &r = c.result;
    const double rackMw = r.rackPower.value() / 1000.0;
    if (c.input.phases.empty()) {
        r.phases.push_back({r.itLoad, r.racks, Megawatts()});
        return {};
    }
    double total = 0.0;
    for (const Megawatts &p : c.input.phases)
        total += p.value();
    if (std::abs(total - r.itLoad.value()) > rackMw + 1e-6 * total) {
        return "the phases add up to " + std::to_string(total) + " MW but the plan's IT load is "
                + std::to_string(r.itLoad.value()) + " MW; make them match";
    }
    int assigned = 0;
    for (std::size_t i = 0; i < c.input.phases.size(); ++i) {
        const bool last = i + 1 == c.input.phases.size();
        const int racks = last ? r.racks - assigned
                               : static_cast<int>(std::lround(c.input.phases[i].value() / rackMw));
        if (racks <= 0)
            return "phase " + std::to_string(i + 1) + " is smaller than one rack";
        assigned += racks;
        r.phases.push_back({Megawatts(racks * rackMw), racks, Megawatts()});
        c.record("phase IT load", "MW", c.input.phases[i].value(), Origin::UserInput,
                 Subject::Plan);
    }
    return {};
}

void balanceEnergy(SizingContext &c)
{
    PlanResult &r = c.result;
    const ElectricalCatalog &e = c.catalog.electrical;
    const double it = r.itLoad.value();
    const double u = c.input.averageItLoadFraction;
    const double itMwh = it * u * kHoursPerYear;
    const double coolingMwh = c.averageCoolingMw * u * kHoursPerYear;
    const double upsMwh = itMwh * c.upsPduLossPerIt;
    const double transformerMwh = (itMwh + upsMwh + coolingMwh) * e.transformerLossFraction.value;
    r.annualEnergy = {MegawattHours(itMwh), MegawattHours(coolingMwh),
                      MegawattHours(upsMwh + transformerMwh),
                      MegawattHours(itMwh + coolingMwh + upsMwh + transformerMwh)};
    r.cooling.annualPue = r.annualEnergy.facility / r.annualEnergy.it;
    r.cooling.peakPue = r.electrical.peakFacilityLoad / r.itLoad;
    if (r.cooling.waterFromClimate) {
        double m3 = 0.0;
        for (const CubicMetres &month : r.cooling.monthlyWater)
            m3 += month.value();
        r.cooling.waterPerYear = CubicMetres(m3);
        r.cooling.wueLPerKwh = itMwh > 0.0 ? m3 / itMwh : 0.0; // m³ / MWh = L/kWh
        c.record("water use effectiveness (from the monthly climate)", "L/kWh IT",
                 r.cooling.wueLPerKwh, Origin::Derived, Subject::Cooling);
    } else {
        r.cooling.waterPerYear = CubicMetres(r.cooling.wueLPerKwh * itMwh); // L/kWh × MWh = m³
    }
    for (PhaseResult &p : r.phases)
        p.facilityPeak = p.itLoad * r.cooling.peakPue;
    c.record("average IT load fraction", "", u, Origin::UserInput, Subject::Plan);
}

void recordSite(SizingContext &c)
{
    const SiteConditions &s = c.site;
    c.record("design dry-bulb (0.4 %)", "°C", s.climate.designDryBulb.value(), Origin::Site,
             Subject::Climate);
    c.record("design wet-bulb (0.4 %)", "°C", s.climate.designWetBulb.value(), Origin::Site,
             Subject::Climate);
    c.record("hourly dry-bulb spread", "K", s.climate.dryBulbSpreadK, Origin::Site,
             Subject::Climate);
    c.record("hourly wet-bulb spread", "K", s.climate.wetBulbSpreadK, Origin::Site,
             Subject::Climate);
    if (s.floodZone) {
        c.result.warnings.push_back("the site is in a 100-year flood zone; most operators "
                                    "exclude such sites or raise the building");
    }
}

} // namespace

Expected<PlanResult> plan(const PlanInput &input, const SiteConditions &site,
                          const Catalog &catalog)
{
    if (std::string e = validatePlanInput(input, catalog); !e.empty())
        return Error{std::move(e)};
    if (std::string e = validateSite(site); !e.empty())
        return Error{std::move(e)};

    const AcceleratorSystem *accelerator = input.customAccelerator
            ? &*input.customAccelerator
            : catalog.findAccelerator(input.acceleratorId);
    const CoolingArchitecture *cooling = catalog.findCooling(input.coolingId);
    if (accelerator->requiresLiquid && !cooling->liquid.present) {
        return Error{"'" + accelerator->name + "' needs liquid cooling; '" + cooling->name
                     + "' has no liquid loop, so choose a direct-to-chip or immersion "
                       "architecture"};
    }

    PlanResult result;
    result.assumptions.reserve(kAssumptionCapacity);
    result.acceleratorIndex = input.customAccelerator
            ? -1
            : static_cast<int>(accelerator - catalog.accelerators.data());
    result.coolingIndex = static_cast<int>(cooling - catalog.cooling.data());
    if (input.workload) {
        auto served = sizeWorkload(*input.workload, *accelerator);
        if (!served)
            return served.error();
        result.workload = std::move(*served);
    }
    SizingContext c{input, site, catalog, *accelerator, *cooling, result};

    sizeRacks(c);
    if (std::string e = sizePhases(c); !e.empty())
        return Error{std::move(e)};
    sizeUpsLosses(c);
    sizeCooling(c);
    sizeElectrical(c);
    balanceEnergy(c);
    sizeLand(c);
    recordSite(c);
    return result;
}

} // namespace planner
