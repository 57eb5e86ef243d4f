// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/export/siteexport.h"

#include "app/siteanalyzer.h"
#include "maps/io/gdalenvironment.h"
#include "maps/io/rastererrortrap.h"
#include "planner/core/site/buildplan.h"
#include "planner/session/document.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>

namespace app {

namespace {

energize::Error failure(const QString &path, const QString &why)
{
    return energize::Error{
            QStringLiteral("%1: %2")
                    .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()), why)
                    .toStdString()};
}

std::unique_ptr<OGRGeometry> geometryOf(const planner::Site &s)
{
    if (s.outline.size() >= 3) {
        auto ring = std::make_unique<OGRLinearRing>();
        for (const planner::GeoPoint &p : s.outline)
            ring->addPoint(p.longitude, p.latitude);
        ring->closeRings();
        auto polygon = std::make_unique<OGRPolygon>();
        polygon->addRingDirectly(ring.release());
        return polygon;
    }
    return std::make_unique<OGRPoint>(s.longitude, s.latitude);
}

} // namespace

std::vector<SiteRecord> siteRecords(const planner::Document &doc, SiteAnalyzer &analyzer)
{
    std::vector<SiteRecord> out;
    for (const planner::Site &site : doc.sites()) {
        SiteRecord r;
        r.site = site;
        const SiteAnalysis a = analyzer.analyze(QString::fromStdString(site.name), site.longitude,
                                                site.latitude, site.outline);
        if (a.score.score && !a.score.excluded)
            r.score = *a.score.score * 100.0;
        r.excluded = a.score.excluded;
        r.exclusions = a.breakdown.exclusionReasons;
        for (const planner::BuildPlan &p : doc.plans()) {
            if (p.siteId == site.id)
                r.plans << QString::fromStdString(p.name);
        }
        out.push_back(std::move(r));
    }
    return out;
}

QString siteDriverFor(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("gpkg"))
        return QStringLiteral("GPKG");
    if (suffix == QLatin1String("geojson") || suffix == QLatin1String("json"))
        return QStringLiteral("GeoJSON");
    if (suffix == QLatin1String("kml")) {
        // LIBKML keeps every attribute as ExtendedData that GDAL reads back; KML only some.
        maps::ensureGdal();
        return GetGDALDriverManager()->GetDriverByName("LIBKML") ? QStringLiteral("LIBKML")
                                                                 : QStringLiteral("KML");
    }
    return {};
}

energize::Status writeSites(const QString &path, const std::vector<SiteRecord> &sites)
{
    const QString driverName = siteDriverFor(path);
    if (driverName.isEmpty())
        return failure(path, QObject::tr("choose a .gpkg, .geojson or .kml file"));
    maps::ensureGdal();
    maps::RasterErrorTrap trap;
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName(driverName.toLatin1());
    if (!driver)
        return failure(path, QObject::tr("GDAL has no %1 driver").arg(driverName));
    if (!QFileInfo(path).absoluteDir().exists())
        return failure(path, QObject::tr("the folder does not exist"));
    if (QFileInfo::exists(path) && !QFile::remove(path))
        return failure(path, QObject::tr("the existing file cannot be replaced"));
    GDALDatasetUniquePtr ds(
            driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        return failure(path, trap.explain(QObject::tr("cannot be created")));
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const bool parcels = std::any_of(sites.begin(), sites.end(), [](const SiteRecord &r) {
        return r.site.outline.size() >= 3;
    });
    OGRLayer *layer = ds->CreateLayer("sites", &wgs84, parcels ? wkbUnknown : wkbPoint, nullptr);
    if (!layer)
        return failure(path, trap.explain(QObject::tr("the sites layer cannot be created")));
    const std::pair<const char *, OGRFieldType> fields[] = {
            {"name", OFTString}, {"longitude", OFTReal},   {"latitude", OFTReal},
            {"score", OFTReal},  {"excluded", OFTInteger}, {"exclusions", OFTString},
            {"plans", OFTString}};
    for (const auto &[name, type] : fields) {
        OGRFieldDefn field(name, type);
        if (layer->CreateField(&field) != OGRERR_NONE)
            return failure(path, trap.explain(QObject::tr("field %1").arg(name)));
    }
    for (const SiteRecord &r : sites) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("name", r.site.name.c_str());
        f->SetField("longitude", r.site.longitude);
        f->SetField("latitude", r.site.latitude);
        if (r.score)
            f->SetField("score", *r.score);
        else
            f->SetFieldNull(f->GetFieldIndex("score"));
        f->SetField("excluded", r.excluded ? 1 : 0);
        f->SetField("exclusions", r.exclusions.join("; ").toUtf8().constData());
        f->SetField("plans", r.plans.join("; ").toUtf8().constData());
        f->SetGeometryDirectly(geometryOf(r.site).release());
        if (layer->CreateFeature(f.get()) != OGRERR_NONE)
            return failure(path,
                           trap.explain(QObject::tr("site %1 cannot be written")
                                                .arg(QString::fromStdString(r.site.name))));
    }
    ds.reset(); // flushes and closes
    if (trap.hasError())
        return failure(path, trap.message());
    return energize::done();
}

} // namespace app
