// SPDX-License-Identifier: GPL-3.0-or-later
#include "support_gridcells.h"

#include <algorithm>
#include <cmath>

namespace maps::test {

QRectF extentOf(const QRectF &lonLat, const QString &crs)
{
    auto t = CrsTransform::fromLonLat(crs);
    if (!t)
        return {};
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    constexpr int kSteps = 32;
    for (int i = 0; i <= kSteps; ++i) {
        for (int j = 0; j <= kSteps; ++j) {
            if (i != 0 && i != kSteps && j != 0 && j != kSteps)
                continue;
            const auto p = t->apply(QPointF(lonLat.left() + lonLat.width() * i / kSteps,
                                            lonLat.top() + lonLat.height() * j / kSteps));
            if (!p)
                continue;
            x0 = std::min(x0, p->x());
            x1 = std::max(x1, p->x());
            y0 = std::min(y0, p->y());
            y1 = std::max(y1, p->y());
        }
    }
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

double diagonalMetres(const RasterGrid &grid, const CrsTransform &toLonLat, int c, int r)
{
    const auto a = toLonLat.applyToLonLat(grid.pixelToMap(c, r));
    const auto b = toLonLat.applyToLonLat(grid.pixelToMap(c + 1, r + 1));
    return a && b ? geodesicDistance(a->lon, a->lat, b->lon, b->lat) : 0.0;
}

bool forEachCentre(const RasterGrid &grid, const SiteFactorCalculator &calc,
                   const std::function<void(std::size_t, LonLat, const SiteFactors &)> &fn)
{
    auto toLonLat = CrsTransform::toLonLat(grid.crsWkt);
    if (!toLonLat)
        return false;
    for (int r = 0; r < grid.height; ++r) {
        for (int c = 0; c < grid.width; ++c) {
            const auto p = toLonLat->applyToLonLat(grid.pixelCentre(c, r));
            if (!p)
                return false;
            fn(std::size_t(r) * grid.width + c, *p, calc.at(*p));
        }
    }
    return true;
}

} // namespace maps::test
