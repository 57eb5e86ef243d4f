// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The result of a raster operation that produces nothing but may fail (writing a file, filling
// a caller's buffer): maps::Expected without a value.

#include "maps/io/expected.h"

#include <variant>

namespace maps {

using RasterStatus = Expected<std::monostate>;

inline RasterStatus rasterDone()
{
    return std::monostate{};
}

} // namespace maps
