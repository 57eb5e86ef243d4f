// SPDX-License-Identifier: GPL-3.0-or-later
// Spatial index queries against brute force with Karney's geodesic on seeded random data:
// nearest point (with voltage filters), nearest segment, features within a radius, and
// point-in-polygon against GEOS (through OGR).
#include "maps/vector/spatialindex.h"

#include <QRandomGenerator>
#include <QTest>

#include <geodesic.h>
#include <ogr_geometry.h>

#include <cmath>
#include <set>

using namespace maps;

namespace {

constexpr std::array<float, 8> kVoltages{69, 115, 138, 230, 345, 500, 765, NAN};

FeatureStore randomPoints(QRandomGenerator &rng, int n, double lon0, double lat0, double span)
{
    FeatureStore s;
    s.kind = GeometryKind::Point;
    for (int i = 0; i < n; ++i) {
        const LonLat p{lon0 + rng.bounded(span), std::clamp(lat0 + rng.bounded(span), -90.0, 90.0)};
        s.addPart(std::span(&p, 1));
        s.endFeature(i, kVoltages[rng.bounded(8)], NAN, NAN, 0);
    }
    return s;
}

// Polylines of a few segments, each 2-40 km long.
FeatureStore randomLines(QRandomGenerator &rng, int n, double lon0, double lat0, double span)
{
    FeatureStore s;
    s.kind = GeometryKind::Line;
    for (int i = 0; i < n; ++i) {
        std::vector<LonLat> pts{{lon0 + rng.bounded(span), lat0 + rng.bounded(span)}};
        const int segments = 1 + rng.bounded(5);
        for (int k = 0; k < segments; ++k) {
            const double step = 0.02 + rng.bounded(0.35);
            const double angle = rng.bounded(2 * M_PI);
            pts.push_back({pts.back().lon + step * std::cos(angle) / std::cos(lat0 * M_PI / 180),
                           pts.back().lat + step * std::sin(angle)});
        }
        s.addPart(pts);
        s.endFeature(i, kVoltages[rng.bounded(8)], NAN, NAN, 0);
    }
    return s;
}

double pointDistance(const FeatureStore &s, int f, LonLat q)
{
    const LonLat p = s.vertices[s.partStarts[s.featureParts[f]]];
    return geodesicDistance(q.lon, q.lat, p.lon, p.lat);
}

// Minimum over the geodesic from a to b (golden-section search on Karney's geodesic line).
double segmentDistance(LonLat q, LonLat a, LonLat b)
{
    geod_geodesic g;
    geod_init(&g, kWgs84A, kWgs84F);
    geod_geodesicline line;
    geod_inverseline(&line, &g, a.lat, a.lon, b.lat, b.lon, 0);
    const auto at = [&](double t) {
        double lat = 0;
        double lon = 0;
        geod_position(&line, t * line.s13, &lat, &lon, nullptr);
        return geodesicDistance(q.lon, q.lat, lon, lat);
    };
    double lo = 0.0;
    double hi = 1.0;
    const double r = (std::sqrt(5.0) - 1) / 2;
    for (int i = 0; i < 60; ++i) {
        const double m1 = hi - r * (hi - lo);
        const double m2 = lo + r * (hi - lo);
        (at(m1) < at(m2) ? hi : lo) = (at(m1) < at(m2) ? m2 : m1);
    }
    return std::min({at(0.0), at(1.0), at(0.5 * (lo + hi))});
}

double lineDistance(const FeatureStore &s, int f, LonLat q, double stopBelow)
{
    double best = INFINITY;
    for (std::uint32_t p = s.featureParts[f]; p < s.featureParts[f + 1]; ++p) {
        const auto part = s.part(p);
        for (std::size_t i = 0; i + 1 < part.size(); ++i) {
            const double da = geodesicDistance(q.lon, q.lat, part[i].lon, part[i].lat);
            const double len =
                    geodesicDistance(part[i].lon, part[i].lat, part[i + 1].lon, part[i + 1].lat);
            if (da - len > std::min(best, stopBelow)) {
                continue; // cannot be closer than what we have
            }
            best = std::min(best, segmentDistance(q, part[i], part[i + 1]));
        }
    }
    return best;
}

// Relative tolerance plus an absolute one for tiny distances (10 cm: how the straight segment
// between two vertices is interpolated is a convention; geodesic and normal section differ).
bool close(double a, double b, double rel, double absolute = 1e-3)
{
    return std::abs(a - b) <= rel * std::max(a, b) + absolute;
}

} // namespace

