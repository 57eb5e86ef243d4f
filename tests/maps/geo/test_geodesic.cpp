// SPDX-License-Identifier: GPL-3.0-or-later
// Geodesic distances on WGS84 against published reference values, and the fast chord-based
// surface distance used by the spatial index against the exact geodesic at every latitude.
#include "maps/geo/geodesic.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace maps;

class TestGeodesic : public QObject
{
    Q_OBJECT

private slots:
    void referenceDistances_data()
    {
        QTest::addColumn<double>("lon1");
        QTest::addColumn<double>("lat1");
        QTest::addColumn<double>("lon2");
        QTest::addColumn<double>("lat2");
        QTest::addColumn<double>("metres");
        QTest::addColumn<double>("tolerance");
        // Vincenty (1975), Survey Review 23(176), test line Flinders Peak - Buninyong
        // (Australian Geodetic Datum; the published length on that ellipsoid is 54,972.271 m,
        // which WGS84 reproduces to a few centimetres at this length).
        const double fpLat = -(37 + 57 / 60.0 + 3.72030 / 3600.0);
        const double fpLon = 144 + 25 / 60.0 + 29.52440 / 3600.0;
        const double buLat = -(37 + 39 / 60.0 + 10.15610 / 3600.0);
        const double buLon = 143 + 55 / 60.0 + 35.38390 / 3600.0;
        QTest::newRow("Vincenty 1975 Flinders Peak-Buninyong")
                << fpLon << fpLat << buLon << buLat << 54972.271 << 0.5;
        // WGS84 quarter meridian (NIMA TR8350.2 derived constant): 10,001,965.729 m.
        QTest::newRow("equator to pole") << 0.0 << 0.0 << 0.0 << 90.0 << 10001965.729 << 0.01;
        // One degree of longitude on the equator is a * pi / 180.
        QTest::newRow("1 degree on the equator")
                << 10.0 << 0.0 << 11.0 << 0.0 << 6378137.0 * M_PI / 180.0 << 0.01;
        // Length of one degree of latitude (standard WGS84 tables): 110,574 m at the equator,
        // 111,694 m next to the pole.
        QTest::newRow("meridian degree at the equator")
                << 0.0 << 0.0 << 0.0 << 1.0 << 110574.0 << 1.0;
        QTest::newRow("meridian degree at the pole")
                << 0.0 << 89.0 << 0.0 << 90.0 << 111694.0 << 1.0;
        QTest::newRow("same point") << 5.0 << 50.0 << 5.0 << 50.0 << 0.0 << 1e-9;
    }
    void referenceDistances()
    {
        QFETCH(double, lon1);
        QFETCH(double, lat1);
        QFETCH(double, lon2);
        QFETCH(double, lat2);
        QFETCH(double, metres);
        QFETCH(double, tolerance);
        const double d = geodesicDistance(lon1, lat1, lon2, lat2);
        QVERIFY2(std::abs(d - metres) <= tolerance, qPrintable(QString::number(d, 'f', 4)));
        QCOMPARE(geodesicDistance(lon2, lat2, lon1, lat1), d);
    }

    void ecefRoundTrip()
    {
        QRandomGenerator rng(7);
        for (int i = 0; i < 2000; ++i) {
            const double lon = rng.bounded(360.0) - 180.0;
            const double lat = rng.bounded(180.0) - 90.0;
            const LonLat back = fromEcef(toEcef(lon, lat));
            QVERIFY(std::abs(back.lat - lat) < 1e-9);
            if (std::abs(lat) < 89.999) {
                QVERIFY(std::abs(std::remainder(back.lon - lon, 360.0)) < 1e-9);
            }
        }
        // The equatorial radius and the polar semi-axis.
        QCOMPARE(toEcef(0, 0).x, kWgs84A);
        QVERIFY(std::abs(toEcef(0, 90).z - kWgs84A * (1 - kWgs84F)) < 1e-6);
    }

