// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the buses of a grid case are: a table of bus id → longitude/latitude (WGS 84), read from
// a CSV (columns found by name: bus / bus_id / bus_i, lat / latitude, lon / lng / longitude, an
// optional substation name and id). Buses of the case that the table does not place are listed,
// never guessed; rows for buses the case does not have are counted and reported.

#include "common/expected.h"
#include "planner/core/grid/gridcase.h"

#include <string>
#include <string_view>
#include <vector>

namespace planner {

struct BusLocation
{
    int bus = 0; // bus id as in the case
    double lon = 0.0;
    double lat = 0.0;
    std::string substation; // name of the substation the bus sits in; may be empty
    long long substationId = 0; // 0 when the table has none
};

struct BusLocationTable
{
    std::string sourceName;
    std::vector<BusLocation> rows; // in file order
};

// Reads the CSV; every error names the file and the line (a missing column, a value that is not
// a finite number, a latitude outside ±90 or longitude outside ±180, a bus listed twice).
energize::Expected<BusLocationTable> parseBusLocations(std::string_view text,
                                                       const std::string &sourceName);
energize::Expected<BusLocationTable> readBusLocations(const std::string &path);

struct PlacedGrid
{
    // Per bus index of the case: the location, or placed[i] == false.
    std::vector<bool> placed;
    std::vector<double> lon, lat;
    std::vector<std::string> substation;
    std::vector<long long> substationId;
    std::vector<int> unplacedBusIds; // case buses with no row
    int unknownRows = 0; // rows whose bus is not in the case
};

// Joins a table to a case. An error only when nothing matches (the table is for another case);
// partial matches are a result with unplacedBusIds listed.
energize::Expected<PlacedGrid> placeBuses(const GridCase &grid, const BusLocationTable &table);

} // namespace planner
