// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled demo region (maps/data/): every layer listed in demo-layers.json opens through
// GDAL, is non-empty and georeferenced, synthetic layers say so, and the values are plausible
// for Texas. Its grid is the published ACTIVSg2000 case, shipped byte for byte, with a
// bus-location table that places every bus in Texas as the PowerSimData tables do. Reads the
// committed files only; writes nothing (PAM side-cars are switched off).
#include "maps/io/gdalenvironment.h"
#include "tests/support/shareddata.h"

#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <vector>

namespace {

QString dataDir()
{
    return QStringLiteral(ENERGIZE_SOURCE_DIR "/maps/data/");
}

GDALDatasetUniquePtr openData(const QString &file, unsigned kind)
{
    const QByteArray path = (dataDir() + file).toUtf8();
    return GDALDatasetUniquePtr(GDALDataset::Open(path.constData(), kind | GDAL_OF_READONLY));
}

bool isSyntheticText(const char *text)
{
    return text != nullptr && QString::fromUtf8(text).contains(QStringLiteral("SYNTHETIC"));
}

// Valid (not nodata) values of one band.
std::vector<double> validValues(GDALRasterBand *band)
{
    const int w = band->GetXSize();
    const int h = band->GetYSize();
    std::vector<double> all(static_cast<size_t>(w) * static_cast<size_t>(h));
    if (band->RasterIO(GF_Read, 0, 0, w, h, all.data(), w, h, GDT_Float64, 0, 0) != CE_None)
        return {};
    int hasNoData = 0;
    const double noData = band->GetNoDataValue(&hasNoData);
    std::vector<double> out;
    out.reserve(all.size());
    for (double v : all) {
        if (!hasNoData || v != noData)
            out.push_back(v);
    }
    return out;
}

double valueAt(GDALDataset *ds, int bandIndex, double lon, double lat)
{
    double gt[6];
    if (ds->GetGeoTransform(gt) != CE_None)
        return std::nan("");
    const int col = static_cast<int>(std::floor((lon - gt[0]) / gt[1]));
    const int row = static_cast<int>(std::floor((lat - gt[3]) / gt[5]));
    double v = std::nan("");
    if (ds->GetRasterBand(bandIndex)->RasterIO(GF_Read, col, row, 1, 1, &v, 1, 1, GDT_Float64, 0, 0)
        != CE_None)
        return std::nan("");
    return v;
}

} // namespace

class DemoDataTest : public QObject
{
    Q_OBJECT

private:
    QJsonObject manifest_;
    QJsonArray layers_;

    QJsonObject layerWithRole(const QString &role) const
    {
        for (const auto &v : layers_) {
            if (v.toObject().value(QStringLiteral("role")).toString() == role)
                return v.toObject();
        }
        return {};
    }

    OGRGeometry *texasGeometry(GDALDataset *ds) const
    {
        OGRLayer *states = ds->GetLayerByName("state_boundaries");
        if (states == nullptr)
            return nullptr;
        states->SetAttributeFilter("name = 'Texas'");
        states->ResetReading();
        OGRFeatureUniquePtr f(states->GetNextFeature());
        states->SetAttributeFilter(nullptr);
        if (!f || f->GetGeometryRef() == nullptr)
            return nullptr;
        return f->GetGeometryRef()->clone();
    }

private slots:
    void initTestCase()
    {
        CPLSetConfigOption("GDAL_PAM_ENABLED", "NO"); // never write .aux.xml into the tree
        maps::ensureGdal();
        QFile f(dataDir() + QStringLiteral("demo-layers.json"));
        QVERIFY2(f.open(QIODevice::ReadOnly), "maps/data/demo-layers.json is missing");
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        manifest_ = doc.object();
        layers_ = manifest_.value(QStringLiteral("layers")).toArray();
        QVERIFY(!layers_.isEmpty());
    }

