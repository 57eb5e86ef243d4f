// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The few figures that decide between build plans, as the Plans panel lists them and the
// project file's `plans` layer carries them: computed by the application from the plan's
// evaluation and its site's score, handed to views and to the store as plain values.

#include "planner/core/schedule/scheduleunits.h"

#include <cstdint>
#include <optional>
#include <string>

namespace planner {

struct PlanHeadline
{
    std::int64_t planId = 0;
    std::optional<double> siteScore; // 0-100; none: excluded, no data or no site
    std::optional<double> itMw; // critical IT load built
    std::optional<YearMonth> p50PowerOn; // energization of the last phase
    std::optional<YearMonth> p90PowerOn;
    std::optional<double> capexUsd; // everything priced
    std::optional<double> usdPerAcceleratorHour;
    std::string error; // why there are no figures (no site, a bad plan); empty when there are
};

// "2029-03"; empty for none.
inline std::string yearMonthText(const std::optional<YearMonth> &month)
{
    if (!month)
        return {};
    const int y = month->year, m = month->month;
    std::string text = std::to_string(y) + "-";
    if (m < 10)
        text += "0";
    return text + std::to_string(m);
}

} // namespace planner
