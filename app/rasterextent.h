// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The extent of a raster layer in the map's CRS (EPSG:3857), for Zoom to Layer: its edges are
// sampled and transformed with PROJ, since a projected raster's footprint is curved in Web
// Mercator and its corners alone can miss a bulging edge. Any thread.

#include "maps/raster/rasterlayer.h"
#include "maps/render/projectedlayer.h"

namespace app {

// Empty when the raster has no CRS or PROJ cannot transform any of its edge points.
maps::Bounds rasterMapExtent(const maps::RasterLayer &raster, const QString &mapCrs);

} // namespace app
