// SPDX-License-Identifier: GPL-3.0-or-later
// Monte Carlo over schedule networks, checked against closed-form results: the inverse CDFs of
// the triangular and shifted lognormal distributions, the mean and variance of sampled
// durations, tasks in series (means add) and in parallel (the max of two independent tasks),
// convergence with the sample count, reproducibility with a seed, and the criticality index.

#include "planner/core/montecarlo/montecarlo.h"
#include "planner/core/montecarlo/montecarlorandom.h"
#include "planner/core/montecarlo/montecarlosampler.h"
#include "planner/core/montecarlo/montecarlowhatif.h"

#include <QTest>

#include <cmath>

using namespace planner;

class TestMonteCarlo : public QObject
{
    Q_OBJECT
private slots:
    void uniformsAreOpenAndUnbiased();
    void triangularQuantileInvertsTheCdf();
    void lognormalQuantileHitsTypicalAndMax();
    void sampledMomentsMatchTheDistribution();
    void seriesMeansAdd();
    void parallelIsTheMaxOfIndependentTasks();
    void errorShrinksWithSampleCount();
    void sameSeedSameResult();
    void criticalityOfDominantAndTiedBranches();
    void tailCriticalityFindsTheP90Driver();
    void anyJoinFollowsTheFirstFinisher();
    void quantileInterpolates();
    void taskDrawsDependOnItsIdOnly();
    void whatIfEqualsAFullRun();
};

static ScheduleTask task(const std::string &id, ThreePoint d, std::vector<std::string> preds = {},
                         Distribution dist = Distribution::Triangular, Join join = Join::All)
{
    return ScheduleTask{id, id, d, dist, std::move(preds), join, {}};
}

static ScheduleNetwork network(std::vector<ScheduleTask> tasks)
{
    auto net = ScheduleNetwork::create(std::move(tasks));
    if (!net) {
        qFatal("%s", net.error().message.c_str());
    }
    return std::move(*net);
}

static SampleMatrix run(const ScheduleNetwork &net, int samples, std::uint64_t seed)
{
    return finishTimes(net, MonteCarloSampler(net, samples, seed).durations());
}

// CDF of the triangular distribution with min a, mode c, max b.
static double triangularCdf(double a, double c, double b, double x)
{
    if (x <= c) {
        return (x - a) * (x - a) / ((b - a) * (c - a));
    }
    return 1.0 - (b - x) * (b - x) / ((b - a) * (b - c));
}

void TestMonteCarlo::uniformsAreOpenAndUnbiased()
{
    const CounterRandom random(42);
    const int n = 200000;
    double sum = 0.0, sumSq = 0.0, normalSum = 0.0, normalSq = 0.0;
    for (int i = 0; i < n; ++i) {
        const double u = random.uniform(3, static_cast<std::uint64_t>(i));
        QVERIFY(u > 0.0 && u < 1.0);
        sum += u;
        sumSq += u * u;
        const double z = random.normal(4, static_cast<std::uint64_t>(i));
        normalSum += z;
        normalSq += z * z;
    }
    // Uniform: mean 1/2, variance 1/12; standard normal: mean 0, variance 1. Tolerances are
    // about five standard errors at n = 200,000.
    QVERIFY(std::abs(sum / n - 0.5) < 0.0035);
    QVERIFY(std::abs(sumSq / n - sum * sum / n / n - 1.0 / 12.0) < 0.001);
    QVERIFY(std::abs(normalSum / n) < 0.012);
    QVERIFY(std::abs(normalSq / n - 1.0) < 0.016);
    // Streams and counters are independent inputs: a different stream gives other numbers.
    QVERIFY(random.uniform(0, 7) != random.uniform(1, 7));
    QCOMPARE(random.uniform(0, 7), CounterRandom(42).uniform(0, 7));
}