    void manifestDescribesEveryRole()
    {
        const QSet<QString> known{"boundaries", "grid_case",  "power_plants", "flood_zones",
                                  "elevation",  "land_cover", "land_price",   "climate",
                                  "cities",     "rivers"};
        QSet<QString> seen;
        for (const auto &v : layers_) {
            const QJsonObject o = v.toObject();
            const QString role = o.value(QStringLiteral("role")).toString();
            QVERIFY2(known.contains(role), qPrintable(QStringLiteral("unknown role ") + role));
            QVERIFY(!o.value(QStringLiteral("file")).toString().isEmpty());
            QVERIFY(!o.value(QStringLiteral("layer")).toString().isEmpty());
            QVERIFY(!o.value(QStringLiteral("source")).toString().isEmpty());
            QVERIFY(o.value(QStringLiteral("synthetic")).isBool());
            seen.insert(role);
        }
        for (const auto &role : known)
            QVERIFY2(seen.contains(role), qPrintable(QStringLiteral("no layer for ") + role));
        const QString attribution = manifest_.value(QStringLiteral("attribution")).toString();
        QVERIFY(attribution.contains(QStringLiteral("US Census Bureau")));
        QVERIFY(attribution.contains(QStringLiteral("Natural Earth")));
        QVERIFY(attribution.contains(QStringLiteral("SYNTHETIC")));
        // The grid case is cited with its licence.
        QVERIFY(attribution.contains(QStringLiteral("ACTIVSg2000")));
        QVERIFY(attribution.contains(QStringLiteral("Birchfield")));
        QVERIFY(attribution.contains(QStringLiteral("CC BY 4.0")));
        QVERIFY(attribution.contains(QStringLiteral("schematic")));
        QFile attributionFile(dataDir() + QStringLiteral("ATTRIBUTION.txt"));
        QVERIFY(attributionFile.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(attributionFile.readAll()).contains(attribution));
    }

    void everyLayerOpensAndIsMarked()
    {
        for (const auto &v : layers_) {
            const QJsonObject o = v.toObject();
            const QString file = o.value(QStringLiteral("file")).toString();
            const QByteArray name = o.value(QStringLiteral("layer")).toString().toUtf8();
            const bool synthetic = o.value(QStringLiteral("synthetic")).toBool();
            const bool raster = o.value(QStringLiteral("type")).toString() == "raster";
            QCOMPARE(QString::fromUtf8(name).startsWith(QStringLiteral("synthetic_")), synthetic);
            if (o.value(QStringLiteral("type")).toString() == "grid_case")
                continue; // not a GDAL source: gridCaseIsThePublishedOne checks it
            auto ds = openData(file, raster ? GDAL_OF_RASTER : GDAL_OF_VECTOR);
            QVERIFY2(ds, qPrintable(QStringLiteral("cannot open ") + file));
            if (raster) {
                QVERIFY(file.startsWith(QString::fromUtf8(name)));
                QVERIFY(ds->GetRasterCount() >= 1);
                QVERIFY(ds->GetSpatialRef() != nullptr);
                QVERIFY(ds->GetSpatialRef()->IsGeographic() || ds->GetSpatialRef()->IsProjected());
                QCOMPARE(QString::fromUtf8(ds->GetMetadataItem("SYNTHETIC")),
                         synthetic ? QStringLiteral("YES") : QStringLiteral("NO"));
                QCOMPARE(isSyntheticText(ds->GetMetadataItem("NOTICE")), synthetic);
                for (int b = 1; b <= ds->GetRasterCount(); ++b) {
                    int hasNoData = 0;
                    ds->GetRasterBand(b)->GetNoDataValue(&hasNoData);
                    QVERIFY2(hasNoData, name.constData());
                    QVERIFY(!QString::fromUtf8(ds->GetRasterBand(b)->GetDescription()).isEmpty());
                }
                // Outside Texas (the north-east corner is in Oklahoma/Arkansas) is nodata.
                GDALRasterBand *band = ds->GetRasterBand(1);
                double corner = 0;
                QCOMPARE(band->RasterIO(GF_Read, ds->GetRasterXSize() - 1, 0, 1, 1, &corner, 1, 1,
                                        GDT_Float64, 0, 0),
                         CE_None);
                QCOMPARE(corner, band->GetNoDataValue());
            } else {
                OGRLayer *layer = ds->GetLayerByName(name.constData());
                QVERIFY2(layer != nullptr, name.constData());
                QVERIFY2(layer->GetFeatureCount() > 0, name.constData());
                QVERIFY(layer->GetSpatialRef() != nullptr);
                QVERIFY(layer->GetSpatialRef()->IsGeographic());
                QCOMPARE(isSyntheticText(layer->GetMetadataItem("DESCRIPTION")), synthetic);
                QCOMPARE(QString::fromUtf8(layer->GetMetadataItem("SYNTHETIC")),
                         synthetic ? QStringLiteral("YES") : QStringLiteral("NO"));
            }
        }
    }

