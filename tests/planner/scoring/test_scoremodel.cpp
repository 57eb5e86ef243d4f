// SPDX-License-Identifier: GPL-3.0-or-later
// The site score model against values worked out by hand: each factor's normalisation, weight
// renormalisation, each exclusion and "no data means no score"; then the cell scorer (the
// heatmap's) against the point score on many random places.

#include "planner/core/scoring/scoremodel.h"

#include <QTest>

#include <cmath>
#include <random>

using planner::ScoreFactor;
using planner::ScoreInputs;
using planner::ScoreModel;

namespace {

ScoreFactor linear(const char *id, double worst, double best, double weight)
{
    ScoreFactor f;
    f.id = id;
    f.name = id;
    f.worst = worst;
    f.best = best;
    f.weight = weight;
    return f;
}

// The shape of resources/defaults/site-scoring.json: weights 30/10/10/15/15/20 (sum 100).
ScoreModel fixture()
{
    ScoreModel m;
    m.factors.push_back(linear("hv_substation_distance", 60, 3, 30));
    m.factors.push_back(linear("line_voltage", 69, 500, 10));
    ScoreFactor slope = linear("slope", 8, 0, 10);
    slope.excludeAbove = 15;
    m.factors.push_back(slope);
    ScoreFactor land;
    land.id = "land_class";
    land.kind = ScoreFactor::Kind::Classes;
    land.weight = 15;
    land.classScores = {{21, 0.8}, {71, 1.0}};
    land.excludedClasses = {{11, "open water"}};
    m.factors.push_back(land);
    m.factors.push_back(linear("land_price", 150000, 2000, 15));
    m.factors.push_back(linear("mean_temperature", 25, 10, 20));
    m.floodExclusion = "inside a 100-year flood zone";
    return m;
}

ScoreInputs inputs(double km, double kv, double slope, double land, double price, double temp,
                   std::optional<bool> flood = false)
{
    return {{km, kv, slope, land, price, temp}, flood};
}

} // namespace

class TestScoreModel : public QObject
{
    Q_OBJECT
private slots:
    void normalisation_data()
    {
        QTest::addColumn<int>("factor");
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("expected");
        // (value - worst) / (best - worst), clamped to 0..1.
        QTest::newRow("12 km: 48/57") << 0 << 12.0 << 48.0 / 57.0;
        QTest::newRow("closer than best") << 0 << 1.0 << 1.0;
        QTest::newRow("beyond worst") << 0 << 100.0 << 0.0;
        QTest::newRow("345 kV: 276/431") << 1 << 345.0 << 276.0 / 431.0;
        QTest::newRow("slope 2°: 6/8") << 2 << 2.0 << 0.75;
        QTest::newRow("class 21") << 3 << 21.0 << 0.8;
        QTest::newRow("class 71, rounded from 70.6") << 3 << 70.6 << 1.0;
        QTest::newRow("10,000 USD/acre: 140/148") << 4 << 10000.0 << 140.0 / 148.0;
        QTest::newRow("19 °C: 6/15") << 5 << 19.0 << 0.4;
    }
    void normalisation()
    {
        QFETCH(int, factor);
        QFETCH(double, value);
        QFETCH(double, expected);
        const auto s = fixture().factors.at(std::size_t(factor)).normalise(value);
        QVERIFY(s.has_value());
        QCOMPARE(*s, expected);
    }

    void unlistedClassAndNaNHaveNoScore()
    {
        const ScoreModel m = fixture();
        QVERIFY(!m.factors[3].normalise(23).has_value());
        QVERIFY(!m.factors[0].normalise(NAN).has_value());
        QVERIFY(!m.factors[2].excludes(NAN));
    }

    void equalWorstAndBest()
    {
        const ScoreFactor f = linear("x", 5, 5, 1);
        QCOMPARE(*f.normalise(5), 1.0);
        QCOMPARE(*f.normalise(4.9), 0.0);
    }

