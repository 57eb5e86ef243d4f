// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A candidate site: a named location (WGS 84 longitude/latitude in degrees), or a parcel
// outline whose vertex mean is its location. A plain value, copied freely between threads.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace planner {

struct GeoPoint
{
    double longitude = 0.0;
    double latitude = 0.0;
    bool operator==(const GeoPoint &) const = default;
};

struct Site
{
    std::int64_t id = 0; // unique within a project, never reused
    std::string name;
    double longitude = 0.0;
    double latitude = 0.0;
    std::vector<GeoPoint> outline; // a parcel ring (not closed); empty for a point site

    bool operator==(const Site &) const = default;
};

inline bool isValidPoint(double longitude, double latitude)
{
    return std::isfinite(longitude) && std::isfinite(latitude) && std::abs(longitude) <= 180.0
            && std::abs(latitude) <= 90.0;
}

// True when the location and every outline vertex are valid, and an outline (if any) has at
// least three vertices.
inline bool hasValidLocation(const Site &site)
{
    if (!isValidPoint(site.longitude, site.latitude))
        return false;
    if (!site.outline.empty() && site.outline.size() < 3)
        return false;
    return std::all_of(site.outline.begin(), site.outline.end(),
                       [](const GeoPoint &p) { return isValidPoint(p.longitude, p.latitude); });
}

// The vertex mean of an outline, used as a parcel's location.
inline GeoPoint outlineCentre(const std::vector<GeoPoint> &outline)
{
    GeoPoint c;
    for (const GeoPoint &p : outline) {
        c.longitude += p.longitude / double(outline.size());
        c.latitude += p.latitude / double(outline.size());
    }
    return c;
}

} // namespace planner
