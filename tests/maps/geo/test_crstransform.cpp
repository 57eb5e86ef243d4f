// SPDX-License-Identifier: GPL-3.0-or-later
// CRS round trips through PROJ for the canvas transforms, and projected coordinates checked
// against geodesic distances (a projection's scale error stays within its known bounds).
#include "maps/geo/crstransform.h"

#include <QRandomGenerator>
#include <QTest>

#include <atomic>
#include <cmath>
#include <thread>
#include <vector>

using namespace maps;

class TestCrsTransform : public QObject
{
    Q_OBJECT

private slots:
    void roundTrips_data()
    {
        QTest::addColumn<QString>("crs");
        QTest::addColumn<double>("lon0");
        QTest::addColumn<double>("lat0");
        QTest::addColumn<double>("span");
        QTest::newRow("Web Mercator") << "EPSG:3857" << -120.0 << -60.0 << 120.0;
        QTest::newRow("UTM 14N") << "EPSG:32614" << -102.0 << 20.0 << 6.0;
        QTest::newRow("ETRS89 LAEA Europe") << "EPSG:3035" << -10.0 << 35.0 << 40.0;
        QTest::newRow("CONUS Albers (NLCD)") << "EPSG:5070" << -124.0 << 25.0 << 45.0;
        QTest::newRow("lon/lat itself") << "EPSG:4326" << -180.0 << -90.0 << 180.0;
    }
    void roundTrips()
    {
        QFETCH(QString, crs);
        QFETCH(double, lon0);
        QFETCH(double, lat0);
        QFETCH(double, span);
        const auto forward = CrsTransform::fromLonLat(crs);
        const auto back = CrsTransform::toLonLat(crs);
        QVERIFY(forward && back);
        QRandomGenerator rng(3);
        for (int i = 0; i < 500; ++i) {
            const QPointF ll(lon0 + rng.bounded(span), lat0 + rng.bounded(span / 2));
            const auto xy = forward->apply(ll);
            QVERIFY(xy.has_value());
            const auto again = back->applyToLonLat(*xy);
            QVERIFY(again.has_value());
            // PROJ's inverse LAEA series is accurate to a few millimetres.
            QVERIFY(geodesicDistance(ll.x(), ll.y(), again->lon, again->lat) < 1e-2);
        }
    }

    // Near the UTM central meridian the scale factor is 0.9996: a 1 km east-west step at 99 W
    // measures 999.6 m in projected metres, within a few millimetres.
    void utmScaleMatchesTheGeodesic()
    {
        const auto forward = CrsTransform::fromLonLat("EPSG:32614");
        QVERIFY(forward);
        const double lat = 31.0;
        const double dLon = 1000.0 / geodesicDistance(-99.0, lat, -98.0, lat); // ~1 km
        const auto a = forward->apply({-99.0, lat});
        const auto b = forward->apply({-99.0 + dLon, lat});
        const double projected = std::hypot(b->x() - a->x(), b->y() - a->y());
        const double geodesic = geodesicDistance(-99.0, lat, -99.0 + dLon, lat);
        QVERIFY(std::abs(projected / geodesic - 0.9996) < 2e-6);
    }

    void copiesAreIndependent()
    {
        const auto t = CrsTransform::fromLonLat("EPSG:3857");
        QVERIFY(t);
        const CrsTransform copy = *t;
        QCOMPARE(copy.apply({10, 50}), t->apply({10, 50}));
        QCOMPARE(copy.to(), QStringLiteral("EPSG:3857"));
    }

