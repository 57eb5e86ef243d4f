// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One entry of the schedule catalog (resources/catalog/schedule.json): a three-point estimate
// with its unit, distribution and provenance. Plain value, safe to copy between threads.

#include <optional>
#include <string>

namespace planner {

// How a duration varies between its min and max. Triangular: mode at `typical`. Lognormal:
// shifted so that it never falls below `min`, with its median at `typical` and its 95th
// percentile at `max` (a long right tail, as for lead times and permits).
enum class Distribution { Triangular, Lognormal };

struct ThreePoint
{
    double min = 0.0;
    double typical = 0.0;
    double max = 0.0;

    ThreePoint scaled(double k) const { return {min * k, typical * k, max * k}; }
    bool ordered() const { return min <= typical && typical <= max; }
};

struct ScheduleEntry
{
    std::string id;
    std::string name;
    ThreePoint value;
    std::string unit; // "months", "km/month", "USD/kW" or "ratio"
    Distribution distribution = Distribution::Triangular;
    std::string source; // URL, or the reason why there is none ("planning assumption: ...")
    std::string year;
    std::string status; // stated, secondary, derived, proxy or assumption
    std::string note;
    std::optional<double> kv; // transmission construction rates: highest voltage of the band
    std::optional<double> itMwMin; // construction entries: IT load band of one phase
    std::optional<double> itMwMax;
};

} // namespace planner
