// SPDX-License-Identifier: GPL-3.0-or-later
// FactorGridFrame's bounds on the true distance behind a distance transform's, on Web Mercator
// grids at the equator, in Texas, at 60° N and at 40° S: for random cells and random feature
// points up to 300 km away, the geodesic distance on WGS 84 (Karney's algorithm, the oracle)
// lies between the least and the most the frame allows for the transform distance to the
// feature's burnt cell centre, and past the least it allows beyond the point's own; and at 20-60 km
// (where the heatmap's cells are decided) the per-row bounds are tighter than the flat 2 % bound
// that other CRSs keep.
#include "maps/analysis/sitefactorgridframe.h"
#include "maps/geo/geodesic.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

using namespace maps;

namespace {

constexpr double kDegree = std::numbers::pi / 180.0;

// EPSG:3857 from lon/lat (degrees), the textbook sphere of WGS 84's semi-major axis.
QPointF toMercator(double lon, double lat)
{
    return {kWgs84A * lon * kDegree,
            kWgs84A * std::log(std::tan(std::numbers::pi / 4.0 + lat * kDegree / 2.0))};
}
LonLat fromMercator(const QPointF &p)
{
    return {p.x() / kWgs84A / kDegree,
            (2.0 * std::atan(std::exp(p.y() / kWgs84A)) - std::numbers::pi / 2.0) / kDegree};
}

} // namespace

class TestSiteFactorGridFrame : public QObject
{
    Q_OBJECT

private slots:
    void trueDistanceWithinTheRowBounds_data()
    {
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("lat");
        QTest::newRow("equator") << 10.0 << 0.0;
        QTest::newRow("Texas") << -99.0 << 31.0;
        QTest::newRow("60 N") << 5.0 << 60.0;
        QTest::newRow("40 S") << 145.0 << -40.0;
    }
    void trueDistanceWithinTheRowBounds()
    {
        QFETCH(double, lon);
        QFETCH(double, lat);
        // 400 x 300 cells of 1,500 map units around (lon, lat), as a zoomed-out view.
        const double cell = 1500.0;
        const QPointF centre = toMercator(lon, lat);
        const RasterGrid grid = RasterGrid::covering(
                QRectF(centre.x() - 200 * cell, centre.y() - 150 * cell, 400 * cell, 300 * cell),
                cell, QStringLiteral("EPSG:3857"));
        QCOMPARE(grid.width, 400);
        auto metric = GridMetric::of(grid);
        QVERIFY(metric);
        QVERIFY(metric->webMercator);
        const SiteFactorGridInputs inputs;
        const SiteFactorGridRequest request;
        const RasterJobControl control;
        const FactorGridFrame frame(inputs, grid, request, control, *metric);

        std::mt19937 random(20261207);
        std::uniform_int_distribution<int> col(0, grid.width - 1), row(0, grid.height - 1);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        int checked = 0;
        double widest = 0.0, flatWidest = 0.0; // (most - least) / d at 20-60 km
        for (int k = 0; k < 20000; ++k) {
            const int c = col(random), r = row(random);
            const LonLat p = fromMercator(grid.pixelCentre(c, r));
            // A feature point up to 300 km away in any direction (a uniform bearing).
            const double bearing = 2.0 * std::numbers::pi * unit(random);
            const double metres = 300e3 * unit(random);
            const double dLat = metres * std::cos(bearing) / 111e3;
            const double dLon =
                    metres * std::sin(bearing) / (111e3 * std::cos((p.lat + dLat) * kDegree));
            const LonLat f{p.lon + dLon, std::clamp(p.lat + dLat, -85.0, 85.0)};
            // Its burnt cell centre: the centre of the cell it falls in, half a diagonal away at
            // most; the transform distance in cells, times the row's metres per cell, in float
            // as the transform has it.
            const QPointF at =
                    grid.mapToPixel(toMercator(f.lon, f.lat).x(), toMercator(f.lon, f.lat).y());
            const double bc = std::floor(at.x()) + 0.5, br = std::floor(at.y()) + 0.5;
            const float cells = float(std::hypot(bc - (c + 0.5), br - (r + 0.5)));
            const double d = double(cells * float(metric->eastWest[std::size_t(r)]));
            const double truth = geodesicDistance(p.lon, p.lat, f.lon, f.lat);
            const double least = frame.least(r, d), most = frame.most(r, d);
            if (!(least <= truth && truth <= most)) {
                QFAIL(qPrintable(QStringLiteral("cell (%1, %2) at %3° N to (%4, %5): true %6 m "
                                                "outside [%7, %8] for a transform %9 m")
                                         .arg(c)
                                         .arg(r)
                                         .arg(p.lat, 0, 'f', 3)
                                         .arg(f.lon, 0, 'f', 4)
                                         .arg(f.lat, 0, 'f', 4)
                                         .arg(truth, 0, 'f', 1)
                                         .arg(least, 0, 'f', 1)
                                         .arg(most, 0, 'f', 1)
                                         .arg(d, 0, 'f', 1)));
            }
            // A feature at least as many cells away as the point itself is at least
            // beyond() away (the bound on what lies outside a transform's margin).
            const double cellsAway = std::hypot(at.x() - (c + 0.5), at.y() - (r + 0.5))
                    * metric->eastWest[std::size_t(r)];
            QVERIFY2(frame.beyond(r, cellsAway, cellsAway) <= truth,
                     qPrintable(QStringLiteral("cell (%1, %2): %3 m beyond %4 m")
                                        .arg(c)
                                        .arg(r)
                                        .arg(truth)
                                        .arg(frame.beyond(r, cellsAway, cellsAway))));
            ++checked;
            if (d >= 20e3 && d <= 60e3) {
                widest = std::max(widest, (most - least) / d);
                const double half = frame.diagonal(r) / 2.0;
                flatWidest = std::max(flatWidest,
                                      ((d + half) * FactorGridFrame::kScaleSlack
                                       - (d - half) / FactorGridFrame::kScaleSlack)
                                              / d);
            }
        }
        QCOMPARE(checked, 20000);
        // The row's bounds against the flat bound's 4 % plus a diagonal.
        QVERIFY2(
                widest < flatWidest,
                qPrintable(
                        QStringLiteral("row bounds %1 wide, flat %2").arg(widest).arg(flatWidest)));
    }