void TestMonteCarlo::triangularQuantileInvertsTheCdf()
{
    const ThreePoint d{2.0, 5.0, 11.0};
    for (double x = 2.25; x < 11.0; x += 0.5) {
        const double u = triangularCdf(d.min, d.typical, d.max, x);
        QVERIFY(std::abs(MonteCarloSampler::triangularQuantile(d, u) - x) < 1e-12);
    }
    QCOMPARE(MonteCarloSampler::triangularQuantile(ThreePoint{4, 4, 4}, 0.3), 4.0);
    // Symmetric triangle: the median is the mode.
    QCOMPARE(MonteCarloSampler::triangularQuantile(ThreePoint{1, 3, 5}, 0.5), 3.0);
}

void TestMonteCarlo::lognormalQuantileHitsTypicalAndMax()
{
    const ThreePoint d{18.5, 29.5, 48.5};
    QCOMPARE(MonteCarloSampler::lognormalQuantile(d, 0.0), 29.5);
    QVERIFY(std::abs(MonteCarloSampler::lognormalQuantile(d, 1.6448536269514722) - 48.5) < 1e-9);
    QVERIFY(MonteCarloSampler::lognormalQuantile(d, -8.0) > d.min);
    const double sigma = MonteCarloSampler::lognormalSigma(d);
    QVERIFY(std::abs(sigma - std::log(30.0 / 11.0) / 1.6448536269514722) < 1e-12);
}

void TestMonteCarlo::sampledMomentsMatchTheDistribution()
{
    const ThreePoint d{2.0, 5.0, 11.0};
    const auto net = network(
            {task("t", d), task("l", ThreePoint{18.5, 29.5, 48.5}, {}, Distribution::Lognormal)});
    const int n = 100000;
    const SampleMatrix x = MonteCarloSampler(net, n, 7).durations();
    const auto tri = x.row(0).array();
    // Triangular: mean (a+b+c)/3, variance (a²+b²+c²-ab-ac-bc)/18.
    const double mean = (d.min + d.typical + d.max) / 3.0;
    const double var = (d.min * d.min + d.typical * d.typical + d.max * d.max - d.min * d.typical
                        - d.min * d.max - d.typical * d.max)
            / 18.0;
    const double sampleVar = (tri - tri.mean()).square().sum() / (n - 1);
    QVERIFY(std::abs(tri.mean() - mean) < 5.0 * std::sqrt(var / n));
    QVERIFY(std::abs(sampleVar / var - 1.0) < 0.02);
    // Shifted lognormal: median at typical, 95th percentile at max.
    std::vector<double> logn(x.row(1).data(), x.row(1).data() + n);
    QVERIFY(std::abs(quantile(logn, 0.5) / 29.5 - 1.0) < 0.01);
    QVERIFY(std::abs(quantile(logn, 0.95) / 48.5 - 1.0) < 0.015);
    QVERIFY(x.row(1).minCoeff() > 18.5);
}

void TestMonteCarlo::seriesMeansAdd()
{
    const ThreePoint a{1, 2, 6}, b{3, 4, 5}, c{0, 6, 6};
    const auto net = network({task("a", a), task("b", b, {"a"}), task("c", c, {"b"})});
    const int n = 50000;
    const Percentiles p = percentiles(run(net, n, 11), 2);
    const auto mean = [](ThreePoint d) {
        return (d.min + d.typical + d.max) / 3.0;
    };
    const auto var = [](ThreePoint d) {
        return (d.min * d.min + d.typical * d.typical + d.max * d.max - d.min * d.typical
                - d.min * d.max - d.typical * d.max)
                / 18.0;
    };
    const double expected = mean(a) + mean(b) + mean(c);
    const double se = std::sqrt((var(a) + var(b) + var(c)) / n);
    QVERIFY2(std::abs(p.mean.value() - expected) < 5.0 * se,
             qPrintable(QString("%1 vs %2").arg(p.mean.value()).arg(expected)));
    QVERIFY(p.p10 < p.p50 && p.p50 < p.p90);
}

// Two independent tasks with the same triangular duration in parallel: P(max <= x) = F(x)², so
// the median of the max is F⁻¹(√0.5).
static double analyticMedianOfMax(ThreePoint d)
{
    return MonteCarloSampler::triangularQuantile(d, std::sqrt(0.5));
}

