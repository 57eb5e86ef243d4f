// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/sizing/evaporation.h"

#include "planner/core/sizing/economizer.h"

#include <algorithm>
#include <cmath>

namespace planner {
namespace {

// Constants of the psychrometric equations (ASHRAE Fundamentals 2017, ch. 1, eqs. 3, 22, 32,
// 35): standard sea-level pressure, the ratio of molar masses of water and dry air, the
// specific heats of dry air and water vapour and the enthalpy of vaporisation at 0 °C.
constexpr double kSeaLevelKpa = 101.325;
constexpr double kMolarRatio = 0.621945;
constexpr double kCpAir = 1.006; // kJ/(kg K)
constexpr double kCpVapour = 1.86; // kJ/(kg K)
constexpr double kCpWater = 4.186; // kJ/(kg K), liquid
constexpr double kLatentAt0 = 2501.0; // kJ/kg
constexpr double kSecondsPerHour = 3600.0; // kJ per kWh

} // namespace

double barometricPressureKpa(double elevationM)
{
    return kSeaLevelKpa * std::pow(1.0 - 2.25577e-5 * elevationM, 5.2559);
}

double saturationPressureKpa(double tC)
{
    return 0.61094 * std::exp(17.625 * tC / (tC + 243.04));
}

double saturatedHumidityRatio(double tC, double pressureKpa)
{
    const double ps = saturationPressureKpa(tC);
    return kMolarRatio * ps / (pressureKpa - ps);
}

double humidityRatio(double dryBulbC, double wetBulbC, double pressureKpa)
{
    const double ws = saturatedHumidityRatio(wetBulbC, pressureKpa);
    const double w =
            ((kLatentAt0 - (kCpWater - kCpVapour) * wetBulbC) * ws - kCpAir * (dryBulbC - wetBulbC))
            / (kLatentAt0 + kCpVapour * dryBulbC - kCpWater * wetBulbC);
    return std::max(0.0, w);
}

double moistAirEnthalpy(double tC, double humidityRatio)
{
    return kCpAir * tC + humidityRatio * (kLatentAt0 + kCpVapour * tC);
}

double towerEvaporationPerKwh(double dryBulbC, double wetBulbC, double leavingC, double pressureKpa)
{
    const double wIn = humidityRatio(dryBulbC, wetBulbC, pressureKpa);
    const double hIn = moistAirEnthalpy(dryBulbC, wIn);
    const double wOut = saturatedHumidityRatio(leavingC, pressureKpa);
    const double hOut = moistAirEnthalpy(leavingC, wOut);
    if (!(hOut > hIn) || !(wOut > wIn))
        return 0.0; // air that cannot take heat or water (callers keep leavingC above wet-bulb)
    return kSecondsPerHour * (wOut - wIn) / (hOut - hIn);
}

double makeUpPerEvaporated(double cyclesOfConcentration)
{
    return 1.0 + 1.0 / (cyclesOfConcentration - 1.0);
}

std::array<double, 12> monthlyLoopWater(const CoolingLoop &loop, const Climate &climate,
                                        double elevationM, double heatMw, double loadFraction,
                                        const std::array<double, 12> &mechanicalShare)
{
    std::array<double, 12> water{};
    const Evaporation &e = loop.evaporation;
    if (e.model == EvaporationModel::None || !(heatMw > 0.0))
        return water;
    const double pressure = barometricPressureKpa(elevationM);
    const double makeUp = makeUpPerEvaporated(e.cyclesOfConcentration.value);
    for (std::size_t m = 0; m < 12; ++m) {
        const double dry = climate.monthlyDryBulb[m].value();
        const double wet = climate.monthlyWetBulb[m].value();
        const double heatMwh = heatMw * loadFraction * hoursInMonth(static_cast<int>(m));
        double kgPerKwh = 0.0; // per kWh of the loop's IT-side heat
        if (e.model == EvaporationModel::CoolingTower) {
            // Free cooling holds the cold water at the supply temperature; when the wet-bulb
            // is too high for that, the tower is the chillers' condenser at wet-bulb + approach.
            const double cold = std::max(loop.supplyC.value, wet + loop.approachK.value);
            const double rejected = 1.0 + mechanicalShare[m] / loop.chillerCop.value;
            kgPerKwh = rejected * towerEvaporationPerKwh(dry, wet, cold + e.rangeK.value, pressure);
        } else {
            const double wetFrom = std::max(loop.supplyC.value, wet + loop.approachK.value);
            const double excessK = expectedExcessOver(dry, climate.dryBulbSpreadK, wetFrom);
            kgPerKwh = kSecondsPerHour * excessK / (e.latentHeatKjPerKg.value * e.airRiseK.value);
        }
        // MWh × kg/kWh = t = m³ of water.
        water[m] = heatMwh * kgPerKwh * makeUp;
    }
    return water;
}

} // namespace planner
