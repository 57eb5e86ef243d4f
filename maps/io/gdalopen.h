// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Opening a GDAL vector dataset with checks that turn GDAL's terse failures into messages a user
// can act on (not an SQLite file, Shapefile sidecars missing, remote source refused). Internal to
// maps/. Re-entrant: each call opens its own dataset; GDAL errors are captured per thread.

#include "maps/io/expected.h"

#include <gdal_priv.h>

#include <QString>

#include <optional>

namespace maps {

// Silences GDAL's error printing on this thread for its lifetime and remembers the last message.
class QuietGdalErrors
{
public:
    QuietGdalErrors();
    ~QuietGdalErrors();
    QuietGdalErrors(const QuietGdalErrors &) = delete;
    QuietGdalErrors &operator=(const QuietGdalErrors &) = delete;

    QString lastMessage() const;
};

Expected<GDALDatasetUniquePtr> openVectorDataset(const QString &path, bool allowNetwork);

// "roads.shp" for a file path, the string itself otherwise (for messages).
QString displayName(const QString &path);

// A folder under a file format's name ("roads.geojson/"): an error saying so. Folders that are
// datasets (a folder of shapefiles, a FileGDB's .gdb) pass.
std::optional<Error> checkNotAFolder(const QString &path);

} // namespace maps
