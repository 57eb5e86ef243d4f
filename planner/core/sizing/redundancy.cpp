// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/sizing/redundancy.h"

#include <algorithm>
#include <cmath>

namespace planner {

int unitsWithRedundancy(int needed, Redundancy redundancy, int groups)
{
    switch (redundancy) {
    case Redundancy::None:
        return 0;
    case Redundancy::N:
        return needed;
    case Redundancy::NPlus1:
        return needed + (groups < needed ? groups : needed);
    case Redundancy::TwoN:
        return 2 * needed;
    }
    return needed;
}

GroupedUnits groupedUnits(double load, double unit, int maxPerGroup, Redundancy redundancy)
{
    GroupedUnits g;
    if (!(load > 0.0) || !(unit > 0.0))
        return g;
    // 1e-9: a load of exactly n units needs n units, whatever the rounding of load / unit.
    g.needed = static_cast<int>(std::ceil(load / unit - 1e-9));
    const int perGroup = std::max(1, maxPerGroup);
    g.groups = (g.needed + perGroup - 1) / perGroup;
    g.installed = unitsWithRedundancy(g.needed, redundancy, g.groups);
    return g;
}

std::string_view redundancyName(Redundancy redundancy)
{
    switch (redundancy) {
    case Redundancy::None:
        return "none";
    case Redundancy::N:
        return "N";
    case Redundancy::NPlus1:
        return "N+1";
    case Redundancy::TwoN:
        return "2N";
    }
    return "?";
}

std::optional<Redundancy> parseRedundancy(std::string_view text)
{
    if (text == "none")
        return Redundancy::None;
    if (text == "N")
        return Redundancy::N;
    if (text == "N+1")
        return Redundancy::NPlus1;
    if (text == "2N")
        return Redundancy::TwoN;
    return std::nullopt;
}

} // namespace planner
