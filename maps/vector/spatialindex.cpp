// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/vector/spatialindex.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace maps {

namespace {

constexpr float kUnknownKv = -1.0F;
constexpr double kMinEarthRadius = 6.3e6;
constexpr double kBoxSlackM = 2.0; // float rounding of Earth-centred coordinates

std::array<double, 3> arr(const Ecef &e)
{
    return {e.x, e.y, e.z};
}

BvhBox boxOf(const Ecef &a, const Ecef &b, double slack)
{
    BvhBox box;
    const std::array<double, 3> pa = arr(a);
    const std::array<double, 3> pb = arr(b);
    for (int i = 0; i < 3; ++i) {
        box.lo[i] = static_cast<float>(std::min(pa[i], pb[i]) - slack);
        box.hi[i] = static_cast<float>(std::max(pa[i], pb[i]) + slack);
    }
    return box;
}

// The order of nearest answers: the smaller squared chord, and of equal ones the lower slot
// (so that a walk in any order, or a batch of queries, finds the same one). `found`: whether
// there is a best so far; before there is, best2 is a bound that must be beaten.
bool beats(double d2, std::uint32_t slot, double best2, bool found, std::uint32_t bestSlot)
{
    return d2 < best2 || (found && d2 == best2 && slot < bestSlot);
}
// Whether an item whose box is box2 away may beat the best so far.
bool mayBeat(double box2, std::uint32_t slot, double best2, bool found, std::uint32_t bestSlot)
{
    return box2 < best2 || (found && box2 == best2 && slot < bestSlot);
}

bool isCancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

Error cancelledError()
{
    return fail(QStringLiteral("building the spatial index was cancelled"), ErrorCode::Cancelled);
}

} // namespace

Expected<SpatialIndex> SpatialIndex::build(const FeatureStore &store, const Progress &progress,
                                           const std::atomic<bool> *cancel)
{
    SpatialIndex index;
    const auto report = [&](double f) {
        if (progress) {
            progress(f);
        }
    };
    std::vector<Ecef> ecef;
    ecef.reserve(store.vertices.size());
    for (const LonLat &v : store.vertices) {
        ecef.push_back(toEcef(v.lon, v.lat));
    }
    report(0.2);
    if (isCancelled(cancel)) {
        return cancelledError();
    }
    std::vector<BvhBox> boxes;
    std::vector<Item> items;
    std::vector<Ecef> ends;
    std::vector<float> itemKv;
    const bool segments = store.kind != GeometryKind::Point;
    for (std::size_t f = 0; f < store.featureCount(); ++f) {
        const float kv = std::isfinite(store.kv[f]) ? store.kv[f] : kUnknownKv;
        for (std::uint32_t p = store.featureParts[f]; p < store.featureParts[f + 1]; ++p) {
            const std::uint32_t first = store.partStarts[p];
            const std::uint32_t last = store.partStarts[p + 1];
            const bool single = last - first < 2 || !segments;
            for (std::uint32_t v = first; v < last; ++v) {
                if (!single && v + 1 == last) {
                    break;
                }
                const Ecef &a = ecef[v];
                const Ecef &b = single ? a : ecef[v + 1];
                const double len = chordLength(a, b);
                // The surface lies above the chord by at most len^2 / (8 R).
                const double sag = single ? 0.0 : len * len / (8.0 * kMinEarthRadius);
                boxes.push_back(boxOf(a, b, sag + kBoxSlackM));
                items.push_back(Item{a, std::uint32_t(f), v, kv, single ? 0U : 1U});
                if (segments) {
                    ends.push_back(b);
                }
                itemKv.push_back(kv);
            }
        }
    }
    report(0.3);
    const auto itemProgress = [&](double f) {
        report(0.3 + 0.6 * f);
    };
    // Points are cheap to test (one tight loop over contiguous arrays per leaf): larger leaves
    // mean a shallower tree and fewer cache misses; 32 measured best with and without filters.
    const std::uint32_t leafSize = segments ? 8 : 32;
    if (!index.m_items.build(boxes, itemKv, itemProgress, cancel, leafSize)) {
        return cancelledError();
    }
    index.m_packed.reserve(items.size());
    for (std::uint32_t item : index.m_items.order()) {
        index.m_packed.push_back(items[item]);
        if (segments) {
            const Ecef &a = items[item].a;
            const Ecef &b = ends[item];
            index.m_segmentEnds.push_back({b, centreDistance(a), centreDistance(b)});
            index.m_itemBoxes.push_back(boxes[item]);
        }
    }
    index.m_pointsOnly = !segments;
    if (!segments) {
        const std::size_t n = index.m_packed.size();
        index.m_x.resize(n);
        index.m_y.resize(n);
        index.m_z.resize(n);
        index.m_kv.resize(n);
        index.m_pointHits.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            const Item &item = index.m_packed[i];
            index.m_x[i] = item.a.x;
            index.m_y[i] = item.a.y;
            index.m_z[i] = item.a.z;
            index.m_kv[i] = item.kv;
            index.m_pointHits[i] = {store.vertices[item.vertex], item.feature};
        }
    }
    if (store.kind == GeometryKind::Polygon) {
        std::vector<BvhBox> polygonBoxes(store.featureCount());
        std::vector<float> polygonKv(store.featureCount());
        for (std::size_t f = 0; f < store.featureCount(); ++f) {
            BvhBox &b = polygonBoxes[f];
            b.lo = {INFINITY, INFINITY, 0.0F};
            b.hi = {-INFINITY, -INFINITY, 0.0F};
            const std::uint32_t v0 = store.partStarts[store.featureParts[f]];
            const std::uint32_t v1 = store.partStarts[store.featureParts[f + 1]];
            for (std::uint32_t v = v0; v < v1; ++v) {
                b.lo[0] =
                        std::min(b.lo[0], std::nextafter(float(store.vertices[v].lon), -INFINITY));
                b.lo[1] =
                        std::min(b.lo[1], std::nextafter(float(store.vertices[v].lat), -INFINITY));
                b.hi[0] = std::max(b.hi[0], std::nextafter(float(store.vertices[v].lon), INFINITY));
                b.hi[1] = std::max(b.hi[1], std::nextafter(float(store.vertices[v].lat), INFINITY));
            }
            polygonKv[f] = std::isfinite(store.kv[f]) ? store.kv[f] : kUnknownKv;
        }
        if (!index.m_polygons.build(polygonBoxes, polygonKv, {}, cancel)) {
            return cancelledError();
        }
    }
    report(1.0);
    return index;
}

