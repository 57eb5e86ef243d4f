// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Encoding and decoding of GeoPackage geometry blobs (GeoPackage 1.3, clause 2.1.3) for the
// geometry types the project file stores. Pure functions, safe on any thread.

#include "planner/core/common/expected.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace planner {

// A 2D point in a little-endian GeoPackage blob with an envelope-free header.
std::string encodeGpkgPoint(double x, double y, std::int32_t srsId);

// Reads a point blob in either byte order, with or without an envelope.
Expected<std::pair<double, double>> decodeGpkgPoint(const std::string &blob);

// A polygon with one ring (closed in the blob; `ring` is given without the closing vertex).
std::string encodeGpkgPolygon(const std::vector<std::pair<double, double>> &ring,
                              std::int32_t srsId);

// A point (one vertex) or a one-ring polygon (its vertices without the closing one).
Expected<std::vector<std::pair<double, double>>> decodeGpkgPointOrPolygon(const std::string &blob);

} // namespace planner
