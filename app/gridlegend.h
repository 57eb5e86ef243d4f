// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The map legend of the visible grid case layers in a scene: their branches by voltage class,
// marked schematic, and their substations by N-1 headroom bin (or by voltage class when there
// is no study, saying why). Pure; GUI thread or any.

#include "app/maplayers.h"
#include "widgets/maplegend.h"

namespace app {

QList<ui::LegendSection> gridLegend(const MapScene &scene);

} // namespace app
