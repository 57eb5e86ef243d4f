// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/gdalenvironment.h"

#include <gdal.h>

#include <mutex>

namespace maps {

void ensureGdal()
{
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

} // namespace maps
