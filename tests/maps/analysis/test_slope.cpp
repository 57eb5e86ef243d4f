// SPDX-License-Identifier: GPL-3.0-or-later
// Slope: planes of known gradient (projected and geographic), a per-pixel Horn computation done
// here from GDAL reads, holes and edges, the tiled file output, and the real Swiss DEM.

#include "../rasterfixtures.h"
#include "maps/analysis/slope.h"
#include "tests/support/shareddata.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <numbers>

using namespace maps;
using namespace rasterfixtures;

namespace {

constexpr double kDeg = 180.0 / std::numbers::pi;

// Metres per degree measured with PROJ in a UTM zone (independent of the code under test;
// UTM's scale error of at most ~0.1 % near the central meridian is well inside the tolerance).
std::pair<double, double> metresPerDegreeByProj(double lon, double lat)
{
    OGRSpatialReference wgs;
    wgs.importFromEPSG(4326);
    wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference utm;
    utm.importFromEPSG(32600 + int(std::floor((lon + 180) / 6)) + 1);
    OGRCoordinateTransformation *t = OGRCreateCoordinateTransformation(&wgs, &utm);
    double xs[3] = {lon - 0.05, lon + 0.05, lon};
    double ys[3] = {lat, lat, lat + 0.1};
    t->Transform(3, xs, ys);
    OGRCoordinateTransformation::DestroyCT(t);
    const double perLon = std::hypot(xs[1] - xs[0], ys[1] - ys[0]) / 0.1;
    const double midX = (xs[0] + xs[1]) / 2;
    const double midY = (ys[0] + ys[1]) / 2;
    const double perLat = std::hypot(xs[2] - midX, ys[2] - midY) / 0.1;
    return {perLon, perLat};
}

// Horn's method written out from its definition, reading every pixel through GDAL.
double referenceSlope(const std::vector<float> &z, int w, int h, int c, int r, double dx, double dy)
{
    auto at = [&](int cc, int rr) {
        const float centre = z[std::size_t(r) * w + c];
        if (cc < 0 || rr < 0 || cc >= w || rr >= h) {
            return double(centre);
        }
        const float v = z[std::size_t(rr) * w + cc];
        return std::isnan(v) ? double(centre) : double(v);
    };
    const double east = at(c + 1, r - 1) + 2 * at(c + 1, r) + at(c + 1, r + 1);
    const double west = at(c - 1, r - 1) + 2 * at(c - 1, r) + at(c - 1, r + 1);
    const double south = at(c - 1, r + 1) + 2 * at(c, r + 1) + at(c + 1, r + 1);
    const double north = at(c - 1, r - 1) + 2 * at(c, r - 1) + at(c + 1, r - 1);
    const double gx = (east - west) / (8 * dx);
    const double gy = (south - north) / (8 * dy);
    return std::atan(std::hypot(gx, gy)) * kDeg;
}

std::vector<float> readAll(const QString &file, int &w, int &h)
{
    GDALDataset *ds = GDALDataset::Open(file.toUtf8().constData(), GDAL_OF_RASTER);
    w = ds->GetRasterXSize();
    h = ds->GetRasterYSize();
    std::vector<float> all(std::size_t(w) * h);
    if (ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, all.data(), w, h, GDT_Float32, 0, 0,
                                       nullptr)
        != CE_None) {
        all.clear();
    }
    GDALClose(ds);
    return all;
}

} // namespace

