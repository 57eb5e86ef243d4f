// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A vector layer's geometry projected into one map CRS for drawing, with per-feature bounding
// boxes and style classes precomputed so that a render only culls, decimates and paints.
// Made once per (layer, map CRS) in a worker, then shared immutable with every render.

#include "maps/io/expected.h"
#include "maps/vector/vectorlayer.h"

#include <QRectF>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>
#include <vector>

namespace maps {

// An axis-aligned box that, unlike QRectF, may be a single point.
struct Bounds
{
    double x0 = INFINITY;
    double y0 = INFINITY;
    double x1 = -INFINITY;
    double y1 = -INFINITY;

    bool isEmpty() const { return !(x0 <= x1 && y0 <= y1); }
    void add(double x, double y)
    {
        x0 = std::min(x0, x);
        y0 = std::min(y0, y);
        x1 = std::max(x1, x);
        y1 = std::max(y1, y);
    }
    void add(const Bounds &b)
    {
        if (!b.isEmpty()) {
            add(b.x0, b.y0);
            add(b.x1, b.y1);
        }
    }
    bool intersects(const Bounds &b) const
    {
        return x0 <= b.x1 && b.x0 <= x1 && y0 <= b.y1 && b.y0 <= y1;
    }
    QRectF rect() const { return isEmpty() ? QRectF() : QRectF(x0, y0, x1 - x0, y1 - y0); }
};

class ProjectedLayer
{
public:
    // crs: the map CRS as in Viewport::crs(). Points PROJ cannot project are dropped from their
    // part (a world layer in a local projection keeps what it can).
    static Expected<std::shared_ptr<const ProjectedLayer>>
    make(const VectorLayer &layer, const QString &crs, const std::atomic<bool> *cancel = nullptr);

    const QString &crs() const { return m_crs; }
    GeometryKind kind() const { return m_features->kind; }
    const FeatureStore &features() const { return *m_features; }
    std::size_t featureCount() const { return m_bounds.size(); }
    std::size_t segmentCount() const { return m_segments; }

    // Projected vertices, indexed like features().vertices (NaN where PROJ failed).
    const std::vector<QPointF> &points() const { return m_points; }
    const Bounds &bounds(std::size_t feature) const { return m_bounds[feature]; }
    const Bounds &extent() const { return m_extent; }

private:
    QString m_crs;
    std::shared_ptr<const FeatureStore> m_features;
    std::vector<QPointF> m_points;
    std::vector<Bounds> m_bounds;
    Bounds m_extent;
    std::size_t m_segments = 0;
};

} // namespace maps
