// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Pixel sizes of a grid in metres. Projected grids: the pixel size times the CRS's linear unit.
// Geographic (degree) grids: the WGS84 length of a degree of longitude at each row's latitude
// and of latitude at that row (a local equirectangular approximation: exact along a row, good
// to well under 1 % for distances of a few degrees). Plain value, thread-safe to read.

#include "maps/raster/rastergrid.h"

#include <utility>

namespace maps {

class RasterPixelSpacing
{
public:
    explicit RasterPixelSpacing(const RasterGrid &grid);

    // (east-west, north-south) size in metres of the pixels of a row.
    std::pair<double, double> metresAt(int row) const;
    bool isGeographic() const { return m_geographic; }
    // Metres per CRS unit for projected grids (1 for metres, 0.3048 for feet).
    double linearUnit() const { return m_unit; }

    // WGS84 lengths of one degree, in metres, at a latitude in degrees.
    static double metresPerDegreeLongitude(double latitude);
    static double metresPerDegreeLatitude(double latitude);

private:
    RasterGrid m_grid;
    bool m_geographic = false;
    double m_unit = 1.0;
};

} // namespace maps
