// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The names of a land-cover raster's classes: the raster's own (GDAL category names, its
// attribute table, CLASS_<code> metadata) win; otherwise the legend file of resources/legends
// that its palette matches: NLCD, CORINE Land Cover (by grid code and by CLC code) and ESA
// WorldCover ship there, and more are added as files in the same CSV form, "code,name" or
// "code,colour,name" (colour as #rrggbb), with '#' comment lines naming their source. A palette
// code counts for a legend when the legend has the code and, where the legend gives colours,
// the palette's colour is the legend's (within a few levels); the legend that most of the
// palette's coloured codes count for wins, if that is at least 70 % of them.
// Reads files; any thread.

#include "maps/raster/rasterlayer.h"

#include <QColor>
#include <QMap>
#include <QString>

namespace app {

struct Legend
{
    QMap<int, QString> names;
    QMap<int, QColor> colours; // empty for a "code,name" legend
};

// A legend file. Empty with *error set when it cannot be read.
Legend readLegendFile(const QString &path, QString *error = nullptr);
// Its names only.
QMap<int, QString> readLegend(const QString &path, QString *error = nullptr);

// legendDir: the folder of legend files (empty: defaultResourcePath("legends")).
QMap<int, QString> landCoverClassNames(const maps::RasterLayer &layer,
                                       const QString &legendDir = {});

// The legend file (its name, e.g. "esa-worldcover.csv") that the raster's palette matches as
// landCoverClassNames() matches it; empty when none does.
QString matchingLegend(const maps::RasterLayer &layer, const QString &legendDir = {});

} // namespace app
