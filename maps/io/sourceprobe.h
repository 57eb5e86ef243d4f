// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Tells whether a source holds raster bands or vector layers before it is loaded, so that the
// app can pick the right loader. Re-entrant (one GDAL dataset per call); respects the network
// lock (sourcepolicy.h).

#include "maps/io/expected.h"

#include <QMap>
#include <QStringList>

namespace maps {

enum class SourceKind { Vector, Raster };

Expected<SourceKind> probeSource(const QString &path, bool allowNetwork = false);

// What a raster says about itself: band descriptions (index 0 = band 1) and dataset metadata
// (e.g. CLASS_41=Deciduous Forest for a land-cover raster).
struct RasterDescription
{
    QStringList bandDescriptions;
    QMap<QString, QString> metadata;
    // Band 1's own class names: its category names (value = index) and the name column of its
    // raster attribute table, the table winning; empty when it has neither.
    QMap<int, QString> categoryNames;
};
Expected<RasterDescription> describeRaster(const QString &path);

// The attributes of one feature (field name and value as text, in field order), read from the
// source by its feature id, for the identify tool.
Expected<QList<QPair<QString, QString>>> featureAttributes(const QString &path,
                                                           const QString &layerName, qint64 fid);

} // namespace maps
