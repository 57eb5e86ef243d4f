// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Distance to the nearest feature of a vector layer, as a raster on a grid: the features are
// burnt into a mask (GDALRasterizeLayers, reprojected to the grid's CRS when their CRS differs)
// and an exact Euclidean distance transform measures from every pixel centre to the nearest
// burnt pixel centre (so results agree with gdal_proximity.py within a pixel).
// Units: projected grids give distances in the CRS's units (metres for UTM); geographic grids
// give metres on a local equirectangular approximation (see RasterPixelSpacing): exact along a
// row, within ~1 % over a few degrees. Use a projected grid where exact metres matter.
// Only features inside the grid are seen: give the grid a margin when features outside it count.
// Threading: blocking, on all cores; call from a worker thread, never the GUI thread.

#include "maps/io/expected.h"
#include "maps/raster/rasterbuffer.h"
#include "maps/raster/rastertilerunner.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace maps {

struct ProximityOptions
{
    QString layerName; // empty = the datasource's first layer
    QString where; // OGR attribute filter, e.g. "voltage >= 220"
    bool allTouched = false; // burn every pixel a feature touches, not only centres
    std::optional<double> maxDistance; // farther pixels get NaN
};

class Proximity
{
public:
    // The target mask (1 = feature) of a vector layer on grid.
    static Expected<std::vector<std::uint8_t>> rasterise(const QString &datasource,
                                                         const RasterGrid &grid,
                                                         const ProximityOptions &options = {});

    // Distances from a mask on grid; NaN everywhere if the mask has no target.
    static Expected<RasterBuffer> fromMask(const std::vector<std::uint8_t> &mask,
                                           const RasterGrid &grid,
                                           const ProximityOptions &options = {},
                                           const RasterJobControl &control = {});

    static Expected<RasterBuffer> fromVector(const QString &datasource, const RasterGrid &grid,
                                             const ProximityOptions &options = {},
                                             const RasterJobControl &control = {});

    // fromVector() straight into a Float32 GeoTIFF at path (tiled, NaN = no-data), written band
    // by band as the bands are finished: no whole-grid result is held in memory.
    static Status writeGeoTiff(const QString &datasource, const RasterGrid &grid,
                               const QString &path, const ProximityOptions &options = {},
                               const RasterJobControl &control = {});

    // "m" for metres, or the projected CRS's unit name.
    static QString distanceUnit(const RasterGrid &grid);
};

} // namespace maps
