// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the map knows about a site, as a plain value the planner takes: climate statistics,
// elevation, prices, distances to the grid, land class and flood flag. Built by app/ from map
// layers (or read from a plan file); copyable, no references, safe to hand to any thread.

#include "planner/core/common/units.h"

#include <array>
#include <string>
#include <vector>

namespace planner {

// Monthly climate statistics, enough to count economizer hours: the mean dry-bulb and wet-bulb
// of each month (January first), the spread of hourly values about those means (standard
// deviation, K) and the 0.4 % design temperatures used to size the plant for the hottest hours.
struct Climate
{
    std::array<Celsius, 12> monthlyDryBulb{};
    std::array<Celsius, 12> monthlyWetBulb{};
    double dryBulbSpreadK = 0.0;
    double wetBulbSpreadK = 0.0;
    Celsius designDryBulb;
    Celsius designWetBulb;
};

// The nearest substation and line of one voltage class.
struct GridAccess
{
    Kilovolts voltage;
    Kilometres substationDistance;
    Kilometres lineDistance;
};

struct SiteConditions
{
    Climate climate;
    Metres elevation;
    UsdPerHectare landPrice;
    UsdPerMwh electricityPrice;
    std::vector<GridAccess> grid; // any order; a class may be missing
    std::string landClass; // e.g. "industrial", from the land-cover layer
    bool floodZone = false; // inside a 100-year flood zone
};

} // namespace planner
