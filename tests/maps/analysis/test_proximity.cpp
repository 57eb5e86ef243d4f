// SPDX-License-Identifier: GPL-3.0-or-later
// Proximity: the distance transform against brute force over all targets (square, oblong and
// geographic pixels), vectors written here through OGR, gdal_proximity.py on the same mask
// (within one pixel), the real FEMA flood zones, the GeoTIFF written band by band against the
// in-memory result, and the error messages.

#include "../rasterfixtures.h"
#include "maps/analysis/proximity.h"
#include "tests/support/shareddata.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <ogrsf_frmts.h>

#include <cmath>

using namespace maps;
using namespace rasterfixtures;

namespace {

// Distance from every pixel to the nearest target by trying every target.
// Only every stride-th pixel is computed (the others stay infinite) to keep the test fast.
std::vector<double> bruteForce(const std::vector<std::uint8_t> &mask, int w, int h,
                               const std::function<double(int)> &dxOfRow, double dy, int stride = 1)
{
    std::vector<std::pair<int, int>> targets;
    for (int r = 0; r < h; ++r) {
        for (int c = 0; c < w; ++c) {
            if (mask[std::size_t(r) * w + c]) {
                targets.emplace_back(c, r);
            }
        }
    }
    std::vector<double> out(mask.size(), std::numeric_limits<double>::infinity());
    for (int r = 0; r < h; ++r) {
        const double dx = dxOfRow(r);
        for (int c = 0; c < w; ++c) {
            if ((std::size_t(r) * w + c) % stride != 0) {
                continue;
            }
            double best = std::numeric_limits<double>::infinity();
            for (const auto &[tc, tr] : targets) {
                best = std::min(best, std::hypot((c - tc) * dx, (r - tr) * dy));
            }
            out[std::size_t(r) * w + c] = best;
        }
    }
    return out;
}

RasterGrid utmGrid(int w, int h, double px, double py)
{
    RasterGrid g;
    g.crsWkt = epsgWkt(32614);
    g.originX = 500000;
    g.originY = 4000000;
    g.pixelWidth = px;
    g.pixelHeight = -py;
    g.width = w;
    g.height = h;
    return g;
}

// A GeoPackage in UTM 14N with two points and a line, written through OGR.
bool writeVectors(const QString &path)
{
    maps::ensureGdal();
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDataset *ds = driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!ds) {
        return false;
    }
    OGRSpatialReference srs;
    srs.importFromEPSG(32614);
    OGRLayer *layer = ds->CreateLayer("grid", &srs, wkbUnknown, nullptr);
    OGRFieldDefn kv("kv", OFTInteger);
    layer->CreateField(&kv);
    const char *wkts[] = {"POINT (501000 3998000)", "POINT (507500 3995100)",
                          "LINESTRING (500200 3996000, 503000 3994200, 504100 3994200)"};
    const int voltages[] = {345, 138, 345};
    for (int i = 0; i < 3; ++i) {
        OGRFeature f(layer->GetLayerDefn());
        OGRGeometry *g = nullptr;
        OGRGeometryFactory::createFromWkt(wkts[i], &srs, &g);
        f.SetGeometryDirectly(g);
        f.SetField("kv", voltages[i]);
        if (layer->CreateFeature(&f) != OGRERR_NONE) {
            GDALClose(ds);
            return false;
        }
    }
    GDALClose(ds);
    return true;
}

} // namespace