    void weightedSumByHand()
    {
        const auto s = planner::scoreSite(fixture(), inputs(12, 345, 2, 21, 10000, 19));
        QVERIFY(s.score.has_value());
        // (30·48/57 + 10·276/431 + 10·0.75 + 15·0.8 + 15·140/148 + 20·0.4) / 100
        QVERIFY(std::abs(*s.score - 0.733560593809098) < 1e-12);
        QVERIFY(!s.excluded);
        QVERIFY(s.complete);
        QCOMPARE(s.factors.size(), std::size_t(6));
        QCOMPARE(s.factors[0].weightShare, 0.30);
        QVERIFY(std::abs(*s.factors[0].contribution - 0.30 * 48.0 / 57.0) < 1e-12);
        QCOMPARE(*s.factors[5].value, 19.0);
    }

    void zeroWeightRenormalises()
    {
        ScoreModel m = fixture();
        m.factors[5].weight = 0.0;
        // The temperature has no value but no weight either: the other five count, out of 80.
        const auto s = planner::scoreSite(m, inputs(12, 345, 2, 21, 10000, NAN));
        QVERIFY(s.score.has_value());
        QVERIFY(std::abs(*s.score - 0.8169507422613724) < 1e-12);
        QCOMPARE(s.factors[0].weightShare, 30.0 / 80.0);
    }

    void noDataMeansNoScore()
    {
        const auto s = planner::scoreSite(fixture(), inputs(12, 345, 2, 21, NAN, 19));
        QVERIFY(!s.score.has_value());
        QVERIFY(!s.complete);
        QVERIFY(!s.excluded);
        const auto unlisted = planner::scoreSite(fixture(), inputs(12, 345, 2, 23, 10000, 19));
        QVERIFY(!unlisted.score.has_value());
    }

    void exclusions_data()
    {
        QTest::addColumn<double>("slope");
        QTest::addColumn<double>("land");
        QTest::addColumn<bool>("flood");
        QTest::addColumn<bool>("excluded");
        QTest::addColumn<int>("excludingFactor"); // -1: none or the flood rule
        QTest::newRow("slope 15.0 is the limit") << 15.0 << 21.0 << false << false << -1;
        QTest::newRow("slope 15.1") << 15.1 << 21.0 << false << true << 2;
        QTest::newRow("open water") << 2.0 << 11.0 << false << true << 3;
        QTest::newRow("flood zone") << 2.0 << 21.0 << true << true << -1;
    }
    void exclusions()
    {
        QFETCH(double, slope);
        QFETCH(double, land);
        QFETCH(bool, flood);
        QFETCH(bool, excluded);
        QFETCH(int, excludingFactor);
        const auto s =
                planner::scoreSite(fixture(), inputs(12, 345, slope, land, 10000, 19, flood));
        QCOMPARE(s.excluded, excluded);
        QCOMPARE(s.score.has_value(), !excluded);
        QCOMPARE(s.floodExcludes, flood);
        for (int k = 0; k < 6; ++k)
            QCOMPARE(s.factors[std::size_t(k)].excludes, k == excludingFactor);
    }

    void floodWithoutTheRuleDoesNotExclude()
    {
        ScoreModel m = fixture();
        m.floodExclusion.reset();
        const auto s = planner::scoreSite(m, inputs(12, 345, 2, 21, 10000, 19, true));
        QVERIFY(!s.excluded);
        QVERIFY(s.score.has_value());
    }

