// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The suitability heatmap of a view: the same score as a site's read-out, for every cell of the
// view at screen resolution (1-pixel cells by default), from the region engine (scoreraster.h):
// factor rasters on the view's Web Mercator grid, scored blockwise on all cores, with progress
// and a cancel flag. A pure job over immutable inputs.

#include "app/maplayers.h"
#include "app/scoringmodel.h"
#include "maps/raster/rastergrid.h"
#include "widgets/maplegend.h"
#include "widgets/mapview.h"

#include <QImage>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace app {

struct HeatmapRequest
{
    std::shared_ptr<const MapScene> scene;
    ScoringModel model;
    ui::MapView view;
    int cellPixels = 1; // one score per cell of this many screen pixels
};

struct HeatmapResult
{
    QImage image; // one pixel per cell, ARGB; transparent where there is no score
    // The score of each cell (0..100, row by row from the top-left; 0 where a hard rule
    // excludes the cell, NaN where a weighted factor has no data), same size as the image.
    std::vector<float> scores;
    ui::GeoRect extent; // what the image covers
    bool cancelled = false;
    QString error; // why there is no heatmap (a layer that cannot be read, …)
    int cells = 0;
    int scored = 0; // cells with a score
    int excluded = 0; // cells excluded by a hard rule
};

// The Web Mercator grid of a view's cells (EPSG:3857, the map's projection).
maps::RasterGrid heatmapGrid(const ui::MapView &view, int cellPixels);

// The colour of a cell: red where excluded, transparent without a score, else the site
// marker's ramp (ui::scoreColour) at the heatmap's alpha.
QRgb heatmapColour(float score);

// The legend of the heatmap overlay: the ramp at 0, 25, 50, 75 and 100 points, excluded cells,
// and what an uncoloured cell means. Colours are heatmapColour()'s, without the overlay's alpha.
ui::LegendSection heatmapLegend();

// Blocks; run it in a worker. progress(done, total) is called from worker threads.
HeatmapResult computeHeatmap(const HeatmapRequest &request, const std::atomic<bool> &cancel,
                             const std::function<void(int, int)> &progress = {});

} // namespace app
