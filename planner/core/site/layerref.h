// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A project's reference to a map layer: where its data is, which layer inside the source, the
// role the user gave it and how it is drawn. The planner keeps these as opaque text; the map
// side interprets them. A plain value, copied freely between threads.

#include <cstdint>
#include <map>
#include <string>

namespace planner {

struct LayerRef
{
    std::int64_t id = 0; // unique within a project, never reused
    std::string name; // shown in the layer panel
    // An absolute file path or a GDAL connection string; the project file stores a path
    // relative to its folder where it can (planner/store/layerpaths.h).
    std::string source;
    std::string layerName; // layer inside a multi-layer source; empty for the first/only one
    std::string role; // role name as the map side spells it; empty = guess on load
    std::string crs; // the user's CRS for a source that has none; empty = the source's
    // A second file the layer needs: the bus-location table (CSV) of a grid case. Empty for
    // other layers, and for a grid case whose table the user has not chosen yet. Absolute in
    // memory, stored like `source` (relative to the project file where it can).
    std::string locations;
    bool visible = true;
    double opacity = 1.0; // 0..1
    std::string style; // style settings as JSON text, owned by the map side
    // The user's field choices: purpose ("voltage", "name", "capacity", "owner", "status",
    // "voltage_unit") to field name, "" for "no field"; a purpose not listed is guessed on load
    // (maps/vector/fieldmapping.h).
    std::map<std::string, std::string> fields;

    bool operator==(const LayerRef &) const = default;
};

} // namespace planner