    // EcefRun reuses the sines of repeated coordinates; its answers must be toEcef's to the
    // bit, on grids that repeat them (rows of a Mercator view) and on points that do not.
    void ecefRunIsToEcefExactly()
    {
        QRandomGenerator rng(11);
        std::vector<LonLat> queries;
        for (int r = 0; r < 40; ++r)
            for (int c = 0; c < 200; ++c)
                queries.push_back({-107.0 + 0.07 * c, 36.0 - 0.3 * r});
        for (int i = 0; i < 2000; ++i)
            queries.push_back({rng.bounded(360.0) - 180.0, rng.bounded(180.0) - 90.0});
        queries.push_back(queries.front()); // back to a longitude whose slot was reused since
        EcefRun run;
        int differ = 0;
        for (const LonLat &q : queries) {
            const Ecef a = run(q);
            const Ecef b = toEcef(q.lon, q.lat);
            differ += !(a.x == b.x && a.y == b.y && a.z == b.z);
        }
        QCOMPARE(differ, 0);
    }

    // EcefProduct's point for a longitude and a latitude is toEcef's to the bit, over a whole
    // world grid and random lists.
    void ecefProductIsToEcefExactly()
    {
        QRandomGenerator rng(12);
        std::vector<double> lons, lats;
        for (int c = 0; c < 361; ++c)
            lons.push_back(-180.0 + c + (c % 7) * 1e-3);
        for (int r = 0; r < 181; ++r)
            lats.push_back(-90.0 + r - (r % 5) * 1e-3);
        for (int i = 0; i < 200; ++i) {
            lons.push_back(rng.bounded(360.0) - 180.0);
            lats.push_back(rng.bounded(180.0) - 90.0);
        }
        const EcefProduct product(lons, lats);
        int differ = 0;
        for (std::size_t i = 0; i < lons.size(); ++i) {
            for (std::size_t j = 0; j < lats.size(); ++j) {
                const Ecef a = product.at(i, j);
                const Ecef b = toEcef(lons[i], lats[j]);
                differ += !(a.x == b.x && a.y == b.y && a.z == b.z);
            }
        }
        QCOMPARE(differ, 0);
    }

    // The index measures with chords; the result must stay within 0.5 % of the
    // geodesic at any latitude and in any direction, near and far; we ask 1e-6.
    void chordDistanceMatchesGeodesic()
    {
        QRandomGenerator rng(11);
        double worst = 0.0;
        for (int i = 0; i < 20000; ++i) {
            const double lat = rng.bounded(179.0) - 89.5;
            const double lon = rng.bounded(360.0) - 180.0;
            const double scale = std::pow(10.0, rng.bounded(4.0) - 3.0); // 0.001 .. 10 degrees
            const double lat2 = std::clamp(lat + (rng.bounded(2.0) - 1.0) * scale, -90.0, 90.0);
            const double lon2 = lon + (rng.bounded(2.0) - 1.0) * scale * 3;
            const double exact = geodesicDistance(lon, lat, lon2, lat2);
            const double fast = surfaceDistance({lon, lat}, toEcef(lon, lat), toEcef(lon2, lat2));
            if (exact > 1.0) {
                worst = std::max(worst, std::abs(fast - exact) / exact);
            }
        }
        QVERIFY2(worst < 1e-6, qPrintable(QString::number(worst)));
    }

    void farPointsUseTheExactGeodesic()
    {
        const double exact = geodesicDistance(-74.0, 40.7, 139.7, 35.7); // New York - Tokyo
        const double fast =
                surfaceDistance({-74.0, 40.7}, toEcef(-74.0, 40.7), toEcef(139.7, 35.7));
        QVERIFY(std::abs(fast - exact) < 0.01);
        QVERIFY(exact > 10.8e6 && exact < 10.9e6);
    }
};

QTEST_GUILESS_MAIN(TestGeodesic)
#include "test_geodesic.moc"