    void texasHasTheRightBounds()
    {
        auto ds = openData(QStringLiteral("texas-demo.gpkg"), GDAL_OF_VECTOR);
        QVERIFY(ds);
        std::unique_ptr<OGRGeometry> texas(texasGeometry(ds.get()));
        QVERIFY(texas);
        OGREnvelope env;
        texas->getEnvelope(&env);
        QVERIFY(std::abs(env.MinX - -106.65) < 0.05);
        QVERIFY(std::abs(env.MaxX - -93.51) < 0.05);
        QVERIFY(std::abs(env.MinY - 25.84) < 0.05);
        QVERIFY(std::abs(env.MaxY - 36.50) < 0.05);
        const QJsonArray bounds = manifest_.value(QStringLiteral("region"))
                                          .toObject()
                                          .value(QStringLiteral("bounds"))
                                          .toArray();
        QCOMPARE(bounds.size(), 4);
        QVERIFY(std::abs(bounds[0].toDouble() - env.MinX) < 1e-3);
        QVERIFY(std::abs(bounds[3].toDouble() - env.MaxY) < 1e-3);
        OGRLayer *counties = ds->GetLayerByName("texas_counties");
        QVERIFY(counties != nullptr);
        QCOMPARE(counties->GetFeatureCount(), GIntBig(254)); // Texas has 254 counties
    }

