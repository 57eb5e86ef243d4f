// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the identify tool lists for a part of a grid case layer at a point: a substation with
// each of its buses (its kV, then its N and N-1 headroom and what binds them, on indented rows
// "    N headroom" and "    N-1 headroom"), or a branch with its ends, voltage, rating and
// base-case flow. GUI thread; reads the immutable grid data.

#include "app/maplayers.h"
#include "widgets/identifydialog.h"

namespace app {

// `part`: one of LoadedLayer::parts of a grid case. Features within toleranceM of the point.
QList<ui::IdentifiedFeature> identifyGridPart(const LoadedLayer &part, double longitude,
                                              double latitude, double toleranceM);

// "812 MW", "unlimited", "not servable"; and what binds a figure, in words.
QString headroomText(double mw, planner::HeadroomLimit limit);
QString bindingText(const planner::HeadroomStudy &study, const planner::HeadroomBinding &binding);

} // namespace app
