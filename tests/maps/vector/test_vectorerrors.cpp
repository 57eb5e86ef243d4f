// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input gives an error a user can act on (or is handled), never a crash or a hang; remote
// sources stay closed unless network access was allowed.
#include "../support_vectorfiles.h"
#include "maps/io/gdalenvironment.h"
#include "maps/io/sourcepolicy.h"
#include "maps/vector/vectorloader.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cpl_conv.h>
#include <ogr_core.h>

using namespace maps;
using maps::test::writeVectorFile;

namespace {

void writeText(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

QString writeRoads(const QTemporaryDir &dir, const QString &crs)
{
    const QString path = dir.filePath("roads.shp");
    const QString err =
            writeVectorFile(path, "ESRI Shapefile", "roads", crs, wkbLineString,
                            {{"LINESTRING (500000 3500000, 501000 3501000)", {{"kv", 138.0}}}});
    return err.isEmpty() ? path : QString();
}

} // namespace

class TestVectorErrors : public QObject
{
    Q_OBJECT

private slots:
    void geopackageThatIsNotSqlite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("sites.gpkg");
        writeText(path, "this is a text file, not a database\n");
        const auto r = loadVectorLayer({path, {}});
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::NotReadable);
        QVERIFY2(maps::errorText(r.error()).startsWith("sites.gpkg: not a GeoPackage"),
                 qPrintable(maps::errorText(r.error())));
    }

    void geopackageWithACorruptBody()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("broken.gpkg");
        QByteArray bytes("SQLite format 3", 16);
        bytes.append(QByteArray(4096, '\x5a'));
        writeText(path, bytes);
        const auto r = loadVectorLayer({path, {}});
        QVERIFY(!r);
        QVERIFY(maps::errorText(r.error()).startsWith("broken.gpkg: GDAL cannot read it"));
    }

    void shapefileWithoutPrjAsksForTheCrs()
    {
        QTemporaryDir dir;
        const QString path = writeRoads(dir, {});
        QVERIFY(!path.isEmpty());
        QVERIFY(!QFile::exists(dir.filePath("roads.prj")));
        const auto r = loadVectorLayer({path, {}});
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::MissingCrs);
        QCOMPARE(maps::errorText(r.error()),
                 QStringLiteral("roads.shp: no .prj file — choose the layer's coordinate system"));
        LoadOptions options;
        options.assumedCrs = "EPSG:32614"; // UTM 14N: x 500000 is the zone's central meridian
        const auto chosen = loadVectorLayer({path, {}}, options);
        QVERIFY(chosen);
        QVERIFY(chosen->metadata().crsChosenByUser);
        QVERIFY(std::abs(chosen->features().vertices[0].lon - -99.0) < 1e-9);
    }

    void shapefileWithoutSidecars_data()
    {
        QTest::addColumn<QString>("removed");
        QTest::newRow("no .dbf") << "roads.dbf";
        QTest::newRow("no .shx") << "roads.shx";
    }
    void shapefileWithoutSidecars()
    {
        QFETCH(QString, removed);
        QTemporaryDir dir;
        const QString path = writeRoads(dir, "EPSG:32614");
        QVERIFY(QFile::remove(dir.filePath(removed)));
        const auto r = loadVectorLayer({path, {}});
        QVERIFY(!r);
        QVERIFY2(maps::errorText(r.error()).contains("no " + removed.mid(5)),
                 qPrintable(maps::errorText(r.error())));
        QVERIFY(maps::errorText(r.error()).contains("copy " + removed));
    }

    void truncatedShapefile()
    {
        QTemporaryDir dir;
        const QString path = writeRoads(dir, "EPSG:32614");
        QFile shp(path);
        QVERIFY(shp.open(QIODevice::ReadWrite));
        QVERIFY(shp.resize(60)); // header cut in the middle
        shp.close();
        const auto r = loadVectorLayer({path, {}});
        if (r) {
            QCOMPARE(r->featureCount(), std::size_t(0)); // GDAL may report an empty layer
        } else {
            QVERIFY(maps::errorText(r.error()).startsWith("roads.shp"));
        }
    }

    void missingFile()
    {
        const auto r = loadVectorLayer({"/nonexistent/folder/lines.gpkg", {}});
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::NotFound);
        QVERIFY(maps::errorText(r.error()).contains("file not found"));
        QCOMPARE(loadVectorLayer({"", {}}).error().code, ErrorCode::NotFound);
    }

    // Null, empty, out-of-range and wrong-dimension geometries are skipped and reported; a
    // self-intersecting polygon is kept (containment uses the even-odd rule).
    void invalidGeometries()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("flood.geojson");
        writeText(path, R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"FLD_ZONE": "AE"}, "geometry": null},
 {"type": "Feature", "properties": {"FLD_ZONE": "AE"},
  "geometry": {"type": "Polygon", "coordinates": [[[0,0],[2,2],[2,0],[0,2],[0,0]]]}},
 {"type": "Feature", "properties": {"FLD_ZONE": "X"},
  "geometry": {"type": "Polygon", "coordinates": [[[5,5],[6,5],[6,6],[5,6],[5,5]]]}},
 {"type": "Feature", "properties": {"FLD_ZONE": "AE"},
  "geometry": {"type": "Polygon", "coordinates": [[[5,95],[6,95],[6,96],[5,95]]]}},
 {"type": "Feature", "properties": {"FLD_ZONE": "AE"},
  "geometry": {"type": "LineString", "coordinates": [[0,0],[1,1]]}},
 {"type": "Feature", "properties": {"FLD_ZONE": "AE"},
  "geometry": {"type": "MultiPolygon", "coordinates": []}}
]})");
        const auto r = loadVectorLayer({path, {}});
        QVERIFY2(r, qPrintable(r ? QString() : maps::errorText(r.error())));
        QCOMPARE(r->role(), LayerRole::FloodZones);
        QCOMPARE(r->featureCount(), std::size_t(2));
        const QString warnings = r->metadata().warnings.join('\n');
        QVERIFY2(warnings.contains("2 features without geometry"), qPrintable(warnings));
        QVERIFY(warnings.contains("1 features of another geometry type"));
        QVERIFY(warnings.contains("outside the globe"));
        // The bow-tie: its two lobes contain points, the gap between them does not.
        QCOMPARE(r->containing({0.4, 1.0}), std::vector<int>{0});
        QCOMPARE(r->containing({1.6, 1.0}), std::vector<int>{0});
        QCOMPARE(r->containing({1.0, 0.4}), std::vector<int>{});
        QCOMPARE(r->features().flags[0] & FeatureStore::kHazard, FeatureStore::kHazard);
        QCOMPARE(r->features().flags[1] & FeatureStore::kHazard, 0); // zone X
    }

    // Valid files cut short at many lengths, and the same lengths of seeded noise: each load
    // returns a layer or an error, never crashes or hangs.
    void truncatedAndNoiseFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("driver");
        QTest::newRow("GeoPackage") << "cut.gpkg"
                                    << "GPKG";
        QTest::newRow("GeoJSON") << "cut.geojson"
                                 << "GeoJSON";
        QTest::newRow("FlatGeobuf") << "cut.fgb"
                                    << "FlatGeobuf";
        QTest::newRow("KML") << "cut.kml"
                             << "KML";
    }
    void truncatedAndNoiseFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, driver);
        QTemporaryDir dir;
        const QString source = dir.filePath("source_" + file);
        QList<test::FixtureFeature> features;
        for (int i = 0; i < 50; ++i) {
            features.append(
                    {QStringLiteral("LINESTRING (%1 45, %2 46)").arg(i * 0.1).arg(i * 0.1 + 0.05),
                     {{"voltage", 220.0 + i}}});
        }
        QCOMPARE(writeVectorFile(source, driver.toLatin1().constData(), "lines", "EPSG:4326",
                                 wkbLineString, features),
                 QString());
        QFile in(source);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray whole = in.readAll();
        QVERIFY(whole.size() > 100);
        QRandomGenerator rng(17);
        int loaded = 0;
        int refused = 0;
        for (int k = 1; k <= 24; ++k) {
            const qsizetype cut = whole.size() * k / 25;
            const QString path = dir.filePath(QString::number(k) + file);
            writeText(path, whole.left(cut));
            const auto r = loadVectorLayer({path, {}});
            (r ? loaded : refused) += 1;
            if (!r) {
                QVERIFY(!maps::errorText(r.error()).isEmpty());
            }
            QByteArray noise(cut, Qt::Uninitialized);
            for (char &c : noise) {
                c = char(rng.bounded(256));
            }
            const QString noisy = dir.filePath("noise" + QString::number(k) + file);
            writeText(noisy, noise);
            const auto n = loadVectorLayer({noisy, {}});
            if (n) {
                QVERIFY(n->featureCount() <= std::size_t(50));
            }
        }
        QCOMPARE(loaded + refused, 24);
    }

    void csvWithoutCoordinates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("zone.csv");
        writeText(path, "zone_id,zone_name\n1,Maine\n");
        const auto r = loadVectorLayer({path, {}});
        QVERIFY(!r);
        QVERIFY2(maps::errorText(r.error()).contains("no geometry"),
                 qPrintable(maps::errorText(r.error())));
    }

    void remoteSourcesAreRefused_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("vsicurl") << "/vsicurl/https://example.com/grid.gpkg";
        QTest::newRow("vsis3") << "/vsis3/bucket/lines.fgb";
        QTest::newRow("nested") << "/vsizip//vsicurl/http://example.com/a.zip/lines.shp";
        QTest::newRow("https") << "https://example.com/lines.geojson";
        QTest::newRow("PostGIS") << "PG:host=db.example.com dbname=grid";
        QTest::newRow("PostGIS lowercase") << "pg:dbname=grid";
        QTest::newRow("WFS") << "WFS:https://example.com/wfs";
    }
    void remoteSourcesAreRefused()
    {
        QFETCH(QString, source);
        QVERIFY(isRemoteSource(source));
        const auto r = loadVectorLayer({source, {}});
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::NetworkRefused);
        QVERIFY(maps::errorText(r.error()).contains("allow network access"));
        QCOMPARE(listVectorLayers(source).error().code, ErrorCode::NetworkRefused);
    }

    void localSourcesAreNotRemote()
    {
        QVERIFY(!isRemoteSource("/home/me/grid.gpkg"));
        QVERIFY(!isRemoteSource("C:/data/pg_lines.shp"));
        QVERIFY(!isRemoteSource("/vsizip//tmp/lines.zip/lines.shp"));
        QVERIFY(!isRemoteSource("/vsimem/lines.geojson"));
        QVERIFY(!checkSourceAllowed("/vsicurl/https://example.com/a.tif", true).has_value());
    }

    // With allowNetwork the policy lets PG: through: GDAL then fails on the closed port.
    void allowedNetworkReachesGdal()
    {
        LoadOptions options;
        options.allowNetwork = true;
        const auto r = loadVectorLayer(
                {"PG:host=127.0.0.1 port=1 dbname=none connect_timeout=1", {}}, options);
        QVERIFY(!r);
        QVERIFY(r.error().code != ErrorCode::NetworkRefused);
    }

    // Defence in depth: GDAL itself refuses /vsicurl/ (also inside local files such as a .vrt)
    // and PROJ does not download grids until the user opts in.
    void gdalNetworkIsOffByDefault()
    {
        ensureGdal();
        QCOMPARE(QByteArray(CPLGetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", "")),
                 QByteArray(".energize-network-off"));
        QTemporaryDir dir;
        const QString vrt = dir.filePath("remote.vrt");
        writeText(vrt,
                  "<OGRVRTDataSource><OGRVRTLayer name=\"x\"><SrcDataSource>"
                  "/vsicurl/http://127.0.0.1:1/lines.geojson</SrcDataSource>"
                  "</OGRVRTLayer></OGRVRTDataSource>");
        const auto r = loadVectorLayer({vrt, {}});
        QVERIFY(!r);
        setGdalNetworkAllowed(true);
        QCOMPARE(QByteArray(CPLGetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", "")),
                 QByteArray());
        setGdalNetworkAllowed(false);
    }
};

QTEST_GUILESS_MAIN(TestVectorErrors)
#include "test_vectorerrors.moc"