SpatialIndex::Candidate SpatialIndex::candidate(std::uint32_t slot, const Ecef &q) const
{
    const Item &item = m_packed[slot];
    const Ecef &a = item.a;
    Ecef p = a;
    if (item.segment) {
        const SegmentEnd &end = m_segmentEnds[slot];
        const Ecef &b = end.b;
        const double ux = b.x - a.x;
        const double uy = b.y - a.y;
        const double uz = b.z - a.z;
        const double len2 = ux * ux + uy * uy + uz * uz;
        if (len2 > 0.0) {
            double t = ((q.x - a.x) * ux + (q.y - a.y) * uy + (q.z - a.z) * uz) / len2;
            p = edgePoint(a, b, std::clamp(t, 0.0, 1.0), end.ra, end.rb);
        }
    }
    const double dx = p.x - q.x;
    const double dy = p.y - q.y;
    const double dz = p.z - q.z;
    return {dx * dx + dy * dy + dz * dz, p};
}

LonLat SpatialIndex::pointOf(const FeatureStore &store, const Item &item, const Candidate &c) const
{
    return item.segment ? fromEcef(c.point) : store.vertices[item.vertex];
}

std::optional<Hit> SpatialIndex::nearest(const FeatureStore &store, LonLat q, KvFilter filter,
                                         double withinM) const
{
    return nearestOf(store, q, filter, withinM, true);
}

std::optional<Hit> SpatialIndex::nearestDistance(const FeatureStore &store, LonLat q,
                                                 KvFilter filter, double withinM) const
{
    return nearestOf(store, q, filter, withinM, false);
}

