// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The site score of every cell of a grid, from the region engine: the scene's layers turned into
// factor rasters on the grid (maps::SiteFactorGrid), then the score model applied to every cell
// (planner::CellScorer), so each cell holds the score a site at its centre gets. Used by the
// heatmap (the view at screen resolution), Map > Export Heatmap and `energize heatmap`
// (a region at the finest raster's resolution).
// Threading: blocking, on all cores; call from a worker thread (or the CLI's main thread).

#include "app/maplayers.h"
#include "app/scoringmodel.h"
#include "maps/io/expected.h"
#include "maps/raster/rastergrid.h"
#include "maps/raster/rastertilerunner.h"

#include <optional>
#include <vector>

namespace app {

struct ScoreRaster
{
    maps::RasterGrid grid;
    // One per cell, row by row: 0..1, planner::CellScorer::kExcluded, NaN = no score.
    std::vector<float> scores;
};

maps::Expected<ScoreRaster> scoreRaster(const MapScene &scene, const ScoringModel &model,
                                        const maps::RasterGrid &grid,
                                        const maps::RasterJobControl &control = {});

// A grid over a lon/lat box: in the CRS and at the resolution of the finest raster layer of the
// scene, or with square cells of `metres` in that CRS (in EPSG:3857 when the scene has no
// raster). Refuses grids over maxCells with a message that says which resolution would fit.
maps::Expected<maps::RasterGrid> regionGrid(const MapScene &scene, double west, double south,
                                            double east, double north,
                                            std::optional<double> metres = std::nullopt,
                                            std::int64_t maxCells = std::int64_t(256) << 20);

// Writes scores as a Cloud-Optimized GeoTIFF (GDAL's COG driver: tiled, overviews, Float32):
// 0..100, 0 where a hard rule excludes the cell, no-data (NaN) where a factor has no data.
maps::Status writeScoreCog(const ScoreRaster &raster, const QString &path);

} // namespace app
