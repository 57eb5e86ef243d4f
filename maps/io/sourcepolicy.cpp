// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/io/sourcepolicy.h"

#include <QStringList>

namespace maps {

namespace {

// GDAL virtual file systems and connection prefixes that leave the machine. Matched anywhere in
// the string, so that a chain such as /vsizip//vsicurl/https://… is caught too.
const QStringList &remoteMarkers()
{
    static const QStringList markers{
            "/vsicurl",    "/vsis3",   "/vsigs",  "/vsiaz",   "/vsiadls", "/vsioss", "/vsiswift",
            "/vsiwebhdfs", "/vsihdfs", "http://", "https://", "ftp://",   "ftps://",
    };
    return markers;
}

// Driver connection strings that open a server connection, matched at the start.
const QStringList &remotePrefixes()
{
    static const QStringList prefixes{
            "pg:",    "postgresql://", "mysql:",    "odbc:", "mssql:",     "oci:",           "wfs:",
            "wms:",   "wmts:",         "eeda:",     "ngw:",  "mongodbv3:", "elasticsearch:", "es:",
            "carto:", "amigocloud:",   "plscenes:", "daas:", "ogcapi:",
    };
    return prefixes;
}

} // namespace

bool isRemoteSource(const QString &source)
{
    const QString lower = source.trimmed().toLower();
    for (const QString &m : remoteMarkers()) {
        if (lower.contains(m)) {
            return true;
        }
    }
    for (const QString &p : remotePrefixes()) {
        if (lower.startsWith(p)) {
            return true;
        }
    }
    return false;
}

std::optional<Error> checkSourceAllowed(const QString &source, bool allowNetwork)
{
    if (allowNetwork || !isRemoteSource(source)) {
        return std::nullopt;
    }
    return fail(QStringLiteral("%1: network and database sources are off — allow network access "
                               "in the settings to open it")
                        .arg(source),
                ErrorCode::NetworkRefused);
}

} // namespace maps