    // A grid that is not Web Mercator, or without square cells, keeps the flat bound.
    void otherGridsKeepTheFlatBound()
    {
        const RasterGrid geographic =
                RasterGrid::covering(QRectF(-100, 30, 4, 3), 0.01, QStringLiteral("EPSG:4326"));
        auto metric = GridMetric::of(geographic);
        QVERIFY(metric);
        QVERIFY(!metric->webMercator);
        const SiteFactorGridInputs inputs;
        const SiteFactorGridRequest request;
        const RasterJobControl control;
        const FactorGridFrame frame(inputs, geographic, request, control, *metric);
        const double half = frame.diagonal(10) / 2.0;
        QCOMPARE(frame.most(10, 10e3), (10e3 + half) * FactorGridFrame::kScaleSlack);
        QCOMPARE(frame.least(10, 10e3), (10e3 - half) / FactorGridFrame::kScaleSlack);

        RasterGrid stretched = RasterGrid::covering(QRectF(-1e6, 3e6, 4e5, 3e5), 1000.0,
                                                    QStringLiteral("EPSG:3857"));
        stretched.pixelHeight *= 1.5;
        stretched.height = 200;
        auto m2 = GridMetric::of(stretched);
        QVERIFY(m2);
        QVERIFY(!m2->webMercator);
    }

    // Metrics are kept per grid, and each grid gets its own: the same grid asked again, one
    // moved north, one with finer cells, each row's east-west metres as Karney's geodesic
    // between the row's two middle cell centres (closed-form inverse Web Mercator) gives them.
    void eachGridHasItsOwnMetric()
    {
        const RasterGrid texas = RasterGrid::covering(QRectF(-1.11e7, 3.3e6, 4e5, 3e5), 1000.0,
                                                      QStringLiteral("EPSG:3857"));
        RasterGrid north = texas;
        north.originY += 3e6;
        RasterGrid finer = texas;
        finer.pixelWidth /= 2.0;
        finer.pixelHeight /= 2.0;
        for (const RasterGrid &grid : {texas, north, finer, texas, north}) {
            auto metric = GridMetric::of(grid);
            QVERIFY(metric);
            QCOMPARE(int(metric->eastWest.size()), grid.height);
            for (int r : {0, grid.height / 2, grid.height - 1}) {
                const LonLat a = fromMercator(grid.pixelToMap(grid.width / 2.0, r + 0.5));
                const LonLat b = fromMercator(grid.pixelToMap(grid.width / 2.0 + 1.0, r + 0.5));
                const double metres = geodesicDistance(a.lon, a.lat, b.lon, b.lat);
                QVERIFY2(std::abs(metric->eastWest[std::size_t(r)] - metres) <= 1e-6 * metres,
                         qPrintable(QStringLiteral("row %1: %2 m, Karney %3 m")
                                            .arg(r)
                                            .arg(metric->eastWest[std::size_t(r)])
                                            .arg(metres)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSiteFactorGridFrame)
#include "test_sitefactorgridframe.moc"
