// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/sizing/economizer.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace planner {
namespace {

double normalCdf(double z)
{
    return 0.5 * std::erfc(-z / std::numbers::sqrt2);
}

double normalPdf(double z)
{
    return std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi);
}

// E[max(T − a, 0)] for T ~ N(mean, sd).
double expectedExcess(double mean, double sd, double a)
{
    const double d = (mean - a) / sd;
    return (mean - a) * normalCdf(d) + sd * normalPdf(d);
}

// Share of an hour's heat that needs chillers at ambient t (0 below the threshold, 1 above the
// band, linear in between).
double mechanicalShare(double t, double threshold, double band)
{
    if (band <= 0.0)
        return t > threshold ? 1.0 : 0.0;
    return std::clamp((t - threshold) / band, 0.0, 1.0);
}

} // namespace

double expectedExcessOver(double mean, double sd, double threshold)
{
    if (!(sd > 0.0))
        return std::max(0.0, mean - threshold);
    return expectedExcess(mean, sd, threshold);
}

double hoursInMonth(int month)
{
    static constexpr int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return 24.0 * days[month];
}

LoopClimate evaluateLoopClimate(const CoolingLoop &loop, const Climate &climate)
{
    LoopClimate out;
    const bool wet = loop.limit == AmbientLimit::WetBulb;
    const auto &means = wet ? climate.monthlyWetBulb : climate.monthlyDryBulb;
    const double sd = wet ? climate.wetBulbSpreadK : climate.dryBulbSpreadK;
    const double threshold = loop.supplyC.value - loop.approachK.value;
    const double band = loop.partialBandK.value;
    const double k = loop.copLossPerK.value;
    out.thresholdC = threshold;

    double chillerHours = 0.0;
    for (int m = 0; m < 12; ++m) {
        const double h = hoursInMonth(m);
        const double mean = means[static_cast<std::size_t>(m)].value();
        const double belowThreshold = normalCdf((threshold - mean) / sd);
        const double belowBandTop = normalCdf((threshold + band - mean) / sd);
        out.economizerHours += h * belowThreshold;
        out.partialHours += h * (belowBandTop - belowThreshold);
        double share = 0.0;
        if (band > 0.0) {
            share = (expectedExcess(mean, sd, threshold)
                     - expectedExcess(mean, sd, threshold + band))
                    / band;
        } else {
            share = 1.0 - belowThreshold;
        }
        out.monthlyMechanicalShare[static_cast<std::size_t>(m)] = share;
        // The chiller's lift, and so its power per kW, grows with the month's mean above the
        // threshold.
        chillerHours += h * share * (1.0 + k * std::max(0.0, mean - threshold));
    }
    out.annualChillerFactor = chillerHours / kHoursPerYear;

    const double design = (wet ? climate.designWetBulb : climate.designDryBulb).value();
    out.peakMechanicalShare = mechanicalShare(design, threshold, band);
    out.peakChillerFactor = out.peakMechanicalShare * (1.0 + k * std::max(0.0, design - threshold));
    return out;
}

double loopOverhead(const CoolingLoop &loop, double chillerFactor)
{
    return loop.freeOverhead.value + chillerFactor / loop.chillerCop.value;
}

} // namespace planner
