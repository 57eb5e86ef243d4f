// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test helper: writes small vector files through GDAL (any OGR driver) so that tests read real
// files. Features are WKT plus attributes; field types follow the first feature's QVariants.

#include <QList>
#include <QString>
#include <QVariantMap>

namespace maps::test {

struct FixtureFeature
{
    QString wkt; // empty: a feature without geometry
    QVariantMap attributes;
};

// crs: "EPSG:4326", "EPSG:32614" …, or empty for none. Returns an error message, empty on success.
QString writeVectorFile(const QString &path, const char *driver, const QString &layerName,
                        const QString &crs, int geometryType,
                        const QList<FixtureFeature> &features);

// The folder of the shared real datasets, or empty when absent (tests then QSKIP).
QString sharedDataDir();

} // namespace maps::test