    // create() keeps what PROJ works out per pair of CRSs and hands out copies: copies made
    // on several threads at once each transform on their own, as Web Mercator's closed form
    // says (a sphere of WGS 84's semi-major axis), and a pair PROJ cannot do fails every time.
    void keptTransformsAreCopiesThatWorkOnAnyThread()
    {
        constexpr double kA = 6378137.0;
        constexpr double kRad = 3.14159265358979323846 / 180.0;
        std::atomic<int> wrong{0}, failed{0};
        auto work = [&](int seed) {
            QRandomGenerator rng{quint32(seed)};
            for (int i = 0; i < 200; ++i) {
                const auto t = CrsTransform::fromLonLat(QStringLiteral("EPSG:3857"));
                if (!t) {
                    ++failed;
                    continue;
                }
                const double lon = -180.0 + rng.bounded(360.0);
                const double lat = -80.0 + rng.bounded(160.0);
                const auto xy = t->apply(QPointF(lon, lat));
                const double x = kA * lon * kRad;
                const double y =
                        kA * std::log(std::tan(3.14159265358979323846 / 4 + lat * kRad / 2));
                if (!xy || std::abs(xy->x() - x) > 1e-6 || std::abs(xy->y() - y) > 1e-6)
                    ++wrong;
            }
        };
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back(work, t + 1);
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(failed.load(), 0);
        QCOMPARE(wrong.load(), 0);
        for (int i = 0; i < 2; ++i) {
            const auto bad = CrsTransform::create("EPSG:4326", "EPSG:123456789");
            QVERIFY(!bad);
            QCOMPARE(bad.error().code, ErrorCode::MissingCrs);
        }
    }

    void badInput()
    {
        const auto bad = CrsTransform::create("EPSG:4326", "EPSG:123456789");
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::MissingCrs);
        QVERIFY(maps::errorText(bad.error()).contains("EPSG:123456789"));
        QVERIFY(!CrsTransform::create("", "EPSG:4326"));
        // A latitude beyond the pole has no Web Mercator value.
        const auto merc = CrsTransform::fromLonLat("EPSG:3857");
        QVERIFY(!merc->apply({0, 95}).has_value());
    }

    // The raster readers' flavour: an unknown CRS means "the same as the view's", and two
    // spellings of one CRS need no transformation at all.
    void toRasterTreatsUnknownAndEqualCrsAsIdentity()
    {
        const auto unknown = CrsTransform::toRaster(QString(), QStringLiteral("EPSG:32614"));
        QVERIFY(unknown && unknown->isIdentity());
        const auto spelled = CrsTransform::toRaster(QStringLiteral("EPSG:4326"),
                                                    QStringLiteral("+proj=longlat +datum=WGS84"));
        QVERIFY(spelled && spelled->isIdentity());
        QVERIFY(CrsTransform::sameCrs(QStringLiteral("EPSG:4326"),
                                      QStringLiteral("+proj=longlat +datum=WGS84")));
        QVERIFY(!CrsTransform::sameCrs(QStringLiteral("EPSG:4326"), QStringLiteral("EPSG:32614")));
        QVERIFY(!CrsTransform::toRaster(QStringLiteral("EPSG:4326"), QStringLiteral("nonsense")));

        // Batch and single-point forms agree with the canvas form.
        const auto utm =
                CrsTransform::toRaster(QStringLiteral("EPSG:4326"), QStringLiteral("EPSG:32614"));
        QVERIFY(utm && !utm->isIdentity());
        double xs[2] = {-99.0, -98.5};
        double ys[2] = {31.0, 30.5};
        int ok[2] = {0, 0};
        utm->apply(xs, ys, 2, ok);
        QVERIFY(ok[0] && ok[1]);
        const auto p = utm->apply(QPointF(-98.5, 30.5));
        QVERIFY(p.has_value());
        QCOMPARE(p->x(), xs[1]);
        QCOMPARE(p->y(), ys[1]);
        double x = -99.0;
        double y = 31.0;
        QVERIFY(utm->apply(x, y));
        QCOMPARE(x, xs[0]);
        QCOMPARE(y, ys[0]);
        QVERIFY(std::abs(x - 500000.0) < 1e-6); // the central meridian of UTM 14N
    }
};

QTEST_GUILESS_MAIN(TestCrsTransform)
#include "test_crstransform.moc"
