// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a layer's source is written into a project file and read back. In memory a source is an
// absolute path (or a GDAL connection string); in the file a path is stored relative to the
// project file's folder when both share a folder below the root (the same drive or tree), so a
// project folder can be moved or copied whole. Other paths stay absolute; connection strings
// (PG:…, GPKG:…) and GDAL virtual file systems (/vsicurl/…, /vsizip/…) and URLs stay verbatim.
// Lexical only: the files need not exist. Pure functions, callable from any thread.

#include <string>

namespace planner {

// True when the source names a local file or folder rather than a connection string, a GDAL
// virtual file system path or a URL.
bool isLocalLayerPath(const std::string &source);

// The source as a project file in projectDir stores it: relative where the rule above allows,
// with '/' separators; otherwise unchanged.
std::string portableLayerSource(const std::string &source, const std::string &projectDir);

// The source a stored one names: a relative path is taken from projectDir and normalised;
// anything else is returned unchanged.
std::string resolvedLayerSource(const std::string &stored, const std::string &projectDir);

} // namespace planner
