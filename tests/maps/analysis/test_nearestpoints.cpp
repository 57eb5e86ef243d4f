// SPDX-License-Identifier: GPL-3.0-or-later
// NearestPoints: hand-worked points on the equator, ties to the lower index, and random Texas-
// sized sets where the answer is checked against Karney's geodesic distance to every point (an
// independent metric) and the block query against the single query for every cell.

#include "maps/analysis/nearestpoints.h"

#include <QRandomGenerator>
#include <QtTest>

#include <cmath>
#include <numbers>

using namespace maps;

class TestNearestPoints : public QObject
{
    Q_OBJECT
private slots:
    void emptySetHasNoAnswer();
    void equatorByHand();
    void tiesGoToTheLowerIndex();
    void randomSitesMatchGeodesicBruteForce();
    void cellBlocksMatchSingleQueries();
    void levelsMatchFilteredBruteForce();
};

void TestNearestPoints::emptySetHasNoAnswer()
{
    const NearestPoints none;
    QCOMPARE(none.nearest({-100, 31}).index, -1);
    const LonLat q[2] = {{0, 0}, {1, 1}};
    int out[2] = {7, 7};
    double metres[2] = {1, 1};
    none.nearestForCells(q, 2, out, metres);
    QCOMPARE(out[0], -1);
    QCOMPARE(out[1], -1);
    QVERIFY(std::isnan(metres[0]) && std::isnan(metres[1]));
}

void TestNearestPoints::equatorByHand()
{
    // One degree of longitude on the equator is 2π·6,378,137 m / 360 = 111,319.49 m.
    const NearestPoints pts({{0, 0}, {1, 0}, {2, 0}});
    const auto a = pts.nearest({0.4, 0});
    QCOMPARE(a.index, 0);
    QVERIFY(std::abs(a.distanceM - 0.4 * 111319.49) < 1.0);
    const auto b = pts.nearest({1.7, 0});
    QCOMPARE(b.index, 2);
    QVERIFY(std::abs(b.distanceM - 0.3 * 111319.49) < 1.0);
    QCOMPARE(pts.nearest({5, 0}).index, 2);
    QCOMPARE(pts.nearest({-5, 0}).index, 0);
}

void TestNearestPoints::tiesGoToTheLowerIndex()
{
    // Two buses of one substation (same point) and a point halfway between two others.
    const NearestPoints pts({{1, 0}, {3, 0}, {3, 0}, {5, 0}});
    QCOMPARE(pts.nearest({3.2, 0}).index, 1);
    QCOMPARE(pts.nearest({2, 0}).index, 0);
    const LonLat q[2] = {{3.2, 0}, {2, 0}};
    int out[2];
    pts.nearestForCells(q, 2, out);
    QCOMPARE(out[0], 1);
    QCOMPARE(out[1], 0);
}

void TestNearestPoints::randomSitesMatchGeodesicBruteForce()
{
    QRandomGenerator rng(20261202);
    std::vector<LonLat> points;
    for (int i = 0; i < 400; ++i)
        points.push_back(
                {-106.6 + 13.1 * rng.generateDouble(), 25.8 + 10.7 * rng.generateDouble()});
    const NearestPoints pts(points);
    for (int k = 0; k < 500; ++k) {
        const LonLat q{-107 + 14 * rng.generateDouble(), 25.5 + 11.5 * rng.generateDouble()};
        double best = INFINITY;
        for (const LonLat &p : points)
            best = std::min(best, geodesicDistance(q.lon, q.lat, p.lon, p.lat));
        const auto hit = pts.nearest(q);
        QVERIFY(hit.index >= 0);
        const double got =
                geodesicDistance(q.lon, q.lat, points[hit.index].lon, points[hit.index].lat);
        // The chosen point is the geodesic nearest (up to a millimetre-scale tie) and its
        // reported distance is the geodesic one.
        QVERIFY2(got <= best + 1e-3, qPrintable(QString("%1 vs %2").arg(got).arg(best)));
        QVERIFY(std::abs(hit.distanceM - got) <= 1e-6 * got + 1e-3);
    }
}

