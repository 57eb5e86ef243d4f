// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Water evaporated by a wet-bulb heat-rejection loop, month by month, from the site's monthly
// dry-bulb and wet-bulb. Two documented models, both a mass and energy balance on the outdoor
// air that carries the heat away (psychrometric relations of ASHRAE Fundamentals, ch. 1):
//
//  - cooling tower: the heat leaves in the tower's exhaust air, which leaves saturated at the
//    hot-water temperature (cold water + range; the cold water is the loop's supply, or the
//    wet-bulb + approach when the tower runs as the chillers' condenser). Water per kWh of heat
//    = 3600 (W_out − W_in) / (h_out − h_in): less in cold months, when the air also warms
//    sensibly, more in hot dry months, when the air is cooled as it is wetted. The heat
//    rejected includes the chillers' work (heat × (1 + share on chillers / COP)).
//  - direct evaporative air handler: dry outdoor air cools the hall up to the supply
//    temperature; above it the media are wetted and the air is cooled adiabatically, which
//    evaporates cp ΔT / L per kg of air. With the hall's air rise ΔT_hall, water per kWh of
//    heat = 3600 E[max(T_db − T_wet,0)] / (L ΔT_hall), T_wet = max(supply, wet-bulb + approach).
//
// Both add blowdown (bleed) to keep the dissolved solids at the cycles of concentration:
// blowdown = evaporation / (cycles − 1). Drift (< 0.02 % of the circulating flow) is left out.
// Monthly means stand in for the hours of the month except where the hourly spread is used
// (the direct evaporative excess). Pure functions on values: any thread, no allocation.

#include "planner/core/catalog/coolingarchitecture.h"
#include "planner/core/site/siteconditions.h"

#include <array>

namespace planner {

// Psychrometrics (ASHRAE Fundamentals 2017, ch. 1; saturation pressure by the Magnus form of
// Alduchov and Eskridge 1996). Temperatures in °C, pressure in kPa, humidity ratio in kg water
// per kg dry air, enthalpy in kJ per kg dry air.
double barometricPressureKpa(double elevationM);
double saturationPressureKpa(double tC);
double saturatedHumidityRatio(double tC, double pressureKpa);
double humidityRatio(double dryBulbC, double wetBulbC, double pressureKpa);
double moistAirEnthalpy(double tC, double humidityRatio);

// Water a cooling tower evaporates per kWh of heat (kg/kWh) when air at (dry, wet) leaves
// saturated at `leavingC`.
double towerEvaporationPerKwh(double dryBulbC, double wetBulbC, double leavingC,
                              double pressureKpa);

// Make-up water per kg evaporated: 1 + 1 / (cycles − 1).
double makeUpPerEvaporated(double cyclesOfConcentration);

// Water (m³) the loop takes each month, January first, when it rejects `heatMw` at an average
// `loadFraction` of it; `mechanicalShare` is each month's share of the heat on chillers (from
// evaluateLoopClimate). All zero for a dry loop.
std::array<double, 12> monthlyLoopWater(const CoolingLoop &loop, const Climate &climate,
                                        double elevationM, double heatMw, double loadFraction,
                                        const std::array<double, 12> &mechanicalShare);

} // namespace planner
