// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The map legend of the visible grid case layers in a scene: their branches by voltage class,
// marked schematic, and their substations by N-1 headroom bin (or by voltage class when there
// is no study, saying why). Pure; GUI thread or any.

#include "app/maplayers.h"
#include "widgets/maplegend.h"

namespace app {

QList<ui::LegendSection> gridLegend(const MapScene &scene);

// The same voltage-class legend for the visible line and substation layers of files (not grid
// cases) drawn by voltage class: one section per layer, titled with its name, the classes its
// features have, highest first, and the features of unknown voltage.
QList<ui::LegendSection> voltageLegend(const MapScene &scene);

} // namespace app
