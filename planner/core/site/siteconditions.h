// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the map knows about a site, as a plain value the planner takes: climate statistics,
// elevation, prices, distances to the grid, the grid's headroom at the serving bus, land class
// and flood flag. Built by app/ from map layers and a grid case (or read from a plan file);
// copyable, no references, safe to hand to any thread.

#include "planner/core/common/units.h"

#include <array>
#include <optional>
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

// The extra load the grid can take at the bus that would serve the site, from a power-flow
// headroom study of a grid case (grid/headroom.h) or from the utility. N: with every branch in
// service; N-1: after any single branch outage, the criterion utilities apply to large loads.
// +infinity: nothing limits it. Text fields are empty and optional figures none when not given.
struct GridHeadroom
{
    Megawatts n;
    Megawatts n1; // at most n
    std::string busName;
    std::optional<int> busId; // the bus number in the grid case
    std::optional<Kilovolts> busVoltage;
    std::optional<Kilometres> distance; // from the site to the bus
    std::string bindingN1; // the element that limits the N-1 figure (branch and outage)
    std::string bindingN; // the element that limits the N figure
    std::string gridCase; // the case the figures came from
};

// The bus a plan connecting at or above a voltage would be served from: the nearest studied bus
// at or above `atOrAbove`.
struct ServingBus
{
    Kilovolts atOrAbove;
    GridHeadroom headroom;
};

struct SiteConditions
{
    Climate climate;
    Metres elevation;
    UsdPerHectare landPrice;
    UsdPerMwh electricityPrice;
    std::vector<GridAccess> grid; // any order; a class may be missing
    std::optional<GridHeadroom> gridHeadroom; // none: the grid was not studied for this site
    // From a grid case on the map: the serving bus for each voltage level of the case, ascending
    // by atOrAbove; the plan takes the one at its interconnection voltage (servingBusFor).
    // Empty when the headroom was given as one figure (gridHeadroom, e.g. from a plan file).
    std::vector<ServingBus> servingBuses;
    std::string landClass; // e.g. "industrial", from the land-cover layer
    bool floodZone = false; // inside a 100-year flood zone
};

// The headroom a plan connecting at `voltage` is served with: the serving bus at the lowest level
// at or above it, else gridHeadroom (which may be of another voltage; null when neither).
const GridHeadroom *servingBusFor(const SiteConditions &site, Kilovolts voltage);

} // namespace planner