void TestMonteCarlo::parallelIsTheMaxOfIndependentTasks()
{
    const ThreePoint d{2, 3, 7};
    const auto net = network({task("x", d), task("y", d), task("join", {}, {"x", "y"})});
    const Percentiles p = percentiles(run(net, 100000, 5), 2);
    QVERIFY(std::abs(p.p50.value() - analyticMedianOfMax(d)) < 0.02);
    // P90 of the max: F(x)² = 0.9.
    const double p90 = MonteCarloSampler::triangularQuantile(d, std::sqrt(0.9));
    QVERIFY(std::abs(p.p90.value() - p90) < 0.03);
}

void TestMonteCarlo::errorShrinksWithSampleCount()
{
    const ThreePoint d{2, 3, 7};
    const auto net = network({task("x", d), task("y", d), task("join", {}, {"x", "y"})});
    const double truth = analyticMedianOfMax(d);
    const auto rmsError = [&](int samples) {
        double sq = 0.0;
        const int seeds = 12;
        for (int s = 1; s <= seeds; ++s) {
            const double e = percentiles(run(net, samples, 1000 + s), 2).p50.value() - truth;
            sq += e * e;
        }
        return std::sqrt(sq / seeds);
    };
    const double coarse = rmsError(1000);
    const double fine = rmsError(16000);
    // Monte Carlo error falls as 1/√N: 16 times the samples, about a quarter of the error.
    QVERIFY2(fine < coarse / 2.0, qPrintable(QString("%1 vs %2").arg(fine).arg(coarse)));
}

void TestMonteCarlo::sameSeedSameResult()
{
    const auto net =
            network({task("a", {1, 2, 4}), task("b", {2, 5, 9}, {"a"}, Distribution::Lognormal),
                     task("c", {1, 1.5, 2}, {"a"}), task("d", {0, 0, 0}, {"b", "c"})});
    const SampleMatrix first = run(net, 3000, 99);
    const SampleMatrix again = run(net, 3000, 99);
    QVERIFY(first == again);
    QVERIFY(first != run(net, 3000, 100));
    // Counter-based: the first samples do not depend on how many are drawn.
    const SampleMatrix more = run(net, 5000, 99);
    QVERIFY(more.leftCols(3000) == first);
}

void TestMonteCarlo::criticalityOfDominantAndTiedBranches()
{
    const auto net = network({task("long", {10, 11, 12}), task("short", {1, 1.5, 2}),
                              task("same1", {3, 4, 5}), task("same2", {3, 4, 5}),
                              task("end", {}, {"long", "short", "same1", "same2"}),
                              task("tie", {}, {"same1", "same2"})});
    const SampleMatrix f = run(net, 40000, 3);
    const Criticality c = criticality(net, f, 4);
    QCOMPARE(c.index[0], 1.0);
    QCOMPARE(c.index[1], 0.0);
    QCOMPARE(c.index[4], 1.0);
    // Two independent, identical branches each drive half of the samples.
    const Criticality t = criticality(net, f, 5);
    QVERIFY(std::abs(t.index[2] - 0.5) < 0.01);
    QVERIFY(std::abs(t.index[2] + t.index[3] - 1.0) < 1e-12);
    QCOMPARE(t.index[0], 0.0);
}

void TestMonteCarlo::tailCriticalityFindsTheP90Driver()
{
    // x ≤ 6 always; P(max(x, y) ≤ t) = 0.9 gives t ≈ 6.66 (y's CDF with x certain below 6), so
    // every sample at or beyond the P90 is driven by y, though x drives many others.
    const auto net =
            network({task("x", {4, 5, 6}), task("y", {2, 5, 8}), task("end", {}, {"x", "y"})});
    const Criticality c = criticality(net, run(net, 40000, 8), 2);
    QCOMPARE(c.tailIndex[1], 1.0);
    QCOMPARE(c.tailIndex[0], 0.0);
    QVERIFY(c.index[0] > 0.3 && c.index[1] < 0.7);
}

