// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/io/gdalopen.h"

#include "maps/io/gdalenvironment.h"
#include "maps/io/sourcepolicy.h"

#include <QFile>
#include <QFileInfo>

#include <cpl_error.h>
#include <cpl_string.h>

namespace maps {

namespace {

bool hasSidecar(const QFileInfo &shp, const char *ext)
{
    const QString base = shp.path() + QLatin1Char('/') + shp.completeBaseName() + QLatin1Char('.');
    return QFileInfo::exists(base + QLatin1String(ext))
            || QFileInfo::exists(base + QString::fromLatin1(ext).toUpper());
}

std::optional<Error> checkLocalFile(const QString &path)
{
    const QFileInfo info(path);
    if (path.startsWith(QLatin1String("/vsi"))
        || (path.contains(QLatin1Char(':')) && !QFileInfo::exists(path))) {
        return std::nullopt; // virtual file or connection string: GDAL decides
    }
    if (!info.exists()) {
        return fail(QStringLiteral("%1: file not found — check the path or choose the file again")
                            .arg(path),
                    ErrorCode::NotFound);
    }
    const QString suffix = info.suffix().toLower();
    const QString name = info.fileName();
    if (auto folder = checkNotAFolder(path)) {
        return folder;
    }
    if (suffix == QLatin1String("gpkg") && info.isFile()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return fail(QStringLiteral("%1: cannot be read — check its permissions").arg(name),
                        ErrorCode::NotReadable);
        }
        if (file.read(16) != QByteArray("SQLite format 3\0", 16)) {
            return fail(QStringLiteral("%1: not a GeoPackage (the file is not an SQLite "
                                       "database) — export the layer again as GeoPackage")
                                .arg(name),
                        ErrorCode::NotReadable);
        }
    }
    if (suffix == QLatin1String("shp")) {
        if (!hasSidecar(info, "shx")) {
            return fail(QStringLiteral("%1: no .shx file beside it — copy %2.shx next to it")
                                .arg(name, info.completeBaseName()),
                        ErrorCode::NotReadable);
        }
        if (!hasSidecar(info, "dbf")) {
            return fail(QStringLiteral("%1: no .dbf file beside it (the attributes) — copy "
                                       "%2.dbf next to it")
                                .arg(name, info.completeBaseName()),
                        ErrorCode::NotReadable);
        }
    }
    return std::nullopt;
}

CPLStringList openOptionsFor(const QString &path)
{
    CPLStringList options;
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
        || path.startsWith(QLatin1String("CSV:"), Qt::CaseInsensitive)) {
        options.SetNameValue("X_POSSIBLE_NAMES", "lon,longitude,lng,long,x,xcoord,x_coord");
        options.SetNameValue("Y_POSSIBLE_NAMES", "lat,latitude,y,ycoord,y_coord");
        options.SetNameValue("GEOM_POSSIBLE_NAMES", "wkt,geometry,geom,the_geom,shape");
        options.SetNameValue("KEEP_GEOM_COLUMNS", "NO");
        options.SetNameValue("AUTODETECT_TYPE", "YES");
    }
    return options;
}

} // namespace

QuietGdalErrors::QuietGdalErrors()
{
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
}

QuietGdalErrors::~QuietGdalErrors()
{
    CPLPopErrorHandler();
}

QString QuietGdalErrors::lastMessage() const
{
    return QString::fromUtf8(CPLGetLastErrorMsg());
}

std::optional<Error> checkNotAFolder(const QString &path)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    static const QStringList fileSuffixes = {"gpkg", "shp",  "geojson", "json", "kml", "csv",
                                             "tif",  "tiff", "fgb",     "gml",  "m"};
    if (info.isDir() && fileSuffixes.contains(suffix)) {
        return fail(QStringLiteral("%1: is a directory, not a .%2 file — choose the file itself")
                            .arg(info.fileName(), suffix),
                    ErrorCode::NotReadable);
    }
    return std::nullopt;
}

QString displayName(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.fileName() : path;
}

Expected<GDALDatasetUniquePtr> openVectorDataset(const QString &path, bool allowNetwork)
{
    ensureGdal();
    if (path.trimmed().isEmpty()) {
        return fail(QStringLiteral("no file given — choose a layer file"), ErrorCode::NotFound);
    }
    if (auto refused = checkSourceAllowed(path, allowNetwork)) {
        return *refused;
    }
    if (auto bad = checkLocalFile(path)) {
        return *bad;
    }
    QuietGdalErrors quiet;
    const CPLStringList options = openOptionsFor(path);
    const QByteArray utf8 = path.toUtf8();
    GDALDatasetUniquePtr ds(GDALDataset::Open(utf8.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              nullptr, options.List(), nullptr));
    if (!ds) {
        const QString detail = quiet.lastMessage();
        return fail(
                QStringLiteral("%1: GDAL cannot read it as a vector layer%2 — check the "
                               "format (GeoPackage, Shapefile, GeoJSON, KML, FlatGeobuf, CSV)")
                        .arg(displayName(path),
                             detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail)),
                ErrorCode::NotReadable);
    }
    return ds;
}

} // namespace maps
