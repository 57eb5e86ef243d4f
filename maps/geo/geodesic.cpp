// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/geo/geodesic.h"

#include <geodesic.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <numbers>

namespace maps {

namespace {

constexpr double kDeg = std::numbers::pi / 180.0;
constexpr double kE2 = kWgs84F * (2.0 - kWgs84F);
constexpr double kLocalChordLimit = 300e3;

const geod_geodesic &wgs84()
{
    static const geod_geodesic g = [] {
        geod_geodesic init{};
        geod_init(&init, kWgs84A, kWgs84F);
        return init;
    }();
    return g;
}

} // namespace

double geodesicDistance(double lon1, double lat1, double lon2, double lat2)
{
    double s12 = 0.0;
    geod_inverse(&wgs84(), lat1, lon1, lat2, lon2, &s12, nullptr, nullptr);
    return s12;
}

namespace {

double primeVerticalRadius(double sinPhi)
{
    return kWgs84A / std::sqrt(1.0 - kE2 * sinPhi * sinPhi);
}

Ecef ecefOf(double sinPhi, double cosPhi, double n, double sinLam, double cosLam)
{
    return {n * cosPhi * cosLam, n * cosPhi * sinLam, n * (1.0 - kE2) * sinPhi};
}

} // namespace

Ecef toEcef(double lon, double lat)
{
    const double phi = lat * kDeg;
    const double lam = lon * kDeg;
    const double sinPhi = std::sin(phi);
    return ecefOf(sinPhi, std::cos(phi), primeVerticalRadius(sinPhi), std::sin(lam), std::cos(lam));
}

Ecef EcefRun::operator()(const LonLat &p)
{
    if (!(p.lat == m_lat)) {
        m_lat = p.lat;
        const double phi = p.lat * kDeg;
        m_sinPhi = std::sin(phi);
        m_cosPhi = std::cos(phi);
        m_n = primeVerticalRadius(m_sinPhi);
    }
    // Fibonacci hashing of the longitude's bits: 64 slots, one per top-six-bit value.
    LonTrig &t = m_lon[(std::bit_cast<std::uint64_t>(p.lon) * 0x9E3779B97F4A7C15ULL) >> 58];
    if (!(p.lon == t.lon)) {
        t.lon = p.lon;
        const double lam = p.lon * kDeg;
        t.sinLam = std::sin(lam);
        t.cosLam = std::cos(lam);
    }
    return ecefOf(m_sinPhi, m_cosPhi, m_n, t.sinLam, t.cosLam);
}

EcefProduct::EcefProduct(const std::vector<double> &lons, const std::vector<double> &lats)
{
    m_lons.reserve(lons.size());
    for (const double lon : lons) {
        const double lam = lon * kDeg;
        m_lons.push_back({std::sin(lam), std::cos(lam)});
    }
    m_lats.reserve(lats.size());
    for (const double lat : lats) {
        const double phi = lat * kDeg;
        const double sinPhi = std::sin(phi);
        const double n = primeVerticalRadius(sinPhi);
        // ecefOf()'s products, in its order: (n cos phi) cos lam, (n (1 - e2)) sin phi.
        m_lats.push_back({n * std::cos(phi), n * (1.0 - kE2) * sinPhi});
    }
}

std::pair<Ecef, double> boundingSphere(const Ecef *points, std::size_t n)
{
    Ecef centre;
    if (n == 0)
        return {centre, 0.0};
    for (std::size_t k = 0; k < n; ++k) {
        centre.x += points[k].x;
        centre.y += points[k].y;
        centre.z += points[k].z;
    }
    centre.x /= double(n);
    centre.y /= double(n);
    centre.z /= double(n);
    double r2 = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        const double dx = points[k].x - centre.x, dy = points[k].y - centre.y,
                     dz = points[k].z - centre.z;
        r2 = std::max(r2, dx * dx + dy * dy + dz * dz);
    }
    return {centre, std::sqrt(r2)};
}

LonLat fromEcef(const Ecef &p)
{
    // Bowring's formula with one refinement: sub-millimetre for points near the surface.
    const double b = kWgs84A * (1.0 - kWgs84F);
    const double ep2 = kE2 / (1.0 - kE2);
    const double r = std::hypot(p.x, p.y);
    double beta = std::atan2(p.z * kWgs84A, r * b);
    double phi = 0.0;
    for (int i = 0; i < 2; ++i) {
        const double sb = std::sin(beta);
        const double cb = std::cos(beta);
        phi = std::atan2(p.z + ep2 * b * sb * sb * sb, r - kE2 * kWgs84A * cb * cb * cb);
        beta = std::atan2((1.0 - kWgs84F) * std::sin(phi), std::cos(phi));
    }
    return {std::atan2(p.y, p.x) / kDeg, phi / kDeg};
}

double meanRadius(double lat)
{
    const double s = std::sin(lat * kDeg);
    const double w2 = 1.0 - kE2 * s * s;
    const double n = kWgs84A / std::sqrt(w2);
    const double m = kWgs84A * (1.0 - kE2) / (w2 * std::sqrt(w2));
    return std::sqrt(m * n);
}

double chordLength(const Ecef &a, const Ecef &b)
{
    const double dx = a.x - b.x;
    const double dy = a.y - b.y;
    const double dz = a.z - b.z;
    return std::sqrt(dx * dx + dy * dy + dz * dz);
}

double surfaceDistance(const LonLat &from, const Ecef &fromPoint, const Ecef &to,
                       double meanRadiusAtFrom)
{
    const double chord = chordLength(fromPoint, to);
    if (chord < kLocalChordLimit) {
        const double r = meanRadiusAtFrom;
        return 2.0 * r * std::asin(chord / (2.0 * r));
    }
    const LonLat end = fromEcef(to);
    return geodesicDistance(from.lon, from.lat, end.lon, end.lat);
}

double surfaceDistance(const LonLat &from, const Ecef &fromPoint, const Ecef &to)
{
    const double chord = chordLength(fromPoint, to);
    if (chord < kLocalChordLimit) {
        const double r = meanRadius(from.lat);
        return 2.0 * r * std::asin(chord / (2.0 * r));
    }
    const LonLat end = fromEcef(to);
    return geodesicDistance(from.lon, from.lat, end.lon, end.lat);
}

} // namespace maps
