// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/raster/rastergrid.h"

#include "maps/geo/crstransform.h"

#include <ogr_spatialref.h>

#include <cmath>

namespace maps {

QRectF RasterGrid::extent() const
{
    const QPointF a = pixelToMap(0, 0);
    const QPointF b = pixelToMap(width, height);
    return QRectF(a, b).normalized();
}

std::array<double, 6> RasterGrid::geoTransform() const
{
    return {originX, pixelWidth, 0.0, originY, 0.0, pixelHeight};
}

RasterGrid RasterGrid::fromGeoTransform(const double *gt, int width, int height, QString crsWkt)
{
    RasterGrid g;
    g.crsWkt = std::move(crsWkt);
    g.originX = gt[0];
    g.pixelWidth = gt[1];
    g.originY = gt[3];
    g.pixelHeight = gt[5];
    g.width = width;
    g.height = height;
    return g;
}

RasterGrid RasterGrid::subGrid(int col, int row, int w, int h) const
{
    RasterGrid g = *this;
    const QPointF o = pixelToMap(col, row);
    g.originX = o.x();
    g.originY = o.y();
    g.width = w;
    g.height = h;
    return g;
}

RasterGrid RasterGrid::covering(const QRectF &extent, double pixelSize, QString crsWkt)
{
    RasterGrid g;
    g.crsWkt = std::move(crsWkt);
    g.originX = extent.left();
    g.originY = extent.bottom(); // QRectF's bottom is the larger y: the north edge
    g.pixelWidth = pixelSize;
    g.pixelHeight = -pixelSize;
    g.width = std::max(1, int(std::ceil(extent.width() / pixelSize - 1e-9)));
    g.height = std::max(1, int(std::ceil(extent.height() / pixelSize - 1e-9)));
    return g;
}

bool RasterGrid::isGeographic() const
{
    if (crsWkt.isEmpty()) {
        return false;
    }
    OGRSpatialReference srs;
    return CrsTransform::parseCrs(srs, crsWkt) && srs.IsGeographic();
}

} // namespace maps