    void cellsEqualPointScores()
    {
        // Random places, with no-data, excluded and unlisted values mixed in.
        const ScoreModel m = fixture();
        const planner::CellScorer scorer(m);
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        const std::size_t n = 20000;
        std::vector<std::vector<float>> values(6, std::vector<float>(n));
        std::vector<unsigned char> flood(n);
        const double lo[6] = {0, 50, 0, 10, 1000, 5}, hi[6] = {90, 600, 20, 75, 200000, 30};
        const int classes[] = {11, 21, 23, 71};
        for (std::size_t i = 0; i < n; ++i) {
            for (int k = 0; k < 6; ++k) {
                double v = lo[k] + (hi[k] - lo[k]) * u(rng);
                if (k == 3)
                    v = classes[int(u(rng) * 4) % 4];
                values[std::size_t(k)][i] = u(rng) < 0.03 ? NAN : float(v);
            }
            flood[i] = u(rng) < 0.05;
        }
        const float *columns[6];
        for (int k = 0; k < 6; ++k)
            columns[k] = values[std::size_t(k)].data();
        std::vector<float> out(n);
        scorer.score(columns, flood.data(), n, out.data());
        int scored = 0, excluded = 0, none = 0;
        for (std::size_t i = 0; i < n; ++i) {
            ScoreInputs in;
            for (int k = 0; k < 6; ++k)
                in.values.push_back(double(values[std::size_t(k)][i]));
            in.inFloodZone = flood[i] != 0;
            const auto s = planner::scoreSite(m, in);
            if (s.excluded) {
                QCOMPARE(out[i], planner::CellScorer::kExcluded);
                ++excluded;
            } else if (s.score) {
                QCOMPARE(out[i], float(*s.score));
                ++scored;
            } else {
                QVERIFY(std::isnan(out[i]));
                ++none;
            }
        }
        // All three outcomes occur, so the comparison covers each of them.
        QVERIFY(scored > 1000 && excluded > 1000 && none > 1000);
    }

    void reachScoresZeroPastIt_data()
    {
        QTest::addColumn<double>("lineKm");
        QTest::addColumn<double>("kv");
        QTest::addColumn<bool>("beyond");
        QTest::addColumn<double>("expected"); // NaN: no score
        // Within the 30 km reach the 345 kV line counts as in weightedSumByHand: 0.7335605938…;
        // past it the line's 10·276/431 drops out of the sum and the weight stays:
        // 0.733560593809098 − 0.1·276/431 = 0.6695234708392604.
        QTest::newRow("29 km") << 29.0 << 345.0 << false << 0.733560593809098;
        QTest::newRow("30 km is the reach") << 30.0 << 345.0 << false << 0.733560593809098;
        QTest::newRow("31 km") << 31.0 << 345.0 << true << 0.6695234708392604;
        QTest::newRow("unknown voltage past the reach")
                << 31.0 << double(NAN) << true << 0.6695234708392604;
        QTest::newRow("unknown voltage within it") << 29.0 << double(NAN) << false << double(NAN);
        QTest::newRow("no line found") << double(NAN) << double(NAN) << false << double(NAN);
    }
    void reachScoresZeroPastIt()
    {
        QFETCH(double, lineKm);
        QFETCH(double, kv);
        QFETCH(bool, beyond);
        QFETCH(double, expected);
        ScoreModel m = fixture();
        m.factors[1].reachKm = 30.0;
        ScoreInputs in = inputs(12, kv, 2, 21, 10000, 19);
        in.distancesKm = {12, lineKm, NAN, NAN, NAN, NAN};
        const auto s = planner::scoreSite(m, in);
        QCOMPARE(s.factors[1].beyondReach, beyond);
        if (std::isnan(expected)) {
            QVERIFY(!s.score.has_value());
        } else {
            QVERIFY(s.score.has_value());
            QVERIFY2(std::abs(*s.score - expected) < 1e-12,
                     qPrintable(QString::number(*s.score, 'g', 17)));
        }
        if (beyond) {
            QCOMPARE(*s.factors[1].normalised, 0.0);
            QCOMPARE(*s.factors[1].contribution, 0.0);
        }
        // The cell scorer, given the same distances, agrees.
        const planner::CellScorer scorer(m);
        const float a = 12, b = float(kv), c = 2, d = 21, e = 10000, t = 19;
        const float hvKm = 12, km = float(lineKm);
        const float *columns[6] = {&a, &b, &c, &d, &e, &t};
        const float *distances[6] = {&hvKm, &km, nullptr, nullptr, nullptr, nullptr};
        float out = 0;
        scorer.score(columns, nullptr, 1, &out, distances);
        if (std::isnan(expected))
            QVERIFY(std::isnan(out));
        else
            QVERIFY(std::abs(out - expected) < 1e-6);
    }

