// SPDX-License-Identifier: GPL-3.0-or-later
// Loading vector files written through GDAL in each test: formats, attributes, roles and CRS.
#include "../support_vectorfiles.h"
#include "maps/geo/geodesic.h"
#include "maps/vector/vectorloader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <memory>

using namespace maps;
using maps::test::FixtureFeature;
using maps::test::writeVectorFile;

namespace {

// Projects lon/lat into `crs` with GDAL, independently of the loader.
std::pair<double, double> project(const char *crs, double lon, double lat)
{
    OGRSpatialReference from;
    from.importFromEPSG(4326);
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference to;
    to.SetFromUserInput(crs);
    to.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&from, &to));
    double x = lon;
    double y = lat;
    ct->Transform(1, &x, &y);
    return {x, y};
}

QString pointWkt(std::pair<double, double> p)
{
    return QStringLiteral("POINT (%1 %2)").arg(p.first, 0, 'f', 6).arg(p.second, 0, 'f', 6);
}

} // namespace

class TestVectorLoader : public QObject
{
    Q_OBJECT

private slots:
    void geopackageSubstationsWithVoltages()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("grid.gpkg");
        QCOMPARE(writeVectorFile(path, "GPKG", "substations", "EPSG:4326", wkbPoint,
                                 {{"POINT (-97.74 30.27)", {{"name", "Austin"}, {"kv", "345"}}},
                                  {"POINT (-96.80 32.78)", {{"name", "Dallas"}, {"kv", "138000"}}},
                                  {"POINT (-95.37 29.76)", {{"name", "Houston"}, {"kv", "n/a"}}}}),
                 QString());
        const auto layer = loadVectorLayer({path, {}});
        QVERIFY2(layer, qPrintable(layer ? QString() : maps::errorText(layer.error())));
        QCOMPARE(layer->featureCount(), std::size_t(3));
        QCOMPARE(layer->role(), LayerRole::Substations);
        QCOMPARE(layer->metadata().sourceCrs, QStringLiteral("EPSG:4326"));
        QVERIFY(!layer->metadata().crsChosenByUser);
        QCOMPARE(layer->metadata().mapping.field(FieldPurpose::Voltage), QStringLiteral("kv"));
        const FeatureStore &f = layer->features();
        QCOMPARE(f.kv[0], 345.0F);
        QCOMPARE(f.kv[1], 138.0F);
        QVERIFY(std::isnan(f.kv[2]));
        QCOMPARE(layer->label(1), QStringLiteral("Dallas"));
        QCOMPARE(f.vertices[0].lon, -97.74);
        QCOMPARE(f.vertices[0].lat, 30.27);
    }

    // A Shapefile in UTM zone 14N is reprojected to lon/lat: the stored vertices must match the
    // original lon/lat to well under a millimetre (a CRS round trip through PROJ).
    void projectedShapefileRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("lines_utm.shp");
        const QList<std::pair<double, double>> lonlat{{-99.5, 31.0}, {-98.9, 31.4}, {-98.2, 32.1}};
        QStringList xy;
        for (const auto &p : lonlat) {
            const auto e = project("EPSG:32614", p.first, p.second);
            xy << QStringLiteral("%1 %2").arg(e.first, 0, 'f', 4).arg(e.second, 0, 'f', 4);
        }
        const QString wkt = QStringLiteral("LINESTRING (%1)").arg(xy.join(", "));
        QCOMPARE(writeVectorFile(path, "ESRI Shapefile", "lines_utm", "EPSG:32614", wkbLineString,
                                 {{wkt, {{"VOLTAGE", 345.0}, {"OWNER", "x"}}}}),
                 QString());
        const auto layer = loadVectorLayer({path, {}});
        QVERIFY2(layer, qPrintable(layer ? QString() : maps::errorText(layer.error())));
        QCOMPARE(layer->metadata().sourceCrs, QStringLiteral("EPSG:32614"));
        QCOMPARE(layer->role(), LayerRole::TransmissionLines);
        QCOMPARE(layer->features().kv[0], 345.0F);
        QCOMPARE(layer->features().vertices.size(), std::size_t(3));
        for (int i = 0; i < 3; ++i) {
            const LonLat v = layer->features().vertices[std::size_t(i)];
            const double err = geodesicDistance(v.lon, v.lat, lonlat[i].first, lonlat[i].second);
            QVERIFY2(err < 1e-3, qPrintable(QString::number(err)));
        }
    }

    // GeoJSON in EPSG:3857 (GDAL writes the legacy "crs" member) and in EPSG:4326.
    void geojsonInBothCrs()
    {
        QTemporaryDir dir;
        const QString merc = dir.filePath("plants_3857.geojson");
        const auto p = project("EPSG:3857", 8.55, 47.37);
        QCOMPARE(writeVectorFile(merc, "GeoJSON", "plants", "EPSG:3857", wkbPoint,
                                 {{pointWkt(p), {{"capacity", "1.2 GW"}}}}),
                 QString());
        const auto a = loadVectorLayer({merc, {}});
        QVERIFY2(a, qPrintable(a ? QString() : maps::errorText(a.error())));
        QCOMPARE(a->metadata().sourceCrs, QStringLiteral("EPSG:3857"));
        QCOMPARE(a->role(), LayerRole::PowerPlants);
        QCOMPARE(a->features().mw[0], 1200.0F);
        const LonLat v = a->features().vertices[0];
        QVERIFY(geodesicDistance(v.lon, v.lat, 8.55, 47.37) < 1e-3);

        const QString geo = dir.filePath("plants.geojson");
        QCOMPARE(writeVectorFile(geo, "GeoJSON", "plants", "EPSG:4326", wkbPoint,
                                 {{"POINT (8.55 47.37)", {{"capacity", 300.0}}}}),
                 QString());
        const auto b = loadVectorLayer({geo, {}});
        QVERIFY(b);
        QCOMPARE(b->features().mw[0], 300.0F);
        QCOMPARE(b->features().vertices[0].lon, 8.55);
    }

    void kmlAndFlatGeobuf()
    {
        QTemporaryDir dir;
        const QList<FixtureFeature> lines{
                {"LINESTRING (10 50, 10.5 50.2, 11 50.1)", {{"voltage", "380000;220000"}}}};
        for (const auto &[file, driver] :
             {std::pair{"power_lines.kml", "KML"}, std::pair{"power_lines.fgb", "FlatGeobuf"}}) {
            const QString path = dir.filePath(file);
            QCOMPARE(
                    writeVectorFile(path, driver, "power_lines", "EPSG:4326", wkbLineString, lines),
                    QString());
            const auto layer = loadVectorLayer({path, {}});
            QVERIFY2(layer, qPrintable(layer ? QString() : maps::errorText(layer.error())));
            QCOMPARE(layer->role(), LayerRole::TransmissionLines);
            QCOMPARE(layer->features().vertices.size(), std::size_t(3));
            QCOMPARE(layer->features().vertices[1].lon, 10.5);
            if (QString(driver) == "FlatGeobuf") {
                QCOMPARE(layer->features().kv[0], 380.0F);
            }
        }
    }

    // CSV has no CRS: the loader asks (MissingCrs) and never assumes lon/lat by itself.
    void csvNeedsAChosenCrs_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("lon/lat columns")
                << QByteArray("sub_id,name,lat,lon,kv\n0,AUBURN 1,43.9761,-70.2211,115\n"
                              "1,AUBURN 2,44.101,-70.3053,345\n");
        QTest::newRow("WKT column")
                << QByteArray("sub_id,name,kv,WKT\n0,AUBURN 1,115,\"POINT (-70.2211 43.9761)\"\n"
                              "1,AUBURN 2,345,\"POINT (-70.3053 44.101)\"\n");
    }
    void csvNeedsAChosenCrs()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath("sub.csv");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const auto refused = loadVectorLayer({path, {}});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::MissingCrs);
        QVERIFY2(maps::errorText(refused.error()).contains("sub.csv"),
                 qPrintable(maps::errorText(refused.error())));
        QVERIFY(maps::errorText(refused.error()).contains("choose"));

        LoadOptions options;
        options.assumedCrs = "EPSG:4326";
        const auto layer = loadVectorLayer({path, {}}, options);
        QVERIFY2(layer, qPrintable(layer ? QString() : maps::errorText(layer.error())));
        QVERIFY(layer->metadata().crsChosenByUser);
        QCOMPARE(layer->featureCount(), std::size_t(2));
        QCOMPARE(layer->role(), LayerRole::Substations);
        QCOMPARE(layer->features().vertices[1].lon, -70.3053);
        QCOMPARE(layer->features().vertices[1].lat, 44.101);
        QCOMPARE(layer->features().kv[1], 345.0F);

        options.assumedCrs = "EPSG:999999";
        const auto bad = loadVectorLayer({path, {}}, options);
        QVERIFY(!bad);
        QVERIFY(maps::errorText(bad.error()).contains("EPSG:999999"));
    }

    void multipleLayersNeedAChoice()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("grid.gpkg");
        QCOMPARE(writeVectorFile(path, "GPKG", "buses", "EPSG:4326", wkbPoint,
                                 {{"POINT (1 2)", {{"voltage", 220.0}}}}),
                 QString());
        {
            GDALDatasetUniquePtr ds(
                    GDALDataset::Open(path.toUtf8(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
            OGRSpatialReference srs;
            srs.importFromEPSG(4326);
            ds->CreateLayer("lines", &srs, wkbLineString);
        }
        const auto noChoice = loadVectorLayer({path, {}});
        QVERIFY(!noChoice);
        QVERIFY(maps::errorText(noChoice.error()).contains("buses"));
        QVERIFY(maps::errorText(noChoice.error()).contains("lines"));
        const auto names = listVectorLayers(path);
        QVERIFY(names);
        QCOMPARE(*names, (QStringList{"buses", "lines"}));
        const auto buses = loadVectorLayer({path, "buses"});
        QVERIFY(buses);
        QCOMPARE(buses->featureCount(), std::size_t(1));
        const auto missing = loadVectorLayer({path, "towers"});
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        // An empty layer loads, with a warning instead of features.
        const auto lines = loadVectorLayer({path, "lines"});
        QVERIFY(lines);
        QCOMPARE(lines->featureCount(), std::size_t(0));
        QVERIFY(!lines->metadata().warnings.isEmpty());
        QVERIFY(!lines->nearest({1, 2}).has_value());
    }

    void userRoleOverridesTheGuess()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("buses.geojson");
        QCOMPARE(writeVectorFile(path, "GeoJSON", "buses", "EPSG:4326", wkbPoint,
                                 {{"POINT (1 2)", {}}}),
                 QString());
        LoadOptions options;
        options.role = LayerRole::PowerPlants;
        auto layer = loadVectorLayer({path, {}}, options);
        QVERIFY(layer);
        QCOMPARE(layer->metadata().guess.role, LayerRole::Substations);
        QCOMPARE(layer->role(), LayerRole::PowerPlants);
        VectorLayer copy = *layer;
        copy.setRole(LayerRole::Boundaries);
        QCOMPARE(layer->role(), LayerRole::PowerPlants);
        QCOMPARE(&copy.features(), &layer->features()); // shared, not copied
    }

    void progressAndCancel()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("many.gpkg");
        QList<FixtureFeature> many;
        for (int i = 0; i < 5000; ++i) {
            many.append({QStringLiteral("POINT (%1 %2)").arg(i % 100 * 0.01).arg(i / 100 * 0.01),
                         {{"kv", 115.0}}});
        }
        QCOMPARE(writeVectorFile(path, "GPKG", "substations", "EPSG:4326", wkbPoint, many),
                 QString());
        std::vector<double> seen;
        const auto layer = loadVectorLayer({path, {}}, {}, [&](double f) { seen.push_back(f); });
        QVERIFY(layer);
        QCOMPARE(layer->featureCount(), std::size_t(5000));
        QVERIFY(seen.size() >= 3);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.back(), 1.0);

        std::atomic<bool> cancel{true};
        const auto cancelled = loadVectorLayer({path, {}}, {}, {}, &cancel);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestVectorLoader)
#include "test_vectorloader.moc"
