// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A north-up pixel grid in a coordinate reference system: where each pixel of a raster lies.
// Plain value, safe to copy between threads. Pixel (col, row) covers
// [originX + col * pixelWidth, +pixelWidth] × [originY + row * pixelHeight, +pixelHeight];
// pixelHeight is negative for the usual north-up rasters. Rotated grids are not represented:
// RasterLayer refuses them with a message.

#include <QPointF>
#include <QRectF>
#include <QString>

#include <array>
#include <cstdint>

namespace maps {

struct RasterGrid
{
    QString crsWkt; // empty when the source has no CRS
    double originX = 0.0;
    double originY = 0.0;
    double pixelWidth = 1.0;
    double pixelHeight = -1.0;
    int width = 0;
    int height = 0;

    std::int64_t pixelCount() const { return std::int64_t(width) * height; }
    bool isEmpty() const { return width <= 0 || height <= 0; }

    // Fractional pixel coordinates of a map point (col, row); (0.5, 0.5) is the first centre.
    QPointF mapToPixel(double x, double y) const
    {
        return {(x - originX) / pixelWidth, (y - originY) / pixelHeight};
    }
    QPointF pixelToMap(double col, double row) const
    {
        return {originX + col * pixelWidth, originY + row * pixelHeight};
    }
    QPointF pixelCentre(int col, int row) const { return pixelToMap(col + 0.5, row + 0.5); }
    QRectF extent() const;

    // GDAL's six-number geotransform for this grid.
    std::array<double, 6> geoTransform() const;
    static RasterGrid fromGeoTransform(const double *gt, int width, int height, QString crsWkt);

    // The part of this grid from (col, row) of size (w, h), same CRS and resolution.
    RasterGrid subGrid(int col, int row, int w, int h) const;

    // A grid covering extent (in crsWkt units) with square pixels of size pixelSize.
    static RasterGrid covering(const QRectF &extent, double pixelSize, QString crsWkt);

    // Whether this grid's CRS describes geographic (degree) coordinates.
    bool isGeographic() const;
};

} // namespace maps
