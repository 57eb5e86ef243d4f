// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Fields… action of a vector layer: opens the field picker on the layer's fields and sample
// values, and turns the user's choice into one undo command (planner::commands::setLayerFields).
// GUI thread only.

#include "app/maplayers.h"
#include "maps/vector/fieldmapping.h"

class QWidget;

namespace app {

// The stored form of field choices (LayerRef::fields); fieldChoices() (maplayers.h) is the inverse.
std::map<std::string, std::string> storedFieldChoices(const maps::FieldChoices &choices);

// False when the layer is not a loaded vector layer, its samples cannot be read (the message
// is shown), the user cancels or changes nothing.
bool editLayerFields(planner::Document &doc, const LoadedLayer &layer, QWidget *parent);

} // namespace app
