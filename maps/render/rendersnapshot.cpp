// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/render/rendersnapshot.h"

#include <algorithm>

namespace maps {

Expected<RenderSnapshot> RenderSnapshot::make(const std::vector<VectorLayer> &layers,
                                              const QString &crs, quint64 generation,
                                              const std::atomic<bool> *cancel)
{
    RenderSnapshot snapshot;
    snapshot.crs = crs;
    snapshot.generation = generation;
    for (const VectorLayer &layer : layers) {
        auto projected = ProjectedLayer::make(layer, crs, cancel);
        if (!projected) {
            return projected.error();
        }
        snapshot.layers.push_back(
                {*projected, layer.role(), defaultStyle(layer.role()), layer.name()});
    }
    const auto rank = [](const RenderLayer &l) {
        switch (l.geometry->kind()) {
        case GeometryKind::Polygon:
            return 0;
        case GeometryKind::Line:
            return 1;
        default:
            return 2;
        }
    };
    std::stable_sort(snapshot.layers.begin(), snapshot.layers.end(),
                     [&](const RenderLayer &a, const RenderLayer &b) { return rank(a) < rank(b); });
    return snapshot;
}

} // namespace maps
