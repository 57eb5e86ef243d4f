// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/analysis/nearestpoints.h"

#include <algorithm>
#include <cmath>
#include <limits>

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

void NearestPoints::nearestForCells(const LonLat *queries, std::size_t n, int *indexOut) const
{
    if (m_points.empty()) {
        std::fill(indexOut, indexOut + n, -1);
        return;
    }
    constexpr std::size_t kBlock = 256; // cells bounded by one sphere
    std::vector<Ecef> q(std::min(n, kBlock));
    std::vector<int> candidates;
    candidates.reserve(m_points.size());
    for (std::size_t start = 0; start < n; start += kBlock) {
        const std::size_t count = std::min(kBlock, n - start);
        Ecef centre;
        for (std::size_t k = 0; k < count; ++k) {
            q[k] = toEcef(queries[start + k].lon, queries[start + k].lat);
            centre.x += q[k].x;
            centre.y += q[k].y;
            centre.z += q[k].z;
        }
        centre.x /= double(count);
        centre.y /= double(count);
        centre.z /= double(count);
        double r = 0.0;
        for (std::size_t k = 0; k < count; ++k)
            r = std::max(r, std::sqrt(chord2(q[k], centre)));
        // Distances from the centre; a point farther than d_min + 2r from it is farther from
        // every cell than the point at d_min is from that cell.
        double dMin = std::numeric_limits<double>::infinity();
        for (const Ecef &p : m_points)
            dMin = std::min(dMin, chord2(p, centre));
        const double reach = std::sqrt(dMin) + 2.0 * r;
        // A relative margin for rounding in the square roots: keeping one point too many is
        // harmless, dropping the nearest is not.
        const double reach2 = reach * reach * (1.0 + 1e-12) + 1e-6;
        candidates.clear();
        for (std::size_t i = 0; i < m_points.size(); ++i) {
            if (chord2(m_points[i], centre) <= reach2)
                candidates.push_back(int(i));
        }
        for (std::size_t k = 0; k < count; ++k)
            indexOut[start + k] = scan(m_points, candidates.data(), candidates.size(), q[k]);
    }
}

} // namespace maps
