// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/io/sourceprobe.h"

#include "maps/io/gdalenvironment.h"
#include "maps/io/gdalopen.h"
#include "maps/io/sourcepolicy.h"

#include <gdal_rat.h>
#include <ogrsf_frmts.h>

#include <QFileInfo>

#include <memory>

namespace maps {

Expected<SourceKind> probeSource(const QString &path, bool allowNetwork)
{
    ensureGdal();
    if (auto refused = checkSourceAllowed(path, allowNetwork))
        return *refused;
    if (!isRemoteSource(path) && !QFileInfo::exists(path))
        return fail(QStringLiteral("%1: no such file — check the path or remove the layer")
                            .arg(displayName(path)),
                    ErrorCode::NotFound);
    if (auto folder = checkNotAFolder(path))
        return *folder;
    QuietGdalErrors quiet;
    const QByteArray utf8 = path.toUtf8();
    GDALDatasetUniquePtr ds(GDALDataset::Open(utf8.constData(),
                                              GDAL_OF_RASTER | GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) {
        const QString why = quiet.lastMessage();
        return fail(QStringLiteral("%1: GDAL cannot read this file%2")
                            .arg(displayName(path), why.isEmpty() ? QString() : " (" + why + ")"),
                    ErrorCode::NotReadable);
    }
    if (ds->GetLayerCount() > 0)
        return SourceKind::Vector;
    if (ds->GetRasterCount() > 0)
        return SourceKind::Raster;
    return fail(QStringLiteral("%1: holds neither raster bands nor vector layers")
                        .arg(displayName(path)),
                ErrorCode::NotReadable);
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
        return fail(QStringLiteral("%1: GDAL cannot read this raster").arg(displayName(path)),
                    ErrorCode::NotReadable);
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
    if (ds->GetRasterCount() > 0) {
        GDALRasterBand *band = ds->GetRasterBand(1);
        if (char **names = band->GetCategoryNames()) {
            for (int i = 0; names[i]; ++i) {
                if (*names[i])
                    out.categoryNames.insert(i, QString::fromUtf8(names[i]));
            }
        }
        if (const GDALRasterAttributeTable *rat = band->GetDefaultRAT()) {
            const int name = rat->GetColOfUsage(GFU_Name);
            int value = rat->GetColOfUsage(GFU_MinMax);
            if (value < 0)
                value = rat->GetColOfUsage(GFU_Min);
            for (int row = 0; name >= 0 && row < rat->GetRowCount(); ++row) {
                const int code = value >= 0 ? rat->GetValueAsInt(row, value) : row;
                const QString text = QString::fromUtf8(rat->GetValueAsString(row, name));
                if (!text.isEmpty())
                    out.categoryNames.insert(code, text);
            }
        }
    }
    return out;
}

} // namespace maps

namespace maps {

Expected<QList<QPair<QString, QString>>> featureAttributes(const QString &path,
                                                           const QString &layerName, qint64 fid)
{
    auto ds = openVectorDataset(path, false);
    if (!ds)
        return ds.error();
    OGRLayer *layer = layerName.isEmpty() ? (*ds)->GetLayer(0)
                                          : (*ds)->GetLayerByName(layerName.toUtf8().constData());
    if (!layer)
        return fail(QStringLiteral("%1: no layer '%2'").arg(displayName(path), layerName),
                    ErrorCode::NotFound);
    std::unique_ptr<OGRFeature> feature(layer->GetFeature(fid));
    if (!feature)
        return fail(QStringLiteral("%1: no feature %2").arg(displayName(path)).arg(fid),
                    ErrorCode::NotFound);
    QList<QPair<QString, QString>> out;
    for (int i = 0; i < feature->GetFieldCount(); ++i) {
        const QString name = QString::fromUtf8(feature->GetFieldDefnRef(i)->GetNameRef());
        const QString value = feature->IsFieldSetAndNotNull(i)
                ? QString::fromUtf8(feature->GetFieldAsString(i))
                : QStringLiteral("(null)");
        out.append({name, value});
    }
    return out;
}

} // namespace maps
