// SPDX-License-Identifier: GPL-3.0-or-later
// Cooling: heat per loop, free-cooling hours from the climate, cooling power at the design hour
// and over the year, and the plant (CDUs, chillers, heat-rejection units) with redundancy.

#include "planner/core/sizing/economizer.h"
#include "planner/core/sizing/evaporation.h"
#include "planner/core/sizing/sizingcontext.h"

#include <cmath>

namespace planner {
namespace {

int unitsFor(double mw, double unitMw)
{
    return mw > 0.0 ? static_cast<int>(std::ceil(mw / unitMw - 1e-9)) : 0;
}

void sizeLoop(SizingContext &c, const CoolingLoop &loop, double heat, CoolingLoopResult &out,
              Subject subject)
{
    const LoopClimate lc = evaluateLoopClimate(loop, c.site.climate);
    out.present = true;
    out.heat = Megawatts(heat);
    out.economizerHours = lc.economizerHours;
    out.partialHours = lc.partialHours;
    out.annualOverhead = loopOverhead(loop, lc.annualChillerFactor);
    out.peakOverhead = loopOverhead(loop, lc.peakChillerFactor);

    const Redundancy r = c.input.cooling;
    out.chillers = {unitsWithRedundancy(
                            unitsFor(heat * lc.peakMechanicalShare, loop.chillerUnitMw.value), r),
                    loop.chillerUnitMw.value};
    out.rejectionUnits = {unitsWithRedundancy(unitsFor(heat, loop.rejectionUnitMw.value), r),
                          loop.rejectionUnitMw.value};

    c.use("supply temperature", "°C", loop.supplyC, subject);
    c.use("approach to ambient", "K", loop.approachK, subject);
    c.use("partial economizer band", "K", loop.partialBandK, subject);
    c.record("free-cooling threshold (supply − approach)", "°C", lc.thresholdC, Origin::Derived,
             subject);
    c.use("fan and pump power when free cooling", "kW/kW heat", loop.freeOverhead, subject);
    c.use("chiller COP", "", loop.chillerCop, subject);
    c.use("chiller power rise per K of lift", "1/K", loop.copLossPerK, subject);
    c.use("chiller unit rating", "MW", loop.chillerUnitMw, subject);
    c.use("heat-rejection unit rating", "MW", loop.rejectionUnitMw, subject);
    c.record("economizer hours", "h/yr", lc.economizerHours, Origin::Derived, subject);

    const Evaporation &e = loop.evaporation;
    if (e.model == EvaporationModel::None)
        return;
    const std::array<double, 12> water =
            monthlyLoopWater(loop, c.site.climate, c.site.elevation.value(), heat,
                             c.input.averageItLoadFraction, lc.monthlyMechanicalShare);
    CoolingResult &cr = c.result.cooling;
    cr.waterFromClimate = true;
    for (std::size_t m = 0; m < 12; ++m)
        cr.monthlyWater[m] += CubicMetres(water[m]);
    if (e.model == EvaporationModel::CoolingTower) {
        c.use("cooling tower range", "K", e.rangeK, subject);
    } else {
        c.use("air temperature rise through the hall", "K", e.airRiseK, subject);
        c.use("latent heat of vaporisation of water", "kJ/kg", e.latentHeatKjPerKg, subject);
    }
    c.use("cycles of concentration", "", e.cyclesOfConcentration, subject);
}

} // namespace

void sizeCooling(SizingContext &c)
{
    PlanResult &r = c.result;
    CoolingResult &cr = r.cooling;
    const CoolingArchitecture &arch = c.cooling;
    const double it = r.itLoad.value();

    // UPS and PDU losses are released indoors and leave through the air loop (or the liquid
    // when there is no air loop, as in an immersion hall).
    double liquid = it * r.liquidShare;
    double air = it - liquid + it * c.upsPduLossPerIt;
    if (!arch.air.present) {
        liquid += air;
        air = 0.0;
    }
    cr.liquidHeat = Megawatts(liquid);
    cr.airHeat = Megawatts(air);
    cr.heatToReject = Megawatts(liquid + air);

    if (liquid > 0.0)
        sizeLoop(c, arch.liquid, liquid, cr.liquidLoop, Subject::LiquidLoop);
    if (air > 0.0)
        sizeLoop(c, arch.air, air, cr.airLoop, Subject::AirLoop);
    if (liquid > 0.0) {
        cr.cdus = {unitsWithRedundancy(unitsFor(liquid, arch.cduUnitMw.value), c.input.cooling),
                   arch.cduUnitMw.value};
        c.use("CDU rating", "MW", arch.cduUnitMw, Subject::Cooling);
    }

    c.peakCoolingMw = liquid * cr.liquidLoop.peakOverhead + air * cr.airLoop.peakOverhead;
    c.averageCoolingMw = liquid * cr.liquidLoop.annualOverhead + air * cr.airLoop.annualOverhead;
    cr.installedCapacity = Megawatts(cr.liquidLoop.rejectionUnits.installed()
                                     + cr.airLoop.rejectionUnits.installed());
    cr.economizerHours = (liquid * cr.liquidLoop.economizerHours + air * cr.airLoop.economizerHours)
            / (liquid + air);

    // The water itself is counted with the annual energy (balanceEnergy): from the months
    // above for an evaporating loop, else from the architecture's published WUE.
    if (!cr.waterFromClimate) {
        cr.wueLPerKwh = arch.wueLPerKwh.value;
        c.use("water use effectiveness", "L/kWh IT", arch.wueLPerKwh, Subject::Cooling);
    }
    c.use("practical air-cooling limit per rack", "kW", arch.maxAirRackKw, Subject::Cooling);
    if (r.liquidShare < 1.0 && arch.air.present
        && r.rackPower.value() * (1.0 - r.liquidShare) > arch.maxAirRackKw.value) {
        r.warnings.push_back("each rack puts more heat into the air than the practical "
                             "air-cooling limit of this architecture; plan rear-door heat "
                             "exchangers or choose a liquid architecture");
    }
}

} // namespace planner
