// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/analysis/nearestpoints.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace maps {
namespace {

double chord2(const Ecef &a, const Ecef &b)
{
    const double dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
    return dx * dx + dy * dy + dz * dz;
}

// The lowest-index point with the least chord to q among `candidates` (ascending indices).
int scan(const std::vector<Ecef> &points, const int *candidates, std::size_t count, const Ecef &q)
{
    int best = -1;
    double bestD = std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < count; ++k) {
        const int i = candidates[k];
        const double d = chord2(points[std::size_t(i)], q);
        if (d < bestD) {
            bestD = d;
            best = i;
        }
    }
    return best;
}

} // namespace

NearestPoints::NearestPoints(const std::vector<LonLat> &points) : m_lonLat(points)
{
    m_points.reserve(points.size());
    for (const LonLat &p : points)
        m_points.push_back(toEcef(p.lon, p.lat));
}

NearestPoints::Hit NearestPoints::nearest(const LonLat &p) const
{
    Hit hit;
    if (m_points.empty())
        return hit;
    const Ecef q = toEcef(p.lon, p.lat);
    double bestD = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        const double d = chord2(m_points[i], q);
        if (d < bestD) {
            bestD = d;
            hit.index = int(i);
        }
    }
    if (hit.index >= 0)
        hit.distanceM = surfaceDistance(p, q, m_points[std::size_t(hit.index)]);
    return hit;
}

std::vector<NearestPoints::Hit>
NearestPoints::nearestAtOrAbove(const LonLat &p, const std::vector<double> &levels,
                                const std::vector<double> &minLevels) const
{
    std::vector<Hit> hits(minLevels.size());
    if (m_points.empty() || levels.size() != m_points.size())
        return hits;
    const Ecef q = toEcef(p.lon, p.lat);
    std::vector<double> bestD(minLevels.size(), std::numeric_limits<double>::infinity());
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        const double level = levels[i];
        if (std::isnan(level))
            continue;
        const double d = chord2(m_points[i], q);
        for (std::size_t k = 0; k < minLevels.size(); ++k) {
            if (level >= minLevels[k] && d < bestD[k]) {
                bestD[k] = d;
                hits[k].index = int(i);
            }
        }
    }
    for (Hit &hit : hits) {
        if (hit.index >= 0)
            hit.distanceM = surfaceDistance(p, q, m_points[std::size_t(hit.index)]);
    }
    return hits;
}

namespace {

// Of `from` (ascending indices), those that can be nearest to some query within r of the
// centre: a point farther than d_min + 2r from it is farther from every such query than the
// point at d_min is from that query (triangle inequality).
void keepCandidates(const std::vector<Ecef> &points, const int *from, std::size_t count,
                    const Ecef &centre, double r, std::vector<int> &out)
{
    double dMin = std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < count; ++k)
        dMin = std::min(dMin, chord2(points[std::size_t(from[k])], centre));
    const double reach = std::sqrt(dMin) + 2.0 * r;
    // A relative margin for rounding in the square roots: keeping one point too many is
    // harmless, dropping the nearest is not.
    const double reach2 = reach * reach * (1.0 + 1e-12) + 1e-6;
    out.clear();
    for (std::size_t k = 0; k < count; ++k) {
        if (chord2(points[std::size_t(from[k])], centre) <= reach2)
            out.push_back(from[k]);
    }
}

} // namespace

void NearestPoints::nearestForCells(const LonLat *queries, std::size_t n, int *indexOut,
                                    double *distanceMOut, double exactWithinM) const
{
    EcefRun ecef;
    std::vector<Ecef> q(n);
    for (std::size_t k = 0; k < n; ++k)
        q[k] = ecef(queries[k]);
    nearestForCells(queries, q.data(), n, indexOut, distanceMOut, exactWithinM);
}

void NearestPoints::nearestForCells(const LonLat *queries, const Ecef *q, std::size_t n,
                                    int *indexOut, double *distanceMOut, double exactWithinM) const
{
    if (m_points.empty()) {
        std::fill(indexOut, indexOut + n, -1);
        if (distanceMOut)
            std::fill(distanceMOut, distanceMOut + n, std::numeric_limits<double>::quiet_NaN());
        return;
    }
    if (n == 0)
        return;
    // Two levels: the points that can serve any of the queries, then of those the ones that
    // can serve each block of kBlock queries.
    constexpr std::size_t kBlock = 256;
    std::vector<int> all(m_points.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = int(i);
    std::vector<int> outer, candidates;
    const auto [centre, r] = boundingSphere(q, n);
    keepCandidates(m_points, all.data(), all.size(), centre, r, outer);
    candidates.reserve(outer.size());
    for (std::size_t start = 0; start < n; start += kBlock) {
        const std::size_t count = std::min(kBlock, n - start);
        const auto [blockCentre, blockR] = boundingSphere(q + start, count);
        keepCandidates(m_points, outer.data(), outer.size(), blockCentre, blockR, candidates);
        for (std::size_t k = 0; k < count; ++k)
            indexOut[start + k] =
                    scan(m_points, candidates.data(), candidates.size(), q[start + k]);
    }
    if (distanceMOut) {
        // As nearest() measures it: the query's own Earth-centred point (EcefRun gives toEcef's
        // to the bit) and the chord's surface distance, with the radius of a run of equal
        // latitudes worked out once. A chord past exactWithinM is a bound below the distance.
        double lastLat = std::numeric_limits<double>::quiet_NaN(), radius = 0.0;
        for (std::size_t k = 0; k < n; ++k) {
            const Ecef &to = m_points[std::size_t(indexOut[k])];
            const double chord = chordLength(q[k], to);
            if (chord > exactWithinM) {
                distanceMOut[k] = chord;
                continue;
            }
            if (!(queries[k].lat == lastLat)) {
                lastLat = queries[k].lat;
                radius = meanRadius(lastLat);
            }
            distanceMOut[k] = surfaceDistance(queries[k], q[k], to, radius);
        }
    }
}

} // namespace maps
