// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The role of a raster guessed from what it says about itself: its file name and band
// description ("elevation", "NLCD"), a colour table whose entries are NLCD land-cover classes,
// or a float or 16-bit integer band of plausible heights in metres. Pure functions, thread-safe.

#include "maps/io/layerrole.h"

#include <gdal.h>

#include <QString>

#include <cmath>
#include <vector>

namespace maps {

struct RasterFacts
{
    QString name; // file name
    QString bandDescription;
    GDALDataType type = GDT_Unknown;
    std::vector<int> paletteCodes; // values with a colour (not black filler) in the colour table
    double minimum = NAN; // of a sample of valid pixels; NaN when unknown
    double maximum = NAN;
};

RoleGuess guessRasterRole(const RasterFacts &facts);

// The class codes of the National Land Cover Database legend (MRLC), for recognising its
// palette.
bool isNlcdClass(int code);

} // namespace maps
