// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The suitability heatmap of a view: the same score as a site's read-out, evaluated on a grid
// of cells in the worker pool (each thread with its own SiteAnalyzer, since samplers belong to
// one thread), with progress and a cancel flag. A pure job over immutable inputs.

#include "app/maplayers.h"
#include "app/scoringmodel.h"
#include "maps/io/rasterstatus.h"
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
    int cellPixels = 6; // one score per cell of this many screen pixels
};

struct HeatmapResult
{
    QImage image; // one pixel per cell, ARGB; transparent where there is no score
    // The score of each cell (0..100, row by row from the top-left; 0 where a hard rule
    // excludes the cell, NaN where a weighted factor has no data), same size as the image.
    std::vector<float> scores;
    ui::GeoRect extent; // what the image covers
    bool cancelled = false;
    int cells = 0;
    int scored = 0; // cells with a score
    int excluded = 0; // cells excluded by a hard rule
};

// The heatmap's scores as a Float32 GeoTIFF in Web Mercator (EPSG:3857, the map's projection,
// in which the cells are square); NaN is no-data. Blocks; an error names the file.
maps::RasterStatus writeHeatmapGeoTiff(const HeatmapResult &result, const QString &path);

// Blocks; run it in a worker. progress(done, total) is called from worker threads.
HeatmapResult computeHeatmap(const HeatmapRequest &request, const std::atomic<bool> &cancel,
                             const std::function<void(int, int)> &progress = {});

} // namespace app