class TestSpatialIndex : public QObject
{
    Q_OBJECT

private slots:
    void nearestPointMatchesBruteForce_data()
    {
        QTest::addColumn<double>("lon0");
        QTest::addColumn<double>("lat0");
        QTest::addColumn<double>("span");
        QTest::newRow("Texas") << -106.0 << 26.0 << 10.0;
        QTest::newRow("Arctic") << 10.0 << 70.0 << 19.9;
        QTest::newRow("antimeridian") << 170.0 << -50.0 << 20.0;
        QTest::newRow("whole globe") << -180.0 << -90.0 << 360.0;
    }
    void nearestPointMatchesBruteForce()
    {
        QFETCH(double, lon0);
        QFETCH(double, lat0);
        QFETCH(double, span);
        QRandomGenerator rng(42);
        const FeatureStore s = randomPoints(rng, 3000, lon0, lat0, span);
        const auto index = SpatialIndex::build(s);
        QVERIFY(index);
        for (int k = 0; k < 150; ++k) {
            const LonLat q{lon0 + rng.bounded(span),
                           std::clamp(lat0 + rng.bounded(span), -90.0, 90.0)};
            const KvFilter filter = k % 2 ? KvFilter{230.0} : KvFilter{};
            double brute = INFINITY;
            for (int f = 0; f < int(s.featureCount()); ++f) {
                const float kv = std::isnan(s.kv[f]) ? -1.0F : s.kv[f];
                if (filter.matches(kv)) {
                    brute = std::min(brute, pointDistance(s, f, q));
                }
            }
            const auto hit = index->nearest(s, q, filter);
            QVERIFY(hit.has_value());
            QVERIFY2(close(hit->distanceM, brute, 1e-5),
                     qPrintable(QStringLiteral("%1 vs %2").arg(hit->distanceM).arg(brute)));
            QVERIFY(close(pointDistance(s, hit->feature, q), brute, 1e-5));
            if (k % 2) {
                QVERIFY(s.kv[hit->feature] >= 230.0F);
            }
        }
    }

    void voltageClassFilters()
    {
        QRandomGenerator rng(5);
        const FeatureStore s = randomPoints(rng, 2000, -100, 30, 5);
        const auto index = SpatialIndex::build(s);
        const LonLat q{-97.5, 32.5};
        // [345, 450) holds only 345 kV points; nothing is 1000 kV or more.
        const auto hit = index->nearest(s, q, KvFilter{345.0, 450.0});
        QVERIFY(hit);
        QCOMPARE(s.kv[hit->feature], 345.0F);
        QVERIFY(!index->nearest(s, q, KvFilter{1000.0}).has_value());
    }

    void nearestLineMatchesBruteForce()
    {
        QRandomGenerator rng(3);
        for (const auto &[lon0, lat0] : {std::pair{-104.0, 28.0}, std::pair{20.0, 66.0}}) {
            const FeatureStore s = randomLines(rng, 400, lon0, lat0, 6.0);
            const auto index = SpatialIndex::build(s);
            QVERIFY(index);
            for (int k = 0; k < 40; ++k) {
                const LonLat q{lon0 + rng.bounded(6.0), lat0 + rng.bounded(6.0)};
                const auto hit = index->nearest(s, q);
                QVERIFY(hit);
                double brute = INFINITY;
                for (int f = 0; f < int(s.featureCount()); ++f) {
                    brute = std::min(brute, lineDistance(s, f, q, brute));
                }
                // Segment interpolation models differ by far less than the 0.5 % budget.
                QVERIFY2(close(hit->distanceM, brute, 1e-3, 0.1),
                         qPrintable(QStringLiteral("%1 vs %2").arg(hit->distanceM).arg(brute)));
                QVERIFY(close(geodesicDistance(q.lon, q.lat, hit->nearestPoint.lon,
                                               hit->nearestPoint.lat),
                              hit->distanceM, 1e-4));
            }
        }
    }

    // A bound at or above the nearest distance changes nothing (same feature, same distance);
    // one below it finds nothing. Points and lines, one of each store.
    void boundedNearestIsTheUnboundedOne()
    {
        QRandomGenerator rng(5);
        const FeatureStore stores[] = {randomLines(rng, 300, -104.0, 28.0, 6.0),
                                       randomPoints(rng, 500, -104.0, 28.0, 6.0)};
        for (const FeatureStore &s : stores) {
            const auto index = SpatialIndex::build(s);
            QVERIFY(index);
            for (int k = 0; k < 60; ++k) {
                const LonLat q{-104.0 + rng.bounded(6.0), 28.0 + rng.bounded(6.0)};
                const auto free = index->nearest(s, q);
                QVERIFY(free && free->distanceM > 0.0);
                const auto atBound = index->nearest(s, q, {}, free->distanceM);
                const auto loose = index->nearest(s, q, {}, free->distanceM * 3.0 + 1000.0);
                QVERIFY(atBound && loose);
                QCOMPARE(atBound->feature, free->feature);
                QCOMPARE(loose->feature, free->feature);
                QCOMPARE(loose->distanceM, free->distanceM);
                QVERIFY(!index->nearest(s, q, {}, free->distanceM * 0.5));
            }
        }
    }

