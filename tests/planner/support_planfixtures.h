// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared inputs for the planner's sizing tests: the default catalog from resources/catalog and
// a few site climates. The climates are approximate monthly normals (dry-bulb, and wet-bulb
// estimated from mean humidity) for four contrasting places; they are test inputs, not
// reference results, and only their ordering (cold → hot) matters to the checks.

#include "planner/core/catalog/catalogloader.h"
#include "planner/core/site/siteconditions.h"
#include "planner/core/sizing/planinput.h"

#include <array>
#include <cstdlib>
#include <string>

namespace planner::fixtures {

inline std::string catalogDirectory()
{
    const char *env = std::getenv("ENERGIZE_SOURCE_DIR");
    return std::string(env ? env : ENERGIZE_SOURCE_DIR) + "/resources/catalog";
}

inline const Catalog &defaultCatalog()
{
    static const Catalog catalog = [] {
        Expected<Catalog> c = loadCatalog(catalogDirectory());
        return c.ok() ? c.value() : Catalog{};
    }();
    return catalog;
}

inline Climate climate(const std::array<double, 12> &dry, const std::array<double, 12> &wet,
                       double designDry, double designWet, double drySpread, double wetSpread)
{
    Climate c;
    for (std::size_t m = 0; m < 12; ++m) {
        c.monthlyDryBulb[m] = Celsius(dry[m]);
        c.monthlyWetBulb[m] = Celsius(wet[m]);
    }
    c.designDryBulb = Celsius(designDry);
    c.designWetBulb = Celsius(designWet);
    c.dryBulbSpreadK = drySpread;
    c.wetBulbSpreadK = wetSpread;
    return c;
}

// Cold: Stockholm-like.
inline Climate coldClimate()
{
    return climate({-1, -1, 2, 7, 12, 16, 19, 18, 13, 8, 4, 1},
                   {-2, -2, 0, 4, 9, 12, 15, 15, 11, 6, 3, 0}, 27, 19, 4.0, 3.5);
}

// Temperate: Frankfurt-like.
inline Climate temperateClimate()
{
    return climate({2, 3, 6, 10, 14, 17, 19, 19, 15, 11, 6, 3},
                   {1, 1, 4, 7, 10, 13, 15, 15, 12, 9, 5, 2}, 31, 21, 4.5, 3.5);
}

// Hot and humid: Dallas-like.
inline Climate hotHumidClimate()
{
    return climate({8, 10, 15, 19, 24, 28, 30, 30, 26, 20, 13, 9},
                   {5, 7, 11, 15, 20, 23, 24, 24, 21, 16, 10, 6}, 38, 26, 5.5, 4.0);
}

// Hot and dry: Phoenix-like.
inline Climate hotDryClimate()
{
    return climate({13, 15, 18, 22, 27, 33, 35, 34, 31, 24, 17, 12},
                   {7, 8, 9, 11, 13, 16, 21, 22, 19, 13, 9, 7}, 44, 24, 6.0, 3.5);
}

inline SiteConditions site(const Climate &c)
{
    SiteConditions s;
    s.climate = c;
    s.elevation = Metres(200);
    s.landPrice = UsdPerHectare(600000);
    s.electricityPrice = UsdPerMwh(66);
    s.grid = {{Kilovolts(138), Kilometres(3), Kilometres(1)},
              {Kilovolts(345), Kilometres(12), Kilometres(5)}};
    s.landClass = "industrial";
    return s;
}

inline PlanInput input(double mw, const char *accelerator, const char *cooling)
{
    PlanInput in;
    in.targetItLoad = Megawatts(mw);
    in.acceleratorId = accelerator;
    in.coolingId = cooling;
    return in;
}

} // namespace planner::fixtures
