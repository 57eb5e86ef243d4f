// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/sourceprobe.h"

#include "maps/gdalenvironment.h"
#include "maps/gdalopen.h"
#include "maps/sourcepolicy.h"

#include <QFileInfo>

namespace maps {

Expected<SourceKind> probeSource(const QString &path, bool allowNetwork)
{
    ensureGdal();
    if (auto refused = checkSourceAllowed(path, allowNetwork))
        return *refused;
    if (!isRemoteSource(path) && !QFileInfo::exists(path))
        return Error{QStringLiteral("%1: no such file — check the path or remove the layer")
                             .arg(displayName(path)),
                     ErrorCode::NotFound};
    QuietGdalErrors quiet;
    const QByteArray utf8 = path.toUtf8();
    GDALDatasetUniquePtr ds(GDALDataset::Open(utf8.constData(),
                                              GDAL_OF_RASTER | GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) {
        const QString why = quiet.lastMessage();
        return Error{QStringLiteral("%1: GDAL cannot read this file%2")
                             .arg(displayName(path), why.isEmpty() ? QString() : " (" + why + ")"),
                     ErrorCode::NotReadable};
    }
    if (ds->GetLayerCount() > 0)
        return SourceKind::Vector;
    if (ds->GetRasterCount() > 0)
        return SourceKind::Raster;
    return Error{QStringLiteral("%1: holds neither raster bands nor vector layers")
                         .arg(displayName(path)),
                 ErrorCode::NotReadable};
}

} // namespace maps

namespace maps {

Expected<RasterDescription> describeRaster(const QString &path)
{
    ensureGdal();
    if (auto refused = checkSourceAllowed(path, false))
        return *refused;
    QuietGdalErrors quiet;
    GDALDatasetUniquePtr ds(
            GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds)
        return Error{QStringLiteral("%1: GDAL cannot read this raster").arg(displayName(path)),
                     ErrorCode::NotReadable};
    RasterDescription out;
    for (int b = 1; b <= ds->GetRasterCount(); ++b)
        out.bandDescriptions << QString::fromUtf8(ds->GetRasterBand(b)->GetDescription());
    if (char **md = ds->GetMetadata()) {
        for (char **it = md; *it; ++it) {
            const QString entry = QString::fromUtf8(*it);
            const int eq = entry.indexOf('=');
            if (eq > 0)
                out.metadata.insert(entry.left(eq), entry.mid(eq + 1));
        }
    }
    return out;
}

} // namespace maps