    // Tiles of grid points asked at once give each point's own answer (feature and distance to
    // the bit), with and without a voltage filter, on points and on lines; lines that meet at
    // shared vertices make exact ties, which must go the same way in both.
    void batchedNearestIsEachPointsNearest()
    {
        QRandomGenerator rng(21);
        FeatureStore star;
        star.kind = GeometryKind::Line;
        // Spokes of different voltages from shared hubs: cells beyond a hub are exactly as near
        // to every spoke (the hub itself).
        for (int hub = 0; hub < 6; ++hub) {
            const LonLat centre{-103.0 + hub * 0.7, 29.0 + (hub % 3) * 0.9};
            for (int spoke = 0; spoke < 4; ++spoke) {
                const double angle = 0.3 + 0.25 * spoke; // a fan: behind the hub, all tie
                const std::vector<LonLat> pts{
                        centre,
                        {centre.lon + 0.3 * std::cos(angle), centre.lat + 0.3 * std::sin(angle)}};
                star.addPart(pts);
                star.endFeature(int(star.featureCount()), kVoltages[std::size_t(spoke)], NAN, NAN,
                                0);
            }
        }
        const FeatureStore stores[] = {randomLines(rng, 300, -104.0, 28.0, 6.0),
                                       randomPoints(rng, 800, -104.0, 28.0, 6.0), star};
        const KvFilter filters[] = {KvFilter{}, KvFilter{230.0}};
        int ties = 0, asked = 0;
        for (const FeatureStore &s : stores) {
            const auto index = SpatialIndex::build(s);
            QVERIFY(index);
            for (const KvFilter &filter : filters) {
                for (int tile = 0; tile < 24; ++tile) {
                    const double step = 0.001 * (1 + rng.bounded(40));
                    // On the spokes' store, tiles around the hubs, where the ties are.
                    LonLat corner{-104.0 + rng.bounded(6.0), 28.0 + rng.bounded(3.5)};
                    if (&s == &stores[2]) {
                        const auto part = s.part(s.featureParts[std::size_t(4 * (tile % 6))]);
                        corner = {part[0].lon - 8 * step, part[0].lat - 8 * step};
                    }
                    std::vector<LonLat> points;
                    for (int r = 0; r < 16; ++r) {
                        for (int c = 0; c < 16; ++c)
                            points.push_back({corner.lon + c * step, corner.lat + r * step});
                    }
                    std::vector<Hit> hits(points.size());
                    index->nearestDistances(s, points.data(), points.size(), filter, hits.data());
                    for (std::size_t k = 0; k < points.size(); ++k) {
                        const auto one = index->nearestDistance(s, points[k], filter);
                        QVERIFY(one);
                        QCOMPARE(hits[k].feature, one->feature);
                        QCOMPARE(hits[k].distanceM, one->distanceM);
                        ++asked;
                        // An exact tie: another feature just as near (within() walks the tree
                        // its own way).
                        int equal = 0;
                        for (const Hit &h : index->within(s, points[k], one->distanceM, filter))
                            equal += h.distanceM == one->distanceM;
                        ties += equal > 1;
                    }
                    // And against brute force with Karney's geodesic, for two of them.
                    for (std::size_t k : {std::size_t(rng.bounded(256)), std::size_t(255)}) {
                        double brute = INFINITY;
                        for (int f = 0; f < int(s.featureCount()); ++f) {
                            if (!filter.matches(std::isnan(s.kv[f]) ? -1.0F : s.kv[f]))
                                continue;
                            brute = std::min(brute,
                                             s.kind == GeometryKind::Point
                                                     ? pointDistance(s, f, points[k])
                                                     : lineDistance(s, f, points[k], brute));
                        }
                        QVERIFY2(close(hits[k].distanceM, brute, 1e-3, 0.1),
                                 qPrintable(QStringLiteral("%1 vs %2")
                                                    .arg(hits[k].distanceM)
                                                    .arg(brute)));
                    }
                }
            }
        }
        QVERIFY(asked > 30000);
        QVERIFY2(ties > 100, qPrintable(QString::number(ties))); // the ties were exercised
        // Nothing passes the filter: no hit for any point.
        const auto index = SpatialIndex::build(stores[1]);
        std::vector<LonLat> points(8, LonLat{-100.0, 30.0});
        std::vector<Hit> hits(points.size());
        index->nearestDistances(stores[1], points.data(), points.size(), KvFilter{2000.0},
                                hits.data());
        for (const Hit &h : hits)
            QCOMPARE(h.feature, -1);
    }