std::optional<Hit> SpatialIndex::nearestOf(const FeatureStore &store, LonLat q, KvFilter filter,
                                           double withinM, bool withPoint) const
{
    if (store.kind == GeometryKind::Polygon) {
        for (int f : containing(store, q)) {
            if (filter.matches(std::isfinite(store.kv[f]) ? store.kv[f] : kUnknownKv)) {
                return Hit{f, 0.0, q};
            }
        }
    }
    const Ecef qe = toEcef(q.lon, q.lat);
    // A chord is never longer than the surface distance: a feature within withinM on the
    // surface has a chord within it too (the small relative margin covers rounding).
    double best2 = std::isfinite(withinM) ? withinM * withinM * (1.0 + 1e-9) + 1e-6 : INFINITY;
    if (m_pointsOnly) {
        // Same squared distances as candidate(), in the same order, but over plain arrays.
        const double *xs = m_x.data();
        const double *ys = m_y.data();
        const double *zs = m_z.data();
        const float *kvs = m_kv.data();
        constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
        std::uint32_t bestSlot = kNone;
        m_items.nearestLeaves(
                arr(qe), filter, best2, [&](std::uint32_t begin, std::uint32_t end, double &b2) {
                    for (std::uint32_t i = begin; i < end; ++i) {
                        const double dx = xs[i] - qe.x;
                        const double dy = ys[i] - qe.y;
                        const double dz = zs[i] - qe.z;
                        const double d2 = dx * dx + dy * dy + dz * dz;
                        // Equally near: the lower slot wins, whatever the order of the walk.
                        if ((d2 < b2 || (d2 == b2 && bestSlot != kNone && i < bestSlot))
                            && filter.matches(kvs[i])) {
                            b2 = d2;
                            bestSlot = i;
                        }
                    }
                });
        if (bestSlot == std::numeric_limits<std::uint32_t>::max()) {
            return std::nullopt;
        }
        const PointHit &hit = m_pointHits[bestSlot];
        const Ecef p{xs[bestSlot], ys[bestSlot], zs[bestSlot]};
        return Hit{int(hit.feature), surfaceDistance(q, qe, p), hit.lonLat};
    }
    const Item *bestItem = nullptr;
    std::uint32_t bestSlot = 0;
    Candidate best{};
    const std::array<double, 3> q3 = arr(qe);
    m_items.nearest(q3, filter, best2, [&](std::uint32_t slot) {
        const Item &item = m_packed[slot];
        if (!filter.matches(item.kv)
            || !mayBeat(Bvh::distance2(m_itemBoxes[slot], q3), slot, best2, bestItem != nullptr,
                        bestSlot)) {
            return double(INFINITY);
        }
        const Candidate c = candidate(slot, qe);
        if (beats(c.chord2, slot, best2, bestItem != nullptr, bestSlot)) {
            bestItem = &item;
            bestSlot = slot;
            best = c;
        }
        return c.chord2;
    });
    if (!bestItem) {
        return std::nullopt;
    }
    return Hit{int(bestItem->feature), surfaceDistance(q, qe, best.point),
               withPoint ? pointOf(store, *bestItem, best) : LonLat{NAN, NAN}};
}

void SpatialIndex::nearestDistances(const FeatureStore &store, const LonLat *points, std::size_t n,
                                    KvFilter filter, Hit *hits) const
{
    const Hit none{-1, NAN, LonLat{NAN, NAN}};
    // Inside a polygon counts as 0: polygons, and lone points, one at a time.
    if (store.kind == GeometryKind::Polygon || n < 2) {
        for (std::size_t k = 0; k < n; ++k) {
            const auto hit = nearestOf(store, points[k], filter, INFINITY, false);
            hits[k] = hit ? *hit : none;
        }
        return;
    }
    std::vector<Ecef> qe(n);
    EcefRun run; // toEcef's coordinates, to the bit
    for (std::size_t k = 0; k < n; ++k)
        qe[k] = run(points[k]);
    // Named, not bound: clang before 16 cannot capture a structured binding.
    const std::pair<Ecef, double> sphere = boundingSphere(qe.data(), n);
    const Ecef centre = sphere.first;
    const double radius = sphere.second;
    auto kvOf = [&](std::uint32_t slot) {
        return m_pointsOnly ? m_kv[slot] : m_packed[slot].kv;
    };
    // What nearestOf() measures for an item.
    auto measure = [&](std::uint32_t slot, const Ecef &q) -> Candidate {
        if (!m_pointsOnly)
            return candidate(slot, q);
        const Ecef p{m_x[slot], m_y[slot], m_z[slot]};
        const double dx = p.x - q.x, dy = p.y - q.y, dz = p.z - q.z;
        return {dx * dx + dy * dy + dz * dz, p};
    };
    // The item nearest to the centre bounds, for every point, how far its nearest can be.
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::uint32_t star = kNone;
    double starD2 = INFINITY;
    m_items.nearest(arr(centre), filter, starD2, [&](std::uint32_t slot) {
        if (!filter.matches(kvOf(slot)))
            return double(INFINITY);
        const double d2 = measure(slot, centre).chord2;
        if (d2 < starD2)
            star = slot;
        return d2;
    });
    if (star == kNone) {
        std::fill(hits, hits + n, none);
        return;
    }
    double most2 = 0.0;
    for (const Ecef &q : qe)
        most2 = std::max(most2, measure(star, q).chord2);
    // An item nearest to some point is no farther from it than `star`, so its box is within
    // that plus the radius of the centre (a distance to a box moves no faster than the point).
    const double reach = (std::sqrt(most2) + radius) * (1.0 + 1e-9) + 1e-3;
    struct Near
    {
        double fromCentre; // the item's box from the centre
        std::uint32_t slot;
    };
    std::vector<Near> near;
    const std::array<double, 3> c3 = arr(centre);
    m_items.within(c3, reach * reach, filter, [&](std::uint32_t slot) {
        if (!filter.matches(kvOf(slot)))
            return;
        const double box2 =
                m_pointsOnly ? measure(slot, centre).chord2 : Bvh::distance2(m_itemBoxes[slot], c3);
        if (box2 <= reach * reach)
            near.push_back({std::sqrt(box2), slot});
    });
    std::sort(near.begin(), near.end(),
              [](const Near &a, const Near &b) { return a.fromCentre < b.fromCentre; });
    for (std::size_t k = 0; k < n; ++k) {
        const Ecef &q = qe[k];
        const std::array<double, 3> q3 = arr(q);
        // A box is at least its distance from the centre less the point's from the centre (a
        // little more of the latter for rounding) from the point.
        const double dx = q.x - centre.x, dy = q.y - centre.y, dz = q.z - centre.z;
        const double offCentre = std::sqrt(dx * dx + dy * dy + dz * dz) * (1.0 + 1e-12) + 1e-6;
        bool found = false;
        std::uint32_t bestSlot = 0;
        double best2 = INFINITY, bestD = INFINITY;
        Candidate best{};
        for (const Near &item : near) {
            // This item and all after it are farther than the best (a margin for rounding).
            if (found && item.fromCentre - offCentre > bestD * (1.0 + 1e-9) + 1e-6)
                break;
            if (!m_pointsOnly
                && !mayBeat(Bvh::distance2(m_itemBoxes[item.slot], q3), item.slot, best2, found,
                            bestSlot))
                continue;
            const Candidate c = measure(item.slot, q);
            if (beats(c.chord2, item.slot, best2, found, bestSlot)) {
                found = true;
                bestSlot = item.slot;
                best2 = c.chord2;
                bestD = std::sqrt(best2);
                best = c;
            }
        }
        if (!found) {
            hits[k] = none;
            continue;
        }
        const std::uint32_t feature =
                m_pointsOnly ? m_pointHits[bestSlot].feature : m_packed[bestSlot].feature;
        hits[k] = Hit{int(feature), surfaceDistance(points[k], q, best.point), LonLat{NAN, NAN}};
    }
}