    void gridCaseIsThePublishedOne()
    {
        const QJsonObject entry = layerWithRole(QStringLiteral("grid_case"));
        QCOMPARE(entry.value(QStringLiteral("file")).toString(), QString("case_ACTIVSg2000.m"));
        QVERIFY(entry.value(QStringLiteral("synthetic")).toBool());
        QVERIFY(entry.value(QStringLiteral("source")).toString().contains("CC BY 4.0"));
        QFile caseFile(dataDir() + entry.value(QStringLiteral("file")).toString());
        QVERIFY(caseFile.open(QIODevice::ReadOnly));
        const QByteArray text = caseFile.readAll();
        QVERIFY(text.contains("Synthetic Texas 2000-bus power system model"));
        QVERIFY(text.contains("Creative Commons Attribution 4.0"));
        // The bus numbers of mpc.bus, read with a regular expression on its rows.
        std::set<int> caseBuses;
        const int start = text.indexOf("mpc.bus = [");
        const int end = text.indexOf("];", start);
        QVERIFY(start >= 0 && end > start);
        for (const QByteArray &row : text.mid(start, end - start).split('\n').mid(1)) {
            const QList<QByteArray> fields = row.simplified().split(' ');
            if (!fields.front().isEmpty())
                caseBuses.insert(fields.front().toInt());
        }
        QCOMPARE(caseBuses.size(), std::size_t(2000));

        // The bus-location table, read with GDAL's CSV driver: every bus of the case once, in
        // Texas (its bounding box with a margin), and several buses per substation.
        const QString table = entry.value(QStringLiteral("locations")).toString();
        QCOMPARE(table, QString("case_ACTIVSg2000_bus_locations.csv"));
        auto ds = openData(table, GDAL_OF_VECTOR);
        QVERIFY(ds);
        OGRLayer *rows = ds->GetLayer(0);
        std::set<int> placed;
        std::map<int, QString> substations;
        for (auto &f : *rows) {
            const int bus = f->GetFieldAsInteger("bus");
            QVERIFY2(placed.insert(bus).second, qPrintable(QString::number(bus)));
            const double lon = f->GetFieldAsDouble("lon"), lat = f->GetFieldAsDouble("lat");
            QVERIFY(lon > -107.0 && lon < -93.0 && lat > 25.5 && lat < 37.0);
            substations[f->GetFieldAsInteger("substation_id")] =
                    QString::fromUtf8(f->GetFieldAsString("substation"));
        }
        QVERIFY(placed == caseBuses);
        QCOMPARE(substations.size(), std::size_t(1250)); // the Texas set of sub.csv

        // The shared copy the case was taken from: byte for byte.
        QFile shared(
                QString::fromStdString(shareddata::path("data/matpower-cases/case_ACTIVSg2000.m")));
        if (!shared.open(QIODevice::ReadOnly))
            MISSING_SHARED_DATA(shared.fileName().toStdString()
                                + " not found; the case was not compared with its source");
        QVERIFY(shared.readAll() == text);

        // Each row as the USA test system places it: bus n is its bus 3000000 + n.
        const QString tamu = QStringLiteral(ENERGIZE_SOURCE_DIR
                                            "/../shared/data/usa-tamu-synthetic-powersimdata/");
        GDALDatasetUniquePtr bus2sub(GDALDataset::Open((tamu + "bus2sub.csv").toUtf8(),
                                                       GDAL_OF_VECTOR | GDAL_OF_READONLY));
        GDALDatasetUniquePtr sub(
                GDALDataset::Open((tamu + "sub.csv").toUtf8(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        if (!bus2sub || !sub)
            MISSING_SHARED_DATA(tamu.toStdString()
                                + " not found; the bus locations were not compared with it");
        std::map<long long, long long> subOf;
        for (auto &f : *bus2sub->GetLayer(0)) {
            if (QByteArray(f->GetFieldAsString("interconnect")) == "Texas")
                subOf[f->GetFieldAsInteger64("bus_id")] = f->GetFieldAsInteger64("sub_id");
        }
        std::map<long long, std::pair<double, double>> where;
        for (auto &f : *sub->GetLayer(0)) {
            if (QByteArray(f->GetFieldAsString("interconnect")) == "Texas")
                where[f->GetFieldAsInteger64("sub_id")] = {f->GetFieldAsDouble("lon"),
                                                           f->GetFieldAsDouble("lat")};
        }
        for (auto &f : *rows) {
            const long long id = 3000000LL + f->GetFieldAsInteger("bus");
            QVERIFY(subOf.count(id));
            QCOMPARE(f->GetFieldAsInteger64("substation_id"), subOf[id]);
            QCOMPARE(f->GetFieldAsDouble("lon"), where[subOf[id]].first);
            QCOMPARE(f->GetFieldAsDouble("lat"), where[subOf[id]].second);
        }
    }

    // The generator's own substations and lines stay in the GeoPackage (they place the
    // synthetic power plants), though the demo no longer shows them.
    void linesUseTheDeclaredVoltages()
    {
        const QByteArray field("VOLTAGE");
        const std::set<int> classes{69, 138, 345};

        auto ds = openData(QStringLiteral("texas-demo.gpkg"), GDAL_OF_VECTOR);
        QVERIFY(ds);
        QSet<QString> endpoints;
        for (const char *name : {"synthetic_substations", "synthetic_power_plants"}) {
            OGRLayer *layer = ds->GetLayerByName(name);
            QVERIFY(layer != nullptr);
            for (auto &f : *layer)
                endpoints.insert(QString::fromUtf8(f->GetFieldAsString("name")));
        }
        OGRLayer *lines = ds->GetLayerByName("synthetic_transmission_lines");
        QVERIFY(lines != nullptr);
        const int index = lines->GetLayerDefn()->GetFieldIndex(field.constData());
        QVERIFY(index >= 0);
        std::set<int> used;
        for (auto &f : *lines) {
            const double kv = f->GetFieldAsDouble(index);
            QVERIFY2(classes.count(static_cast<int>(kv)) == 1 && kv == std::round(kv),
                     qPrintable(QString::number(kv)));
            used.insert(static_cast<int>(kv));
            QVERIFY(endpoints.contains(QString::fromUtf8(f->GetFieldAsString("from_sub"))));
            QVERIFY(endpoints.contains(QString::fromUtf8(f->GetFieldAsString("to_sub"))));
            const OGRGeometry *g = f->GetGeometryRef();
            QVERIFY(g != nullptr && wkbFlatten(g->getGeometryType()) == wkbLineString);
        }
        QCOMPARE(used, classes);

        OGRLayer *subs = ds->GetLayerByName("synthetic_substations");
        for (auto &f : *subs) {
            QVERIFY(classes.count(static_cast<int>(f->GetFieldAsDouble("voltage_kv"))) == 1);
            QVERIFY(f->GetFieldAsDouble("capacity_mva") > 0);
        }
        OGRLayer *plants = ds->GetLayerByName("synthetic_power_plants");
        const QSet<QString> fuels{"gas", "coal", "nuclear", "wind", "solar", "battery", "hydro"};
        for (auto &f : *plants) {
            QVERIFY(fuels.contains(QString::fromUtf8(f->GetFieldAsString("fuel"))));
            QVERIFY(f->GetFieldAsDouble("capacity_mw") > 0);
        }
        OGRLayer *flood = ds->GetLayerByName("synthetic_flood_zones");
        for (auto &f : *flood) {
            const QString zone = QString::fromUtf8(f->GetFieldAsString("zone"));
            QVERIFY(zone == QStringLiteral("A") || zone == QStringLiteral("X500"));
        }
    }

    void citiesLieInTexas()
    {
        auto ds = openData(QStringLiteral("texas-demo.gpkg"), GDAL_OF_VECTOR);
        QVERIFY(ds);
        std::unique_ptr<OGRGeometry> texas(texasGeometry(ds.get()));
        QVERIFY(texas);
        OGRLayer *cities = ds->GetLayerByName("cities");
        QVERIFY(cities != nullptr);
        QVERIFY(cities->GetFeatureCount() >= 40);
        bool houston = false;
        for (auto &f : *cities) {
            const QString name = QString::fromUtf8(f->GetFieldAsString("name"));
            QVERIFY2(f->GetGeometryRef()->Within(texas.get()), qPrintable(name));
            QVERIFY(f->GetFieldAsInteger("population") > 1000);
            houston = houston || name == QStringLiteral("Houston");
        }
        QVERIFY(houston);
    }

    void rastersHavePlausibleValues()
    {
        auto elev = openData(QStringLiteral("synthetic_elevation.tif"), GDAL_OF_RASTER);
        QVERIFY(elev);
        const auto z = validValues(elev->GetRasterBand(1));
        QVERIFY(z.size() > 100000);
        const auto [zMin, zMax] = std::minmax_element(z.begin(), z.end());
        QVERIFY(*zMin >= -10 && *zMin < 20); // the coast is at sea level
        QVERIFY(*zMax > 1500 && *zMax < 3000); // the Trans-Pecos ranges
        QVERIFY(valueAt(elev.get(), 1, -95.37, 29.76) < 100); // Houston: low
        QVERIFY(valueAt(elev.get(), 1, -101.85, 33.58) > 700); // Lubbock: high plains

        auto lc = openData(QStringLiteral("synthetic_landcover.tif"), GDAL_OF_RASTER);
        QVERIFY(lc);
        QVERIFY(lc->GetRasterBand(1)->GetColorTable() != nullptr);
        const std::set<int> nlcd{11, 21, 22, 23, 24, 31, 41, 42, 43, 52, 71, 81, 82, 90, 95};
        std::set<int> present;
        for (double v : validValues(lc->GetRasterBand(1))) {
            QVERIFY2(nlcd.count(static_cast<int>(v)) == 1, qPrintable(QString::number(v)));
            present.insert(static_cast<int>(v));
        }
        QVERIFY(present.size() >= 12);

        auto price = openData(QStringLiteral("synthetic_land_price.tif"), GDAL_OF_RASTER);
        QVERIFY(price);
        for (double v : validValues(price->GetRasterBand(1)))
            QVERIFY(v >= 100 && v <= 2e6);
        QVERIFY(valueAt(price.get(), 1, -96.80, 32.78)
                > 10 * valueAt(price.get(), 1, -103.5, 31.0));

        auto climate = openData(QStringLiteral("synthetic_climate.tif"), GDAL_OF_RASTER);
        QVERIFY(climate);
        QVERIFY(climate->GetRasterCount() >= 2);
        const auto dry = validValues(climate->GetRasterBand(1));
        const auto wet = validValues(climate->GetRasterBand(2));
        QCOMPARE(dry.size(), wet.size());
        QVERIFY(!dry.empty());
        for (size_t i = 0; i < dry.size(); ++i) {
            QVERIFY(dry[i] > 5 && dry[i] < 30);
            QVERIFY(wet[i] > 0 && wet[i] <= dry[i]);
        }
        // West Texas is dry: the gap between dry- and wet-bulb is wider at El Paso than Houston.
        const double gapWest =
                valueAt(climate.get(), 1, -106.3, 31.7) - valueAt(climate.get(), 2, -106.3, 31.7);
        const double gapCoast =
                valueAt(climate.get(), 1, -95.37, 29.76) - valueAt(climate.get(), 2, -95.37, 29.76);
        QVERIFY(gapWest > gapCoast + 2);
        if (climate->GetRasterCount() >= 14) { // monthly dry-bulb: July warmer than January
            QVERIFY(valueAt(climate.get(), 9, -97.74, 30.27)
                    > valueAt(climate.get(), 3, -97.74, 30.27) + 10);
        }
    }
};

QTEST_GUILESS_MAIN(DemoDataTest)
#include "test_demodata.moc"
