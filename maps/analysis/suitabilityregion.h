// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A suitability model evaluated over a grid (a view or a region) as a Float32 raster: scores
// 0..1, SuitabilityModel::kExcluded where an exclusion applies, NaN where a criterion has no
// value. Computed in tiles on all cores (RasterTileRunner) with cancel and progress; each
// worker reads every layer onto its tile through its own RasterReader, so layers may differ in
// CRS and resolution from the grid and from each other, then scores the tile in cache-sized
// chunks (memory: one Float32 tile per layer per worker, 8 MB for 8192 × 256). Criteria with
// the layer's natural interpolation; exclusions by nearest pixel.
// Threading: blocking; call from a worker thread, never the GUI thread.

#include "maps/analysis/suitabilitymodel.h"
#include "maps/raster/rasterbuffer.h"
#include "maps/raster/rastertilerunner.h"

namespace maps {

class SuitabilityRegion
{
public:
    // In memory; refused beyond maxPixels (default 256 M pixels, 1 GiB) — use evaluateToFile.
    static Expected<RasterBuffer> evaluate(const SuitabilityModel &model, const RasterGrid &grid,
                                           const RasterJobControl &control = {},
                                           std::int64_t maxPixels = std::int64_t(256) << 20);

    // Tile by tile into a tiled Float32 GeoTIFF (any size), opened as a layer when done.
    static Expected<RasterLayerPtr> evaluateToFile(const SuitabilityModel &model,
                                                   const RasterGrid &grid, const QString &path,
                                                   const RasterJobControl &control = {});

    // Tile shape used for a grid: full rows up to 16384 pixels wide, 256 rows high.
    static std::pair<int, int> tileSize(const RasterGrid &grid);
};

} // namespace maps
