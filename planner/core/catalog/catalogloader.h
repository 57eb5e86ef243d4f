// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads a catalog directory: accelerators.json, cooling.json, electrical.json and
// facility.json, each {"schema_version": 1, "kind": "...", "entries": [...]}. Other files in
// the directory (schedule.json, costs…) belong to other parts of the planner and are ignored.
// A figure is a number (taking the entry's "source" and "year") or an object
// {"value", "source", "year", "status", "note"}. Errors name the file, the entry and the field.
// Reentrant: no shared state, call from any thread.

#include "planner/core/catalog/catalog.h"
#include "planner/core/common/expected.h"

#include <string>
#include <vector>

namespace planner {

inline constexpr int kCatalogSchemaVersion = 1;

// One catalog file's name (used in messages and to pick its kind) and text.
struct CatalogFile
{
    std::string name;
    std::string text;
};

// Parses the four catalog files given as text; used by loadCatalog and by tests.
Expected<Catalog> parseCatalog(const std::vector<CatalogFile> &files);

// Reads and parses the catalog files in `directory`.
Expected<Catalog> loadCatalog(const std::string &directory);

} // namespace planner
