// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Free-cooling hours of one cooling loop in one climate. Each month's hourly temperatures are
// taken as normally distributed about the monthly mean with the site's hourly spread; the loop
// free-cools fully at or below its threshold (supply − approach) and partially over the band
// above it. Pure functions on values: safe on any thread, no allocation.

#include "planner/core/catalog/coolingarchitecture.h"
#include "planner/core/site/siteconditions.h"

#include <array>

namespace planner {

struct LoopClimate
{
    double thresholdC = 0; // ambient at or below which free cooling is complete
    double economizerHours = 0; // hours a year at or below the threshold
    double partialHours = 0; // hours a year inside the partial band
    // Chiller work over the year and at the design hour, as a multiple of the loop's heat
    // moved at the chiller's rated COP (0 when chiller-less, ≥ 1 when the lift grows).
    double annualChillerFactor = 0;
    double peakChillerFactor = 0;
    double peakMechanicalShare = 0; // share of the heat on chillers at the design hour
    // Share of each month's heat on chillers, January first.
    std::array<double, 12> monthlyMechanicalShare{};
};

LoopClimate evaluateLoopClimate(const CoolingLoop &loop, const Climate &climate);

// Cooling electric kW per kW of heat for a chiller factor (free overhead + chiller work).
double loopOverhead(const CoolingLoop &loop, double chillerFactor);

// E[max(T − threshold, 0)] for hourly temperatures T ~ N(mean, sd): the mean excess (K) over
// the threshold, averaged over all hours.
double expectedExcessOver(double mean, double sd, double threshold);

// Hours in each month of a non-leap year, January first.
double hoursInMonth(int month);

} // namespace planner
