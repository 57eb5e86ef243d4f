// SPDX-License-Identifier: GPL-3.0-or-later
#include "support_vectorfiles.h"

#include "maps/io/gdalenvironment.h"

#include <QDir>
#include <QFileInfo>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>

namespace maps::test {

namespace {

OGRFieldType typeOf(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
        return OFTInteger64;
    case QMetaType::Double:
        return OFTReal;
    default:
        return OFTString;
    }
}

} // namespace

QString writeVectorFile(const QString &path, const char *driverName, const QString &layerName,
                        const QString &crs, int geometryType, const QList<FixtureFeature> &features)
{
    ensureGdal();
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName(driverName);
    if (!driver) {
        return QStringLiteral("no GDAL driver %1").arg(driverName);
    }
    GDALDatasetUniquePtr ds(
            driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) {
        return QStringLiteral("cannot create %1: %2").arg(path, CPLGetLastErrorMsg());
    }
    std::unique_ptr<OGRSpatialReference> srs;
    if (!crs.isEmpty()) {
        srs = std::make_unique<OGRSpatialReference>();
        srs->SetFromUserInput(crs.toUtf8().constData());
        srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }
    OGRLayer *layer = ds->CreateLayer(layerName.toUtf8().constData(), srs.get(),
                                      OGRwkbGeometryType(geometryType), nullptr);
    if (!layer) {
        return QStringLiteral("cannot create layer %1: %2").arg(layerName, CPLGetLastErrorMsg());
    }
    if (!features.isEmpty()) {
        const QVariantMap &first = features.first().attributes;
        for (auto it = first.begin(); it != first.end(); ++it) {
            OGRFieldDefn field(it.key().toUtf8().constData(), typeOf(it.value()));
            layer->CreateField(&field);
        }
    }
    for (const FixtureFeature &f : features) {
        OGRFeature feature(layer->GetLayerDefn());
        for (auto it = f.attributes.begin(); it != f.attributes.end(); ++it) {
            const QByteArray key = it.key().toUtf8();
            if (typeOf(it.value()) == OFTReal) {
                feature.SetField(key.constData(), it.value().toDouble());
            } else if (typeOf(it.value()) == OFTInteger64) {
                feature.SetField(key.constData(), GIntBig(it.value().toLongLong()));
            } else {
                feature.SetField(key.constData(), it.value().toString().toUtf8().constData());
            }
        }
        if (!f.wkt.isEmpty()) {
            OGRGeometry *g = nullptr;
            const QByteArray wkt = f.wkt.toUtf8();
            if (OGRGeometryFactory::createFromWkt(wkt.constData(), srs.get(), &g) != OGRERR_NONE) {
                return QStringLiteral("bad WKT %1").arg(f.wkt);
            }
            feature.SetGeometryDirectly(g);
        }
        if (layer->CreateFeature(&feature) != OGRERR_NONE) {
            return QStringLiteral("cannot write a feature: %1").arg(CPLGetLastErrorMsg());
        }
    }
    return {};
}

QString sharedDataDir()
{
    const QString dir = QDir::cleanPath(QStringLiteral(ENERGIZE_SOURCE_DIR "/../shared/data"));
    return QFileInfo(dir).isDir() ? dir : QString();
}

} // namespace maps::test
