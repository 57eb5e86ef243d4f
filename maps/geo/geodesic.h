// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Distances on the WGS84 ellipsoid. geodesicDistance() is Karney's algorithm (PROJ's geodesic.h,
// accurate to nanometres); the Ecef helpers let spatial queries compare straight-line chords,
// which order points exactly as geodesics do, and turn a chord into a surface distance.
// All functions are pure and thread-safe; an EcefRun belongs to one thread.

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

namespace maps {

struct Ecef
{
    double x = 0.0;
    double y = 0.0;
    double z = 0.0;
};

struct LonLat
{
    double lon = 0.0;
    double lat = 0.0;
};

inline constexpr double kWgs84A = 6378137.0;
inline constexpr double kWgs84F = 1.0 / 298.257223563;

// Geodesic distance in metres between two lon/lat points in degrees (WGS84).
double geodesicDistance(double lon1, double lat1, double lon2, double lat2);

// Earth-centred coordinates (metres) of a point on the ellipsoid surface.
Ecef toEcef(double lon, double lat);
// toEcef for a run of points that repeat latitudes or longitudes (the cell centres of a grid in
// a cylindrical projection repeat both along rows and down columns): the sines and cosines of a
// repeated value are reused, the arithmetic is toEcef's, so the coordinates are identical.
class EcefRun
{
public:
    Ecef operator()(const LonLat &p);

private:
    struct LonTrig
    {
        double lon = std::numeric_limits<double>::quiet_NaN();
        double sinLam = 0.0, cosLam = 0.0;
    };
    double m_lat = std::numeric_limits<double>::quiet_NaN();
    double m_sinPhi = 0.0, m_cosPhi = 0.0, m_n = 0.0;
    std::array<LonTrig, 64> m_lon{}; // by a hash of the longitude
};
// toEcef for every pair of a list of longitudes and a list of latitudes (the cell centres of a
// Web Mercator grid): each sine and cosine worked out once, toEcef's arithmetic otherwise, so that
// at(i, j) is toEcef(lons[i], lats[j]) to the bit. Immutable; safe from any thread.
class EcefProduct
{
public:
    EcefProduct(const std::vector<double> &lons, const std::vector<double> &lats);
    Ecef at(std::size_t lon, std::size_t lat) const
    {
        const Latitude &r = m_lats[lat];
        const Longitude &c = m_lons[lon];
        return {r.nCosPhi * c.cosLam, r.nCosPhi * c.sinLam, r.z};
    }

private:
    struct Longitude
    {
        double sinLam = 0.0, cosLam = 0.0;
    };
    struct Latitude
    {
        double nCosPhi = 0.0; // N cos(phi), as toEcef forms it before the longitude's factor
        double z = 0.0;
    };
    std::vector<Longitude> m_lons;
    std::vector<Latitude> m_lats;
};
// The centre (the mean) of n Earth-centred points and the largest distance of any of them from
// it: a sphere that holds them all.
std::pair<Ecef, double> boundingSphere(const Ecef *points, std::size_t n);
// Inverse of toEcef for points on or near the surface (geodetic height is dropped).
LonLat fromEcef(const Ecef &p);

// Gaussian mean radius of curvature sqrt(M N) at a latitude, in metres.
double meanRadius(double lat);

// Surface distance between a lon/lat point and another surface point given by its Ecef and the
// chord between them. Chords below 300 km use the local circle of curvature (the radius only
// enters the small chord-to-arc correction: relative error below 1e-6, tested against Karney);
// longer ones fall back to the exact geodesic.
double surfaceDistance(const LonLat &from, const Ecef &fromPoint, const Ecef &to);
// The same, to the bit, with meanRadius(from.lat) given (callers that reuse it along a row).
double surfaceDistance(const LonLat &from, const Ecef &fromPoint, const Ecef &to,
                       double meanRadiusAtFrom);

double chordLength(const Ecef &a, const Ecef &b);

// The point at t (0..1) of the edge between two surface points a and b, as the spatial index
// measures edges: the chord point a + t (b - a) lifted along its radius to the radius
// interpolated between the two ends (the shortest path on the Earth, to well under a metre for
// edges of hundreds of kilometres).
// Inline: the spatial index calls it for every segment it looks at.
// The distance of a point from the Earth's centre, as edgePoint() takes it.
inline double centreDistance(const Ecef &p)
{
    return std::sqrt(p.x * p.x + p.y * p.y + p.z * p.z);
}
// edgePoint() with the ends' centre distances given (callers that keep them per edge): the same
// point, to the bit.
inline Ecef edgePoint(const Ecef &a, const Ecef &b, double t, double ra, double rb)
{
    const double ux = b.x - a.x;
    const double uy = b.y - a.y;
    const double uz = b.z - a.z;
    const Ecef p{a.x + t * ux, a.y + t * uy, a.z + t * uz};
    const double s = ((1.0 - t) * ra + t * rb) / centreDistance(p);
    return {p.x * s, p.y * s, p.z * s};
}
inline Ecef edgePoint(const Ecef &a, const Ecef &b, double t)
{
    return edgePoint(a, b, t, centreDistance(a), centreDistance(b));
}

} // namespace maps
