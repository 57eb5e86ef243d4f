// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Float pixels on a grid, in memory: the result of a windowed read, a suitability or proximity
// computation. NaN means "no value". A plain value: movable between threads, not shared.

#include "maps/io/expected.h"
#include "maps/raster/rastergrid.h"

#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace maps {

struct RasterBuffer
{
    RasterGrid grid;
    std::vector<float> values; // row-major, grid.width * grid.height

    static RasterBuffer filled(const RasterGrid &grid,
                               float value = std::numeric_limits<float>::quiet_NaN())
    {
        return {grid, std::vector<float>(std::size_t(grid.pixelCount()), value)};
    }

    float at(int col, int row) const { return values[std::size_t(row) * grid.width + col]; }
    float &at(int col, int row) { return values[std::size_t(row) * grid.width + col]; }
    std::optional<double> valueAt(int col, int row) const
    {
        const float v = at(col, row);
        return std::isnan(v) ? std::nullopt : std::optional<double>(v);
    }

    // Writes a Float32 GeoTIFF (tiled, deflate) with NaN as its no-data value.
    Status saveGeoTiff(const QString &path) const;
};

} // namespace maps