std::vector<Hit> SpatialIndex::within(const FeatureStore &store, LonLat q, double radiusM,
                                      KvFilter filter) const
{
    const Ecef qe = toEcef(q.lon, q.lat);
    std::unordered_map<std::uint32_t, Hit> best;
    if (store.kind == GeometryKind::Polygon) {
        for (int f : containing(store, q)) {
            best[std::uint32_t(f)] = Hit{f, 0.0, q};
        }
    }
    // A chord is never longer than the surface distance, so chord <= radius is a safe filter.
    m_items.within(arr(qe), radiusM * radiusM, filter, [&](std::uint32_t slot) {
        const Item &item = m_packed[slot];
        if (!filter.matches(item.kv)) {
            return;
        }
        const Candidate c = candidate(slot, qe);
        if (c.chord2 > radiusM * radiusM) {
            return;
        }
        const double d = surfaceDistance(q, qe, c.point);
        if (d > radiusM) {
            return;
        }
        auto it = best.find(item.feature);
        if (it == best.end() || d < it->second.distanceM) {
            best[item.feature] = Hit{int(item.feature), d, pointOf(store, item, c)};
        }
    });
    std::vector<Hit> hits;
    hits.reserve(best.size());
    for (const auto &entry : best) {
        if (filter.matches(std::isfinite(store.kv[entry.first]) ? store.kv[entry.first]
                                                                : kUnknownKv)) {
            hits.push_back(entry.second);
        }
    }
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) {
        return a.distanceM < b.distanceM || (a.distanceM == b.distanceM && a.feature < b.feature);
    });
    return hits;
}

std::vector<int> SpatialIndex::containing(const FeatureStore &store, LonLat q) const
{
    std::vector<int> result;
    if (store.kind != GeometryKind::Polygon) {
        return result;
    }
    const std::vector<std::uint32_t> &order = m_polygons.order();
    m_polygons.within({q.lon, q.lat, 0.0}, 0.0, KvFilter{}, [&](std::uint32_t slot) {
        if (polygonContains(store, int(order[slot]), q)) {
            result.push_back(int(order[slot]));
        }
    });
    std::sort(result.begin(), result.end());
    return result;
}

bool SpatialIndex::polygonContains(const FeatureStore &store, int feature, LonLat q) const
{
    bool inside = false;
    for (std::uint32_t p = store.featureParts[feature]; p < store.featureParts[feature + 1]; ++p) {
        const std::span<const LonLat> ring = store.part(p);
        const std::size_t n = ring.size();
        for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
            const LonLat &a = ring[i];
            const LonLat &b = ring[j];
            if ((a.lat > q.lat) != (b.lat > q.lat)) {
                const double x = a.lon + (q.lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon);
                if (q.lon < x) {
                    inside = !inside;
                }
            }
        }
    }
    return inside;
}

} // namespace maps
