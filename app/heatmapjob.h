// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The suitability heatmap of a view: the same score as a site's read-out, evaluated on a grid
// of cells in the worker pool (each thread with its own SiteAnalyzer, since samplers belong to
// one thread), with progress and a cancel flag. A pure job over immutable inputs.

#include "app/maplayers.h"
#include "app/scoringmodel.h"
#include "widgets/mapview.h"

#include <QImage>

#include <atomic>
#include <functional>
#include <memory>

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
    ui::GeoRect extent; // what the image covers
    bool cancelled = false;
    int cells = 0;
    int scored = 0; // cells with a score
    int excluded = 0; // cells excluded by a hard rule
};

// Blocks; run it in a worker. progress(done, total) is called from worker threads.
HeatmapResult computeHeatmap(const HeatmapRequest &request, const std::atomic<bool> &cancel,
                             const std::function<void(int, int)> &progress = {});

} // namespace app
