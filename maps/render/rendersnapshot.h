// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Everything a render needs, frozen: projected layers (shared, immutable), their roles and
// styles, and a generation number so that the canvas keeps only the latest render. Built on the
// GUI thread from the layer panel's state (cheap when the ProjectedLayers are reused), then
// passed by value or const reference to a render thread.

#include "maps/render/layerstyle.h"
#include "maps/render/projectedlayer.h"

#include <QString>

#include <vector>

namespace maps {

struct RenderLayer
{
    std::shared_ptr<const ProjectedLayer> geometry;
    LayerRole role = LayerRole::Unknown;
    LayerStyle style;
    QString name;
};

struct RenderSnapshot
{
    QString crs; // the CRS all layers were projected to
    std::vector<RenderLayer> layers; // drawn in order: first at the bottom
    quint64 generation = 0;

    // Projects `layers` to `crs` with default styles, polygons below lines below points.
    // Blocks (PROJ over every vertex): call it from a worker.
    static Expected<RenderSnapshot> make(const std::vector<VectorLayer> &layers, const QString &crs,
                                         quint64 generation = 0,
                                         const std::atomic<bool> *cancel = nullptr);
};

} // namespace maps
