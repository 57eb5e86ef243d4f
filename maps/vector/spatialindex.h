// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Spatial queries on one FeatureStore: nearest feature (optionally by voltage), features within
// a radius, polygons containing a point. Distances are on the WGS84 ellipsoid (chords in
// Earth-centred coordinates to search, the local curvature or Karney's geodesic to measure).
// The edge between two vertices is taken as the shortest path on the Earth (as PostGIS
// geography does), not as a straight line in lon/lat: for a 100 km east-west edge at 30° N the
// two differ by about 100 m at its middle.
// Built once (in a worker: build() reports progress and honours a cancel flag), then immutable:
// queries are const, allocation-light and safe from any number of threads. The index refers to
// the store by index only; pass the same store to every query.

#include "maps/io/expected.h"
#include "maps/vector/bvh.h"
#include "maps/vector/featurestore.h"

#include <atomic>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

namespace maps {

struct Hit
{
    int feature = -1;
    double distanceM = 0.0;
    LonLat nearestPoint; // the closest point of the feature (the query point when inside)
};

class SpatialIndex
{
public:
    using Progress = std::function<void(double)>;

    static Expected<SpatialIndex> build(const FeatureStore &store, const Progress &progress = {},
                                        const std::atomic<bool> *cancel = nullptr);

    // Nearest feature whose voltage passes `filter`; inside a polygon counts as distance 0.
    // withinM bounds the search (surface metres): nothing beyond it is visited, and the
    // answer is the unbounded one whenever that lies within it (ties go the same way, as the
    // tree is walked in the same order).
    std::optional<Hit> nearest(const FeatureStore &store, LonLat q, KvFilter filter = {},
                               double withinM = std::numeric_limits<double>::infinity()) const;
    // The same feature and distance, without the closest point (nearestPoint is NaN): for the
    // cells of a grid, which need only the distance.
    std::optional<Hit>
    nearestDistance(const FeatureStore &store, LonLat q, KvFilter filter = {},
                    double withinM = std::numeric_limits<double>::infinity()) const;
    // nearestDistance(store, points[k], filter) for each of n points, the same feature and
    // distance to the bit (hits[k].feature is -1 where there is none), in one walk of the tree
    // for the lot: points close together (a tile of a grid's cells) share the few features that
    // can be nearest to any of them. Of equally near items the one first in the tree's order
    // wins, here as in every nearest query.
    void nearestDistances(const FeatureStore &store, const LonLat *points, std::size_t n,
                          KvFilter filter, Hit *hits) const;
    // Every feature within radiusM of q (once each, at its closest part), nearest first.
    std::vector<Hit> within(const FeatureStore &store, LonLat q, double radiusM,
                            KvFilter filter = {}) const;
    // Polygon features containing q (even-odd rule over all rings of a feature).
    std::vector<int> containing(const FeatureStore &store, LonLat q) const;

    std::size_t itemCount() const { return m_packed.size(); }

private:
    struct Candidate
    {
        double chord2;
        Ecef point;
    };
    // A point or a segment, stored in the tree's leaf order so that a leaf reads one block.
    struct Item
    {
        Ecef a;
        std::uint32_t feature = 0;
        std::uint32_t vertex = 0; // first vertex in the store
        float kv = 0.0F; // -1 when unknown
        std::uint32_t segment = 0; // 1: a segment from a to m_segmentEnds[slot]
    };
    Candidate candidate(std::uint32_t slot, const Ecef &q) const;
    std::optional<Hit> nearestOf(const FeatureStore &store, LonLat q, KvFilter filter,
                                 double withinM, bool withPoint) const;
    LonLat pointOf(const FeatureStore &store, const Item &item, const Candidate &c) const;
    bool polygonContains(const FeatureStore &store, int feature, LonLat q) const;

    Bvh m_items; // points, or segments of lines and polygon rings, in Earth-centred metres
    Bvh m_polygons; // polygon features by lon/lat box (z = 0), for containment
    std::vector<Item> m_packed; // in m_items.order()
    // The far end of a segment and both ends' distances from the Earth's centre (what
    // edgePoint() would work out at every look).
    struct SegmentEnd
    {
        Ecef b;
        double ra = 0.0;
        double rb = 0.0;
    };
    std::vector<SegmentEnd> m_segmentEnds; // per slot, for line and polygon layers only
    // Per slot, the item's own box (the tree keeps only its leaves' boxes): an item whose box is
    // no nearer than the best so far cannot be nearer itself, so its segment is not measured.
    std::vector<BvhBox> m_itemBoxes;
    // Point layers: the items' coordinates and voltages per slot, so that a leaf is one tight
    // loop over contiguous arrays.
    bool m_pointsOnly = false;
    std::vector<double> m_x;
    std::vector<double> m_y;
    std::vector<double> m_z;
    std::vector<float> m_kv;
    struct PointHit
    {
        LonLat lonLat; // the store's vertex, exactly
        std::uint32_t feature = 0;
    };
    std::vector<PointHit> m_pointHits; // what a winner needs, in one cache line
};

} // namespace maps