    void reachOnTheDistanceFactorItself()
    {
        // A reach shorter than `worst`: 40 km scores 20/57 within it, 0 past it.
        ScoreModel m = fixture();
        m.factors[0].reachKm = 39.0;
        ScoreInputs in = inputs(40, 345, 2, 21, 10000, 19);
        in.distancesKm = {40, NAN, NAN, NAN, NAN, NAN};
        auto s = planner::scoreSite(m, in);
        QVERIFY(s.factors[0].beyondReach);
        QCOMPARE(*s.factors[0].normalised, 0.0);
        m.factors[0].reachKm = 41.0;
        s = planner::scoreSite(m, in);
        QVERIFY(!s.factors[0].beyondReach);
        QCOMPARE(*s.factors[0].normalised, 20.0 / 57.0);
    }

    void cellsEqualPointScoresWithReach()
    {
        // Distances spread about the reach of the two distance factors.
        ScoreModel m = fixture();
        m.factors[0].reachKm = 45.0;
        m.factors[1].reachKm = 30.0;
        m.factors[3].reachKm = 20.0; // a class factor (table path) with a reach too
        const planner::CellScorer scorer(m);
        std::mt19937 rng(11);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        const std::size_t n = 20000;
        std::vector<std::vector<float>> values(6, std::vector<float>(n));
        std::vector<float> lineKm(n), landKm(n);
        const double lo[6] = {0, 50, 0, 21, 1000, 5}, hi[6] = {90, 600, 20, 21, 200000, 30};
        for (std::size_t i = 0; i < n; ++i) {
            for (int k = 0; k < 6; ++k)
                values[std::size_t(k)][i] = float(lo[k] + (hi[k] - lo[k]) * u(rng));
            if (u(rng) < 0.05)
                values[1][i] = NAN; // a line of unknown voltage
            lineKm[i] = u(rng) < 0.02 ? NAN : float(60.0 * u(rng));
            // Land classes: listed, excluded (open water) and unlisted, either side of 20 km.
            const float codes[4] = {21.0F, 71.0F, 11.0F, 50.0F};
            values[3][i] = codes[std::size_t(4.0 * u(rng)) % 4];
            landKm[i] = float(40.0 * u(rng));
        }
        const float *columns[6], *distances[6] = {values[0].data(), lineKm.data(), nullptr,
                                                  landKm.data(),    nullptr,       nullptr};
        for (int k = 0; k < 6; ++k)
            columns[k] = values[std::size_t(k)].data();
        std::vector<float> out(n);
        scorer.score(columns, nullptr, n, out.data(), distances);
        int beyond = 0, within = 0, landBeyond = 0, waterPast = 0;
        for (std::size_t i = 0; i < n; ++i) {
            ScoreInputs in;
            for (int k = 0; k < 6; ++k)
                in.values.push_back(double(values[std::size_t(k)][i]));
            in.distancesKm = {
                    double(values[0][i]), double(lineKm[i]), NAN, double(landKm[i]), NAN, NAN};
            const auto s = planner::scoreSite(m, in);
            beyond += s.factors[1].beyondReach;
            landBeyond += s.factors[3].beyondReach;
            waterPast += s.factors[3].beyondReach && values[3][i] == 11.0F;
            within += !s.factors[1].beyondReach && s.score.has_value();
            if (s.excluded)
                QCOMPARE(out[i], planner::CellScorer::kExcluded);
            else if (s.score)
                QCOMPARE(out[i], float(*s.score));
            else
                QVERIFY(std::isnan(out[i]));
        }
        QVERIFY(beyond > 5000 && within > 5000);
        // Open water past the land reach scores 0 there and excludes nothing.
        QVERIFY(landBeyond > 5000 && waterPast > 1000);
    }

    void missingColumnIsNoData()
    {
        const planner::CellScorer scorer(fixture());
        const float a = 12, b = 345, c = 2, d = 21, e = 10000;
        const float *columns[6] = {&a, &b, &c, &d, &e, nullptr};
        float out = 0;
        scorer.score(columns, nullptr, 1, &out);
        QVERIFY(std::isnan(out));
    }
};

QTEST_APPLESS_MAIN(TestScoreModel)
#include "test_scoremodel.moc"
