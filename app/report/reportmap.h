// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The report's map, drawn at print resolution from the project's scene (not a grab of the
// screen): the raster layers warped by GDAL for the page and composited into one image, the
// vector layers as vectors through maps::VectorRenderer::paint, the sites as markers in their
// score colour, a scale bar, a north arrow, a legend of the layers and voltage classes, and the
// attribution line. Runs on the calling thread; reads the immutable scene.

#include "app/maplayers.h"
#include "app/report/reportblocks.h"
#include "planner/core/site/site.h"
#include "widgets/mapview.h"

#include <memory>
#include <optional>
#include <vector>

namespace app::report {

struct MapSite
{
    QString name;
    double longitude = 0.0;
    double latitude = 0.0;
    std::vector<planner::GeoPoint> outline;
    std::optional<double> score; // 0..1
    bool excluded = false;
};

struct MapPicture
{
    std::shared_ptr<const MapScene> scene;
    ui::GeoRect extent; // shown whole, centred
    std::vector<MapSite> sites;
    QString attribution;
};

// The map in `frame`; rasters only when `withRasters` (at rasterDpi dots per inch).
void paintMap(QPainter &painter, const QRectF &frame, const MapPicture &map, bool withRasters,
              double rasterDpi);

// The page block: the map as large as the page allows, the legend and attribution under it.
std::unique_ptr<Block> mapPageBlock(MapPicture map);

// The map's height for a width: the extent's aspect in Web Mercator, between 0.4 and 1.3.
double mapAspect(const ui::GeoRect &extent);

} // namespace app::report
