// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A candidate site: a named location (WGS 84 longitude/latitude in degrees). A plain value,
// copied freely between threads.

#include <cmath>
#include <cstdint>
#include <string>

namespace planner {

struct Site
{
    std::int64_t id = 0; // unique within a project, never reused
    std::string name;
    double longitude = 0.0;
    double latitude = 0.0;

    bool operator==(const Site &) const = default;
};

// True when the coordinates are finite and within the WGS 84 ranges.
inline bool hasValidLocation(const Site &site)
{
    return std::isfinite(site.longitude) && std::isfinite(site.latitude)
            && std::abs(site.longitude) <= 180.0 && std::abs(site.latitude) <= 90.0;
}

} // namespace planner