void TestNearestPoints::cellBlocksMatchSingleQueries()
{
    QRandomGenerator rng(7);
    std::vector<LonLat> points;
    for (int i = 0; i < 300; ++i)
        points.push_back({-106 + 12 * rng.generateDouble(), 26 + 10 * rng.generateDouble()});
    points.push_back(points[17]); // a duplicate: the lower index must win in both paths
    const NearestPoints pts(points);
    // A 400 x 300 grid of cell centres over the region, row by row, and scattered queries.
    std::vector<LonLat> cells;
    for (int r = 0; r < 300; ++r)
        for (int c = 0; c < 400; ++c)
            cells.push_back({-107 + 14 * (c + 0.5) / 400, 37 - 12 * (r + 0.5) / 300});
    for (int k = 0; k < 2000; ++k)
        cells.push_back({-107 + 14 * rng.generateDouble(), 25 + 12 * rng.generateDouble()});
    std::vector<int> got(cells.size());
    std::vector<double> metres(cells.size());
    pts.nearestForCells(cells.data(), cells.size(), got.data(), metres.data());
    int mismatches = 0, distances = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const NearestPoints::Hit hit = pts.nearest(cells[i]);
        mismatches += got[i] != hit.index;
        distances += metres[i] != hit.distanceM; // the same distance, to the bit (a reach test)
    }
    QCOMPARE(mismatches, 0);
    QCOMPARE(distances, 0);
    // Exact only within 50 km (a reach): nearer, the same to the bit; farther, a bound that is
    // past 50 km and not past the true distance, so a reach test agrees.
    pts.nearestForCells(cells.data(), cells.size(), got.data(), metres.data(), 50e3);
    int exact = 0, bounded = 0, wrong = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const double want = pts.nearest(cells[i]).distanceM;
        if (metres[i] <= 50e3) {
            wrong += metres[i] != want;
            ++exact;
        } else {
            wrong += !(want > 50e3 && metres[i] <= want);
            ++bounded;
        }
    }
    QVERIFY(exact > 1000 && bounded > 1000);
    QCOMPARE(wrong, 0);
}

void TestNearestPoints::levelsMatchFilteredBruteForce()
{
    // Substations with a voltage each (NaN: unknown, never qualifies); for every level the
    // answer is the geodesic nearest of the points at or above it, and equals nearest() on the
    // subset that qualifies (the heatmap's value points), mapped back to the full indices.
    QRandomGenerator rng(230);
    const double kvs[] = {69, 115, 138, 230, 345, 500, NAN};
    std::vector<LonLat> points;
    std::vector<double> levels;
    for (int i = 0; i < 500; ++i) {
        points.push_back({-106 + 12 * rng.generateDouble(), 26 + 10 * rng.generateDouble()});
        levels.push_back(kvs[rng.bounded(7)]);
    }
    const NearestPoints pts(points);
    const std::vector<double> minLevels = {0, 100, 230, 345, 500, 765};
    std::vector<std::vector<int>> subsetIndex(minLevels.size());
    std::vector<NearestPoints> subsets;
    for (std::size_t k = 0; k < minLevels.size(); ++k) {
        std::vector<LonLat> mine;
        for (std::size_t i = 0; i < points.size(); ++i) {
            if (levels[i] >= minLevels[k]) {
                mine.push_back(points[i]);
                subsetIndex[k].push_back(int(i));
            }
        }
        subsets.emplace_back(mine);
    }
    QVERIFY(subsetIndex.back().empty()); // nothing at 765 kV
    for (int q = 0; q < 300; ++q) {
        const LonLat site{-107 + 14 * rng.generateDouble(), 25.5 + 11 * rng.generateDouble()};
        const auto hits = pts.nearestAtOrAbove(site, levels, minLevels);
        QCOMPARE(hits.size(), minLevels.size());
        for (std::size_t k = 0; k < minLevels.size(); ++k) {
            double best = INFINITY;
            for (std::size_t i = 0; i < points.size(); ++i) {
                if (levels[i] >= minLevels[k])
                    best = std::min(
                            best,
                            geodesicDistance(site.lon, site.lat, points[i].lon, points[i].lat));
            }
            if (!std::isfinite(best)) {
                QCOMPARE(hits[k].index, -1);
                continue;
            }
            QVERIFY(hits[k].index >= 0);
            QVERIFY(levels[std::size_t(hits[k].index)] >= minLevels[k]);
            QVERIFY(std::abs(hits[k].distanceM - best) <= 1e-6 * best + 1e-3);
            const auto sub = subsets[k].nearest(site);
            QCOMPARE(subsetIndex[k][std::size_t(sub.index)], hits[k].index);
            QCOMPARE(sub.distanceM, hits[k].distanceM);
        }
    }
}

QTEST_APPLESS_MAIN(TestNearestPoints)
#include "test_nearestpoints.moc"