void TestMonteCarlo::anyJoinFollowsTheFirstFinisher()
{
    const auto net =
            network({task("grid", {10, 12, 14}), task("bridge", {3, 4, 5}),
                     task("first", {}, {"grid", "bridge"}, Distribution::Triangular, Join::Any),
                     task("phase", {1, 1, 1}, {"first"})});
    const SampleMatrix f = run(net, 2000, 4);
    QVERIFY((f.row(3).array() == f.row(1).array() + 1.0).all());
    const Criticality c = criticality(net, f, 3);
    QCOMPARE(c.index[1], 1.0);
    QCOMPARE(c.index[0], 0.0);
}

void TestMonteCarlo::quantileInterpolates()
{
    std::vector<double> v{5, 1, 4, 2, 3};
    QCOMPARE(quantile(v, 0.5), 3.0);
    QCOMPARE(quantile(v, 0.0), 1.0);
    QCOMPARE(quantile(v, 1.0), 5.0);
    QCOMPARE(quantile(v, 0.1), 1.4); // h = 0.4 between 1 and 2
    QVERIFY(std::isnan(quantile(std::span<double>(), 0.5)));
}

void TestMonteCarlo::taskDrawsDependOnItsIdOnly()
{
    // The same task in two networks, at different positions, draws the same durations.
    const auto small = network({task("a", {1, 2, 4}), task("b", {2, 5, 9}, {"a"})});
    const auto large = network({task("x", {3, 4, 8}), task("b", {2, 5, 9}, {"x"}),
                                task("a", {1, 2, 4}), task("c", {0, 1, 2}, {"a", "b"})});
    const SampleMatrix s = MonteCarloSampler(small, 500, 21).durations();
    const SampleMatrix l = MonteCarloSampler(large, 500, 21).durations();
    QVERIFY(s.row(0) == l.row(2));
    QVERIFY(s.row(1) == l.row(1));
    QVERIFY(l.row(0) != l.row(2));
}

void TestMonteCarlo::whatIfEqualsAFullRun()
{
    const auto net =
            network({task("a", {1, 2, 4}), task("b", {2, 5, 9}, {"a"}, Distribution::Lognormal),
                     task("c", {1, 1.5, 2}, {"a"}), task("d", {3, 4, 6}),
                     task("e", {0, 0, 0}, {"b", "c", "d"}), task("f", {1, 2, 3}, {"e"})});
    MonteCarloOptions options;
    options.samples = 3001;
    options.seed = 5;
    MonteCarloWhatIf whatIf(net, options);
    const MonteCarloSampler sampler(net, options.samples, options.seed);
    const SampleMatrix base = whatIf.baseFinish();
    const std::vector<std::vector<double>> cases{{1, 1, 1, 1, 1, 1},    {1.5, 1, 1, 1, 1, 1},
                                                 {1, 0.5, 1, 1, 1, 1},  {1, 1, 1, 2.0, 1, 1},
                                                 {1, 1, 1, 1, 1, 0.25}, {0.7, 1, 1.3, 1, 1, 1}};
    for (const auto &scale : cases) {
        for (const std::size_t target : {std::size_t(1), std::size_t(4), std::size_t(5)}) {
            std::vector<double> row;
            const SampleMatrix full = finishTimes(net, sampler.durations(scale));
            row.assign(full.row(static_cast<Eigen::Index>(target)).data(),
                       full.row(static_cast<Eigen::Index>(target)).data() + full.cols());
            for (const double p : {0.1, 0.5, 0.9}) {
                std::vector<double> copy = row;
                QCOMPARE(whatIf.quantile(scale, target, p), quantile(copy, p));
            }
        }
    }
    // The base run is restored after every case.
    QVERIFY(whatIf.baseFinish() == base);
    QVERIFY(finishTimes(net, sampler.durations()) == base);
}

QTEST_APPLESS_MAIN(TestMonteCarlo)
#include "test_montecarlo.moc"
