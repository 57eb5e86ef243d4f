// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The names of a land-cover raster's classes: the raster's own (GDAL category names, its
// attribute table, CLASS_<code> metadata) win; otherwise the legend file of resources/legends
// that its palette matches (the NLCD legend; CORINE or ESA WorldCover legends are added as
// files in the same "code,name" CSV form with '#' comment lines naming their source).
// Reads files; any thread.

#include "maps/raster/rasterlayer.h"

#include <QMap>
#include <QString>

namespace app {

// A legend file: code → name. Empty with *error set when it cannot be read.
QMap<int, QString> readLegend(const QString &path, QString *error = nullptr);

// legendDir: the folder of legend files (empty: defaultResourcePath("legends")).
QMap<int, QString> landCoverClassNames(const maps::RasterLayer &layer,
                                       const QString &legendDir = {});

} // namespace app
