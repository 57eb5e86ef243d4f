// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/rasterextent.h"

#include "maps/geo/crstransform.h"

namespace app {

maps::Bounds rasterMapExtent(const maps::RasterLayer &raster, const QString &mapCrs)
{
    constexpr int kSteps = 32; // points per edge
    maps::Bounds out;
    const maps::RasterGrid &grid = raster.grid();
    if (grid.crsWkt.isEmpty())
        return out;
    auto transform = maps::CrsTransform::create(grid.crsWkt, mapCrs);
    if (!transform)
        return out;
    const QRectF e = grid.extent();
    for (int i = 0; i <= kSteps; ++i) {
        const double t = double(i) / kSteps;
        const QPointF edge[] = {{e.left() + t * e.width(), e.top()},
                                {e.left() + t * e.width(), e.bottom()},
                                {e.left(), e.top() + t * e.height()},
                                {e.right(), e.top() + t * e.height()}};
        for (const QPointF &p : edge) {
            if (const auto q = transform->apply(p))
                out.add(q->x(), q->y());
        }
    }
    return out;
}

} // namespace app
