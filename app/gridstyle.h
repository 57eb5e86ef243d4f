// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a grid case layer is drawn and explained: its branches dashed (schematic connections, not
// routes) and coloured by voltage class; its substations sized by voltage and coloured by the
// N-1 headroom bin of their best bus when the headroom study is there (by voltage otherwise).
// Pure functions on immutable data; any thread.

#include "app/gridlayer.h"
#include "maps/render/layerstyle.h"

#include <QColor>

namespace app {

QColor headroomBinColour(HeadroomBin bin);

// The style of one part (branches or substations) of a grid case, from the style the layer's
// JSON gives for that role.
maps::LayerStyle gridPartStyle(const GridLayerData &grid, maps::LayerRole role,
                               maps::LayerStyle base);

} // namespace app
