// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Terrain slope in degrees from an elevation raster, by Horn's 3 × 3 method (as gdaldem).
// Elevations are taken to be metres (zFactor converts other units). Pixel spacing is in metres
// (RasterPixelSpacing): projected grids use their linear unit, geographic (degree) grids the
// WGS84 lengths of a degree of longitude and latitude at each row's latitude.
// A pixel without elevation has no slope; a missing neighbour (no-data or the raster edge)
// is replaced by the centre elevation, so slopes next to holes are damped, never invented.
// Threading: slopeAt() uses the caller's per-thread sampler; computeRaster() runs on all cores
// via RasterTileRunner and must not be called on the GUI thread.

#include "maps/raster/rasterbuffer.h"
#include "maps/raster/rastersampler.h"
#include "maps/raster/rastertilerunner.h"

#include <optional>

namespace maps {

struct SlopeOptions
{
    double zFactor = 1.0; // multiplies elevations to get metres
};

class Slope
{
public:
    // Slope of the DEM pixel under (x, y) (in the sampler's query CRS).
    static std::optional<double> at(RasterSampler &dem, double x, double y,
                                    const SlopeOptions &options = {});

    // Slope over a window of the DEM's own grid (window is a subGrid() of it), NaN where none.
    static Expected<RasterBuffer> compute(const RasterLayerPtr &dem, const RasterGrid &window,
                                          const SlopeOptions &options = {});

    // Slope of the whole DEM written to a Float32 GeoTIFF in tiles, opened as a layer.
    static Expected<RasterLayerPtr> computeToFile(const RasterLayerPtr &dem, const QString &path,
                                                  const RasterJobControl &control = {},
                                                  const SlopeOptions &options = {});

    // Horn slope in degrees from a 3 × 3 neighbourhood z[row][col] and pixel sizes in metres.
    static double horn(const float z[3][3], double dxMetres, double dyMetres);
};

} // namespace maps