class TestProximity : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void exactAgainstBruteForce_data()
    {
        QTest::addColumn<double>("px");
        QTest::addColumn<double>("py");
        QTest::addColumn<int>("targetsPer100k");
        QTest::addColumn<int>("h");
        QTest::addRow("square sparse") << 30.0 << 30.0 << 1000 << 61;
        QTest::addRow("square dense") << 30.0 << 30.0 << 20000 << 61;
        QTest::addRow("oblong") << 10.0 << 45.0 << 2000 << 61;
        QTest::addRow("oblong other way") << 90.0 << 7.5 << 2000 << 61;
        // Taller than several of the transform's 64-row bands, with a handful of targets, so
        // that the nearest target is often bands away: the bands learn of each other's targets.
        QTest::addRow("tall, one target") << 30.0 << 30.0 << 0 << 333;
        QTest::addRow("tall, a few targets") << 30.0 << 30.0 << 20 << 333;
        QTest::addRow("tall, oblong, sparse") << 20.0 << 35.0 << 200 << 200;
    }
    void exactAgainstBruteForce()
    {
        QFETCH(double, px);
        QFETCH(double, py);
        QFETCH(int, targetsPer100k);
        QFETCH(int, h);
        const int w = 97;
        QRandomGenerator rng(quint32(px * 10 + py + targetsPer100k + h));
        std::vector<std::uint8_t> mask(std::size_t(w) * h);
        for (auto &m : mask) {
            m = rng.bounded(100000) < targetsPer100k ? 1 : 0;
        }
        mask[5] = 1; // at least one, in the top band
        const RasterGrid grid = utmGrid(w, h, px, py);
        RasterJobControl control;
        control.threads = 3;
        auto result = Proximity::fromMask(mask, grid, {}, control);
        QVERIFY(result.ok());
        const auto expected = bruteForce(
                mask, w, h, [&](int) { return px; }, py);
        for (std::size_t i = 0; i < mask.size(); ++i) {
            QVERIFY2(std::abs(result->values[i] - expected[i]) <= 1e-5 * (1 + expected[i]),
                     qPrintable(QStringLiteral("%1: %2 vs %3")
                                        .arg(i)
                                        .arg(result->values[i])
                                        .arg(expected[i])));
        }
    }

    void emptyFullAndLimitedMasks()
    {
        const RasterGrid grid = utmGrid(40, 30, 30, 30);
        std::vector<std::uint8_t> none(std::size_t(grid.pixelCount()), 0);
        auto empty = Proximity::fromMask(none, grid);
        QVERIFY(empty.ok());
        QVERIFY(std::all_of(empty->values.begin(), empty->values.end(),
                            [](float v) { return std::isnan(v); }));
        std::vector<std::uint8_t> all(std::size_t(grid.pixelCount()), 1);
        auto full = Proximity::fromMask(all, grid);
        QVERIFY(full.ok());
        QVERIFY(std::all_of(full->values.begin(), full->values.end(),
                            [](float v) { return v == 0.0f; }));
        std::vector<std::uint8_t> one(std::size_t(grid.pixelCount()), 0);
        one[0] = 1;
        ProximityOptions options;
        options.maxDistance = 300.0;
        auto limited = Proximity::fromMask(one, grid, options);
        QVERIFY(limited.ok());
        for (int r = 0; r < grid.height; ++r) {
            for (int c = 0; c < grid.width; ++c) {
                const double d = std::hypot(c * 30.0, r * 30.0);
                const float v = limited->at(c, r);
                if (d <= 300.0) {
                    QVERIFY(std::abs(v - d) < 1e-3);
                } else {
                    QVERIFY(std::isnan(v));
                }
            }
        }
    }

    void geographicGridMeasuresMetres()
    {
        // 0.01° pixels around 47° N: east-west pixels are ~68 % as long as north-south ones.
        RasterGrid grid;
        grid.crsWkt = epsgWkt(4326);
        grid.originX = 8.0;
        grid.originY = 47.3;
        grid.pixelWidth = 0.01;
        grid.pixelHeight = -0.01;
        grid.width = 60;
        grid.height = 60;
        std::vector<std::uint8_t> mask(std::size_t(grid.pixelCount()), 0);
        mask[std::size_t(30) * 60 + 30] = 1;
        auto result = Proximity::fromMask(mask, grid);
        QVERIFY(result.ok());
        QCOMPARE(Proximity::distanceUnit(grid), QStringLiteral("m"));
        // True distances from PROJ: an azimuthal equidistant projection centred on the target
        // keeps distances from its centre exact.
        const QPointF t = grid.pixelCentre(30, 30);
        OGRSpatialReference wgs;
        wgs.importFromEPSG(4326);
        wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRSpatialReference aeqd;
        aeqd.SetAE(t.y(), t.x(), 0, 0);
        aeqd.SetWellKnownGeogCS("WGS84");
        OGRCoordinateTransformation *ct = OGRCreateCoordinateTransformation(&wgs, &aeqd);
        QVERIFY(ct);
        for (int r = 0; r < 60; r += 7) {
            for (int c = 0; c < 60; c += 5) {
                const QPointF p = grid.pixelCentre(c, r);
                double x = p.x();
                double y = p.y();
                QVERIFY(ct->Transform(1, &x, &y));
                const double truth = std::hypot(x, y);
                const float got = result->at(c, r);
                QVERIFY2(std::abs(got - truth) <= 0.005 * truth + 1e-6,
                         qPrintable(QStringLiteral("%1 vs %2").arg(got).arg(truth)));
            }
        }
        OGRCoordinateTransformation::DestroyCT(ct);
    }

    void fromVectorMatchesBruteForceOnItsMask()
    {
        const QString gpkg = m_dir.filePath("grid.gpkg");
        QVERIFY(writeVectors(gpkg));
        const RasterGrid grid = utmGrid(300, 200, 30, 30);
        ProximityOptions options;
        options.where = QStringLiteral("kv >= 345");
        auto mask = Proximity::rasterise(gpkg, grid, options);
        QVERIFY2(mask.ok(), qPrintable(mask ? QString() : maps::errorText(mask.error())));
        // The 138 kV point at (507500, 3995100) is filtered out: its pixel is not a target.
        const QPointF filtered = grid.mapToPixel(507500, 3995100);
        QCOMPARE(int((*mask)[std::size_t(filtered.y()) * 300 + std::size_t(filtered.x())]), 0);
        const QPointF kept = grid.mapToPixel(501000, 3998000);
        QCOMPARE(int((*mask)[std::size_t(kept.y()) * 300 + std::size_t(kept.x())]), 1);
        auto result = Proximity::fromVector(gpkg, grid, options);
        QVERIFY(result.ok());
        const auto expected = bruteForce(
                *mask, 300, 200, [](int) { return 30.0; }, 30.0, 7);
        for (std::size_t i = 0; i < expected.size(); i += 7) {
            QVERIFY(std::abs(result->values[i] - expected[i]) <= 1e-3);
        }
    }

    void agreesWithGdalProximityWithinAPixel()
    {
        const QString tool = QStringLiteral("/usr/bin/gdal_proximity.py");
        if (!QFile::exists(tool)) {
            QSKIP("gdal_proximity.py (python3-gdal) is not installed");
        }
        const QString gpkg = m_dir.filePath("grid2.gpkg");
        QVERIFY(writeVectors(gpkg));
        const RasterGrid grid = utmGrid(300, 200, 30, 30);
        auto mask = Proximity::rasterise(gpkg, grid);
        QVERIFY(mask.ok());
        TiffSpec spec;
        spec.width = 300;
        spec.height = 200;
        spec.type = GDT_Byte;
        const QString maskFile = m_dir.filePath("mask.tif");
        QVERIFY(writeTiff(maskFile, spec,
                          [&](int c, int r) { return double((*mask)[std::size_t(r) * 300 + c]); }));
        const QString theirs = m_dir.filePath("theirs.tif");
        QProcess gdal;
        gdal.start(QStringLiteral("/usr/bin/python3"),
                   {tool, maskFile, theirs, "-distunits", "GEO", "-ot", "Float32", "-q"});
        QVERIFY(gdal.waitForFinished(60000));
        QCOMPARE(gdal.exitCode(), 0);
        auto ours = Proximity::fromVector(gpkg, grid);
        QVERIFY(ours.ok());
        double worst = 0;
        for (int r = 0; r < 200; ++r) {
            for (int c = 0; c < 300; c += 3) {
                const double d = std::abs(ours->at(c, r) - readPixel(theirs, c, r));
                worst = std::max(worst, d);
            }
        }
        QVERIFY2(worst <= 30.0, qPrintable(QString::number(worst)));
    }

    void realFloodZonesOnAUtmGrid()
    {
        const QString file = sharedData("fema-nfhl-cambridge-ma/FEMA_FloodPlains100Year.geojson");
        if (!QFile::exists(file)) {
            MISSING_SHARED_DATA(file.toStdString() + " not found");
        }
        // FEMA NFHL (public domain) for Cambridge, MA, in lon/lat; the grid is UTM 19N, 25 m.
        RasterGrid grid;
        grid.crsWkt = epsgWkt(32619);
        grid.originX = 321000;
        grid.originY = 4698000;
        grid.pixelWidth = 25;
        grid.pixelHeight = -25;
        grid.width = 360;
        grid.height = 260;
        auto mask = Proximity::rasterise(file, grid);
        QVERIFY2(mask.ok(), qPrintable(mask ? QString() : maps::errorText(mask.error())));
        const auto burnt = std::count(mask->begin(), mask->end(), 1);
        QVERIFY(burnt > 100 && burnt < grid.pixelCount());
        auto result = Proximity::fromMask(*mask, grid);
        QVERIFY(result.ok());
        const auto expected = bruteForce(
                *mask, grid.width, grid.height, [](int) { return 25.0; }, 25.0, 37);
        for (std::size_t i = 0; i < expected.size(); i += 37) {
            QVERIFY(std::abs(result->values[i] - expected[i]) <= 1e-2);
        }
    }

    void geoTiffMatchesFromVector_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<double>("maxDistance");
        QTest::addRow("one thread") << 1 << 0.0;
        QTest::addRow("three threads, limited") << 3 << 2000.0;
    }
    void geoTiffMatchesFromVector()
    {
        QFETCH(int, threads);
        QFETCH(double, maxDistance);
        const QString gpkg = m_dir.filePath(QStringLiteral("grid-tiff-%1.gpkg").arg(threads));
        QVERIFY(writeVectors(gpkg));
        // 300 × 600: three bands of file tiles, the last one short, and a partial tile column.
        const RasterGrid grid = utmGrid(300, 600, 30, 30);
        ProximityOptions options;
        if (maxDistance > 0) {
            options.maxDistance = maxDistance;
        }
        RasterJobControl control;
        control.threads = threads;
        const QString path = m_dir.filePath(QStringLiteral("distances-%1.tif").arg(threads));
        auto written = Proximity::writeGeoTiff(gpkg, grid, path, options, control);
        QVERIFY2(written.ok(), qPrintable(written ? QString() : maps::errorText(written.error())));
        auto expected = Proximity::fromVector(gpkg, grid, options, control);
        QVERIFY(expected.ok());
        GDALDataset *ds = GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER);
        QVERIFY(ds);
        QCOMPARE(ds->GetRasterXSize(), 300);
        QCOMPARE(ds->GetRasterYSize(), 600);
        int hasNoData = 0;
        QVERIFY(std::isnan(ds->GetRasterBand(1)->GetNoDataValue(&hasNoData)));
        QVERIFY(hasNoData);
        std::vector<float> values(std::size_t(grid.pixelCount()));
        const CPLErr err = ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, 300, 600, values.data(),
                                                          300, 600, GDT_Float32, 0, 0, nullptr);
        GDALClose(ds);
        QCOMPARE(err, CE_None);
        std::size_t nan = 0;
        for (std::size_t i = 0; i < values.size(); ++i) {
            const float want = expected->values[i];
            nan += std::isnan(want);
            QVERIFY2(std::isnan(want) ? std::isnan(values[i]) : values[i] == want,
                     qPrintable(QStringLiteral("%1: %2 vs %3").arg(i).arg(values[i]).arg(want)));
        }
        QCOMPARE(nan > 0, maxDistance > 0);
    }

    void geoTiffErrors()
    {
        const QString gpkg = m_dir.filePath("grid-tiff-errors.gpkg");
        QVERIFY(writeVectors(gpkg));
        RasterGrid far = utmGrid(50, 50, 30, 30);
        far.originX = 900000; // no feature inside
        auto nothing = Proximity::writeGeoTiff(gpkg, far, m_dir.filePath("nothing.tif"));
        QVERIFY(!nothing.ok());
        QVERIFY(maps::errorText(nothing.error()).contains("no features"));
        const RasterGrid grid = utmGrid(300, 200, 30, 30);
        auto unwritable =
                Proximity::writeGeoTiff(gpkg, grid, m_dir.filePath("no/such/folder/out.tif"));
        QVERIFY(!unwritable.ok());
        QVERIFY(maps::errorText(unwritable.error()).contains("out.tif"));
        std::atomic<bool> cancel{true};
        RasterJobControl control;
        control.cancel = &cancel;
        auto cancelled =
                Proximity::writeGeoTiff(gpkg, grid, m_dir.filePath("cancelled.tif"), {}, control);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    }

    void errorsSayWhatIsWrong()
    {
        const RasterGrid grid = utmGrid(50, 50, 30, 30);
        auto missing = Proximity::fromVector(m_dir.filePath("none.gpkg"), grid);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        const QString gpkg = m_dir.filePath("grid3.gpkg");
        QVERIFY(writeVectors(gpkg));
        ProximityOptions bad;
        bad.where = QStringLiteral("no_such_field > 3");
        auto filtered = Proximity::fromVector(gpkg, grid, bad);
        QVERIFY(!filtered.ok());
        QVERIFY(maps::errorText(filtered.error()).contains("filter"));
        RasterGrid far = grid;
        far.originX = 900000; // no feature inside
        auto nothing = Proximity::fromVector(gpkg, far);
        QVERIFY(!nothing.ok());
        QVERIFY(maps::errorText(nothing.error()).contains("no features"));
        ProximityOptions wrongLayer;
        wrongLayer.layerName = QStringLiteral("roads");
        auto layer = Proximity::fromVector(gpkg, grid, wrongLayer);
        QVERIFY(!layer.ok());
        QVERIFY(maps::errorText(layer.error()).contains("roads"));
        // The grid's CRS may be written as "EPSG:n" (the same distances as its WKT); one that
        // cannot be read is an error, never a crash inside GDAL.
        const RasterGrid around = utmGrid(300, 200, 30, 30);
        RasterGrid byCode = around;
        byCode.crsWkt = QStringLiteral("EPSG:32614");
        auto coded = Proximity::fromVector(gpkg, byCode);
        auto wkt = Proximity::fromVector(gpkg, around);
        QVERIFY2(coded.ok(), qPrintable(coded ? QString() : maps::errorText(coded.error())));
        QVERIFY(wkt.ok());
        QVERIFY(coded->values == wkt->values);
        RasterGrid garbled = around;
        garbled.crsWkt = QStringLiteral("not a coordinate system");
        auto unreadable = Proximity::fromVector(gpkg, garbled);
        QVERIFY(!unreadable.ok());
        QCOMPARE(unreadable.error().code, ErrorCode::MissingCrs);
        auto unreadableFile = Proximity::writeGeoTiff(gpkg, garbled, m_dir.filePath("garbled.tif"));
        QVERIFY(!unreadableFile.ok());
    }
};

QTEST_APPLESS_MAIN(TestProximity)
#include "test_proximity.moc"