    void withinRadiusMatchesBruteForce()
    {
        QRandomGenerator rng(9);
        const FeatureStore s = randomPoints(rng, 4000, 5, 45, 4);
        const auto index = SpatialIndex::build(s);
        for (int k = 0; k < 60; ++k) {
            const LonLat q{5 + rng.bounded(4.0), 45 + rng.bounded(4.0)};
            const double radius = 1000 + rng.bounded(30000.0);
            const auto hits = index->within(s, q, radius);
            std::set<int> got;
            for (const Hit &h : hits) {
                got.insert(h.feature);
                QVERIFY(h.distanceM <= radius);
            }
            QVERIFY(std::is_sorted(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) {
                return a.distanceM < b.distanceM;
            }));
            for (int f = 0; f < int(s.featureCount()); ++f) {
                const double d = pointDistance(s, f, q);
                if (std::abs(d - radius) > 1e-6 * radius) {
                    QCOMPARE(got.count(f) == 1, d <= radius);
                }
            }
        }
    }

    void containmentMatchesGeos()
    {
        if (!OGRGeometryFactory::haveGEOS()) {
            QSKIP("GDAL was built without GEOS: no independent point-in-polygon reference");
        }
        QRandomGenerator rng(13);
        FeatureStore s;
        s.kind = GeometryKind::Polygon;
        std::vector<std::unique_ptr<OGRPolygon>> reference;
        for (int i = 0; i < 200; ++i) {
            // Star-shaped ring (valid, possibly concave) around a random centre.
            const LonLat c{-10 + rng.bounded(20.0), 40 + rng.bounded(15.0)};
            std::vector<LonLat> ring;
            auto poly = std::make_unique<OGRPolygon>();
            OGRLinearRing ogrRing;
            const int n = 5 + rng.bounded(12);
            for (int k = 0; k <= n; ++k) {
                const double a = 2 * M_PI * (k % n) / n;
                const double r = 0.2 + rng.bounded(1.0);
                const LonLat p = k == n ? ring.front()
                                        : LonLat{c.lon + r * std::cos(a), c.lat + r * std::sin(a)};
                ring.push_back(p);
                ogrRing.addPoint(p.lon, p.lat);
            }
            poly->addRing(&ogrRing);
            s.addPart(ring);
            s.endFeature(i, NAN, NAN, NAN, 0);
            reference.push_back(std::move(poly));
        }
        const auto index = SpatialIndex::build(s);
        int insideCount = 0;
        for (int k = 0; k < 2000; ++k) {
            const LonLat q{-11 + rng.bounded(22.0), 39 + rng.bounded(17.0)};
            const OGRPoint pt(q.lon, q.lat);
            std::vector<int> expected;
            for (int f = 0; f < int(reference.size()); ++f) {
                if (reference[f]->Contains(&pt)) {
                    expected.push_back(f);
                }
            }
            insideCount += int(!expected.empty());
            QCOMPARE(index->containing(s, q), expected);
            const auto hit = index->nearest(s, q);
            QVERIFY(hit);
            QCOMPARE(hit->distanceM == 0.0, !expected.empty());
        }
        QVERIFY(insideCount > 100); // the test exercised both answers
    }

    void emptyStore()
    {
        FeatureStore s;
        s.kind = GeometryKind::Point;
        const auto index = SpatialIndex::build(s);
        QVERIFY(index);
        QVERIFY(!index->nearest(s, {0, 0}).has_value());
        QVERIFY(index->within(s, {0, 0}, 1e6).empty());
    }

    void cancelledBuild()
    {
        QRandomGenerator rng(1);
        const FeatureStore s = randomPoints(rng, 1000, 0, 0, 1);
        std::atomic<bool> cancel{true};
        const auto index = SpatialIndex::build(s, {}, &cancel);
        QVERIFY(!index);
        QCOMPARE(index.error().code, ErrorCode::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestSpatialIndex)
#include "test_spatialindex.moc"
