// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The undo facade for map layers: each call that changes something pushes exactly one command.
// GUI thread only.

#include "planner/core/site/layerref.h"

namespace planner {
class Document;
}

namespace planner::commands {

// Adds a layer on top (drawn last) and returns its id; 0 when the source is empty.
std::int64_t addLayer(Document &doc, LayerRef layer);
bool removeLayer(Document &doc, std::int64_t id);
// Moves a layer to a new position in drawing order; false when out of range or unchanged.
bool moveLayer(Document &doc, std::int64_t id, int newIndex);
// Changes any of a layer's properties (name, role, visibility, opacity, style, field choices)
// in one command;
// the id, source and locations cannot change. False when nothing changes or the values are
// invalid.
bool updateLayer(Document &doc, const LayerRef &changed);
// Sets a layer's field choices (LayerRef::fields) in one command; false when the layer is
// unknown or the choices are unchanged.
bool setLayerFields(Document &doc, std::int64_t id,
                    const std::map<std::string, std::string> &fields);
// Points a layer at another source (a moved or missing file found again), in one command;
// false when the layer is unknown, the source is empty or unchanged.
bool setLayerSource(Document &doc, std::int64_t id, const std::string &source);
// Gives a grid case layer its bus-location table, or points it at the table's new place, in one
// command; false when the layer is unknown, the path is empty or unchanged.
bool setLayerLocations(Document &doc, std::int64_t id, const std::string &locations);

} // namespace planner::commands