class TestSlope : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void projectedPlaneHasItsGradient_data()
    {
        QTest::addColumn<double>("gx");
        QTest::addColumn<double>("gy");
        QTest::addRow("flat") << 0.0 << 0.0;
        QTest::addRow("east 10 pct") << 0.1 << 0.0;
        QTest::addRow("north-west 45°") << -std::sqrt(0.5) << std::sqrt(0.5);
        QTest::addRow("steep") << 2.0 << -1.5;
    }
    void projectedPlaneHasItsGradient()
    {
        QFETCH(double, gx);
        QFETCH(double, gy);
        TiffSpec spec; // 30 m UTM pixels
        const QString file =
                m_dir.filePath(QStringLiteral("plane_%1.tif").arg(QTest::currentDataTag()));
        QVERIFY(writeTiff(file, spec,
                          [&](int c, int r) { return 300 + gx * 30 * c - gy * 30 * r; }));
        auto dem = RasterLayer::open(file, LayerRole::Elevation);
        QVERIFY(dem.ok());
        const double expected = std::atan(std::hypot(gx, gy)) * kDeg;
        auto slope =
                Slope::compute(*dem, (*dem)->grid().subGrid(1, 1, spec.width - 2, spec.height - 2));
        QVERIFY(slope.ok());
        for (float v : slope->values) {
            QVERIFY2(std::abs(v - expected) < 1e-3, qPrintable(QString::number(v - expected)));
        }
        auto sampler = RasterSampler::create(*dem);
        QVERIFY(sampler.ok());
        const QPointF p = (*dem)->grid().pixelCentre(20, 20);
        const auto at = Slope::at(*sampler, p.x(), p.y());
        QVERIFY(at.has_value());
        QVERIFY(std::abs(*at - expected) < 1e-3);
    }

    void geographicPlaneUsesMetresPerDegree_data()
    {
        QTest::addColumn<bool>("eastward");
        QTest::addColumn<double>("latitude");
        QTest::addRow("north 47°") << false << 47.0;
        QTest::addRow("east 47°") << true << 47.0;
        QTest::addRow("east 5°") << true << 5.0;
        QTest::addRow("east 65°") << true << 65.0;
    }
    void geographicPlaneUsesMetresPerDegree()
    {
        QFETCH(bool, eastward);
        QFETCH(double, latitude);
        TiffSpec spec;
        spec.epsg = 4326;
        spec.width = 40;
        spec.height = 40;
        const double px = 1.0 / 120; // 30 arc-seconds
        spec.geoTransform = {9.0, px, 0.0, latitude + 20 * px, 0.0, -px};
        const double grade = 0.2; // 20 % in metres per metre
        const double perLat = metresPerDegreeByProj(9.0 + 20 * px, latitude).second;
        const QString file =
                m_dir.filePath(QStringLiteral("geo_%1.tif").arg(QTest::currentDataTag()));
        QVERIFY(writeTiff(file, spec, [&](int c, int r) {
            const double lat = latitude + (20 - r - 0.5) * px;
            const double lon = 9.0 + (c + 0.5) * px;
            if (eastward) {
                return grade * (lon - 9.0) * metresPerDegreeByProj(lon, lat).first;
            }
            return grade * (lat - latitude) * perLat;
        }));
        auto dem = RasterLayer::open(file, LayerRole::Elevation);
        QVERIFY(dem.ok());
        auto slope = Slope::compute(*dem, (*dem)->grid().subGrid(15, 15, 10, 10));
        QVERIFY(slope.ok());
        const double expected = std::atan(grade) * kDeg;
        for (float v : slope->values) {
            QVERIFY2(std::abs(v - expected) < 0.005 * expected, qPrintable(QString::number(v)));
        }
    }

    void matchesHornFromGdalReadsWithHolesAndEdges()
    {
        TiffSpec spec;
        spec.width = 57;
        spec.height = 43;
        spec.noData = -9999;
        spec.blockWidth = 16;
        spec.blockHeight = 16;
        QRandomGenerator rng(5);
        std::vector<double> z(std::size_t(spec.width) * spec.height);
        for (double &v : z) {
            v = rng.bounded(100) < 5 ? -9999.0 : 200.0 + rng.bounded(40.0);
        }
        const QString file = m_dir.filePath("rough.tif");
        QVERIFY(writeTiff(file, spec,
                          [&](int c, int r) { return z[std::size_t(r) * spec.width + c]; }));
        auto dem = RasterLayer::open(file, LayerRole::Elevation);
        QVERIFY(dem.ok());
        int w = 0;
        int h = 0;
        std::vector<float> raw = readAll(file, w, h);
        for (float &v : raw) {
            v = v == -9999.0f ? std::nanf("") : v;
        }
        auto slope = Slope::compute(*dem, (*dem)->grid());
        QVERIFY(slope.ok());
        const QString out = m_dir.filePath("rough_slope.tif");
        RasterJobControl control;
        control.threads = 3;
        auto written = Slope::computeToFile(*dem, out, control);
        QVERIFY2(written.ok(), qPrintable(written ? QString() : maps::errorText(written.error())));
        int wo = 0;
        int ho = 0;
        const std::vector<float> fromFile = readAll(out, wo, ho);
        QCOMPARE(wo, w);
        QCOMPARE(ho, h);
        for (int r = 0; r < h; ++r) {
            for (int c = 0; c < w; ++c) {
                const float got = slope->at(c, r);
                const float filed = fromFile[std::size_t(r) * w + c];
                if (std::isnan(raw[std::size_t(r) * w + c])) {
                    QVERIFY(std::isnan(got));
                    QVERIFY(std::isnan(filed));
                    continue;
                }
                const double expected = referenceSlope(raw, w, h, c, r, 30, 30);
                QVERIFY2(std::abs(got - expected) < 1e-4,
                         qPrintable(QStringLiteral("%1,%2").arg(c).arg(r)));
                QCOMPARE(filed, got);
            }
        }
    }

    void cancelStopsTheFileOutput()
    {
        TiffSpec spec;
        spec.width = 3000;
        spec.height = 2000;
        spec.sparse = true;
        spec.blockWidth = 256;
        spec.blockHeight = 256;
        const QString file = m_dir.filePath("big_dem.tif");
        QVERIFY(writeTiff(file, spec));
        auto dem = RasterLayer::open(file, LayerRole::Elevation);
        QVERIFY(dem.ok());
        std::atomic<bool> cancel{true};
        RasterJobControl control;
        control.cancel = &cancel;
        auto result = Slope::computeToFile(*dem, m_dir.filePath("never.tif"), control);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
    }

    void realSwissDemMatchesHornEverywhere()
    {
        const QString file = sharedData("dem-austria-switzerland-30s/ch.tif");
        if (!QFile::exists(file)) {
            MISSING_SHARED_DATA(file.toStdString() + " not found");
        }
        auto dem = RasterLayer::open(file, LayerRole::Elevation);
        QVERIFY(dem.ok());
        auto slope = Slope::compute(*dem, (*dem)->grid());
        QVERIFY(slope.ok());
        int w = 0;
        int h = 0;
        const std::vector<float> raw = readAll(file, w, h);
        const RasterGrid &g = (*dem)->grid();
        double steepest = 0;
        for (int r = 0; r < h; r += 3) {
            const double lat = g.pixelCentre(0, r).y();
            const auto [perLon, perLat] = metresPerDegreeByProj(8.0, lat);
            for (int c = 0; c < w; c += 3) {
                const float got = slope->at(c, r);
                if (std::isnan(raw[std::size_t(r) * w + c])) {
                    QVERIFY(std::isnan(got));
                    continue;
                }
                const double expected = referenceSlope(raw, w, h, c, r, g.pixelWidth * perLon,
                                                       -g.pixelHeight * perLat);
                QVERIFY2(std::abs(got - expected) < 0.01 * expected + 1e-3,
                         qPrintable(QStringLiteral("%1 vs %2").arg(got).arg(expected)));
                steepest = std::max(steepest, double(got));
            }
        }
        QVERIFY(steepest > 20 && steepest < 60); // 1 km pixels smooth the Alps' cliffs
    }
};

QTEST_APPLESS_MAIN(TestSlope)
#include "test_slope.moc"
