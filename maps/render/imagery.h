// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Draws a raster layer for a viewport: the raster is warped by GDAL into the viewport's CRS and
// pixel grid (reading overviews where the file has them, never the whole file), then coloured:
// categorical rasters by their colour table, continuous ones by a colour ramp, elevation with
// hill shading. No-data and NaN stay transparent. Re-entrant: each call opens its own GDAL
// dataset, so renders may run on any worker thread.

#include "maps/geo/viewport.h"
#include "maps/io/expected.h"
#include "maps/raster/rasterlayer.h"

#include <QImage>

#include <atomic>
#include <optional>

namespace maps {

enum class ColourRamp { Auto, Terrain, Viridis, Heat, Greys };

struct ImageryStyle
{
    ColourRamp ramp = ColourRamp::Auto; // Auto: by the layer's role
    bool hillshade = false; // shade by slope and aspect (elevation)
    std::optional<double> minimum; // the ramp's ends; default: the layer's statistics
    std::optional<double> maximum;
};

// The ramp's colour at t in 0..1.
QColor rampColour(ColourRamp ramp, double t);

Expected<QImage> drawRaster(const RasterLayer &layer, const Viewport &viewport,
                            const ImageryStyle &style = {},
                            const std::atomic<bool> *cancel = nullptr);

} // namespace maps
