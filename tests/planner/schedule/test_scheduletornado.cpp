// SPDX-License-Identifier: GPL-3.0-or-later
// The tornado of the P50 energization date: exact for a single task (a quantile scales with
// the task), zero for a task that never drives the date (common random numbers), and on the
// default network at least 20 inputs, sorted, with the base equal to the planned P50.

#include "planner/core/catalog/schedulecatalog.h"
#include "planner/core/montecarlo/montecarlosampler.h"
#include "planner/core/schedule/scheduleplanner.h"
#include "planner/core/schedule/scheduletornado.h"

#include <QTest>

#include <filesystem>

using namespace planner;

class TestScheduleTornado : public QObject
{
    Q_OBJECT
private slots:
    void singleTaskScalesItsMedian();
    void taskOffThePathHasNoSwing();
    void defaultNetworkTornado();
    void lineLengthIsAnInput();
};

static ScheduleTask task(const std::string &id, ThreePoint d, std::vector<std::string> preds = {})
{
    return ScheduleTask{id, id, d, Distribution::Triangular, std::move(preds), Join::All, {}};
}

static const TornadoBar &bar(const Tornado &t, const std::string &name)
{
    for (const TornadoBar &b : t.bars) {
        if (b.name == name) {
            return b;
        }
    }
    qFatal("no bar %s", name.c_str());
}

static ScheduleCatalog shippedCatalog()
{
    const char *env = std::getenv("ENERGIZE_SOURCE_DIR");
    const std::filesystem::path dir = env ? env : ENERGIZE_SOURCE_DIR;
    auto catalog = ScheduleCatalog::load(dir / "resources/catalog/schedule.json");
    if (!catalog) {
        qFatal("%s", catalog.error().message.c_str());
    }
    return std::move(*catalog);
}

void TestScheduleTornado::singleTaskScalesItsMedian()
{
    // One task T(a, c, b): moving its typical c to a (or b) scales the distribution by a/c (or
    // b/c), and the sample median scales with it exactly.
    const ThreePoint d{4.0, 6.0, 12.0};
    auto net = ScheduleNetwork::create({task("only", d)});
    QVERIFY(net.ok());
    MonteCarloOptions options;
    options.samples = 2001;
    const auto t = scheduleTornado(*net, 0, options);
    QVERIFY(t.ok());
    QCOMPARE(t->bars.size(), std::size_t(1));
    const TornadoBar &b = t->bars.front();
    QCOMPARE(b.low, 4.0);
    QCOMPARE(b.high, 12.0);
    QVERIFY(std::abs(b.outputAtLow - t->baseOutput * 4.0 / 6.0) < 1e-9);
    QVERIFY(std::abs(b.outputAtHigh - t->baseOutput * 12.0 / 6.0) < 1e-9);
    // With 2001 samples the base is close to the triangular median.
    const double median = MonteCarloSampler::triangularQuantile(d, 0.5);
    QVERIFY(std::abs(t->baseOutput - median) < 0.15);
}

void TestScheduleTornado::taskOffThePathHasNoSwing()
{
    // "short" ends by 2 × 2/1.5 months even at its high value, before "long" (10 or more):
    // it never drives the end, and with the same random numbers in every case its bar is 0.
    auto net = ScheduleNetwork::create({task("long", {10, 11, 12}), task("short", {1, 1.5, 2}),
                                        task("end", {}, {"long", "short"})});
    QVERIFY(net.ok());
    const auto t = scheduleTornado(*net, 2, MonteCarloOptions{});
    QVERIFY(t.ok());
    QCOMPARE(t->bars.size(), std::size_t(2)); // the milestone has no duration to move
    QCOMPARE(t->bars.front().name, std::string("long (months)"));
    QVERIFY(t->bars.front().swing() > 1.5);
    QCOMPARE(bar(*t, "short (months)").swing(), 0.0);
}

void TestScheduleTornado::defaultNetworkTornado()
{
    const ScheduleCatalog catalog = shippedCatalog();
    ScheduleInputs in;
    in.market = "pjm";
    in.phases = {Megawatts(50.0), Megawatts(50.0)};
    in.lineDistance = Kilometres(10.0);
    in.lineVoltage = Kilovolts(345.0);
    in.start = YearMonth{2026, 1};
    MonteCarloOptions options;
    options.samples = 4000;
    const auto t = scheduleTornado(in, catalog, options);
    QVERIFY2(t.ok(), t ? "" : t.error().message.c_str());
    QVERIFY(t->bars.size() >= 20);
    for (std::size_t i = 1; i < t->bars.size(); ++i) {
        QVERIFY(t->bars[i - 1].swing() >= t->bars[i].swing());
    }
    const auto plan = planSchedule(in, catalog, options);
    QVERIFY(plan.ok());
    QCOMPARE(t->baseOutput, plan->phases.back().p50.value());
    // Site control precedes every task: a longer one delays the date, a shorter one advances it.
    const TornadoBar &site = bar(*t, "Site control (option, purchase, due diligence) (months)");
    QVERIFY(site.outputAtLow < t->baseOutput && site.outputAtHigh > t->baseOutput);
    // A task with no criticality at all in the plan does not move the P50 when shortened.
    for (const TaskSchedule &task : plan->tasks) {
        if (task.criticality == 0.0 && task.timing.totalFloat.value() > 0.0
            && task.sourceEntry.size() > 0) {
            QCOMPARE(bar(*t, task.name + " (months)").outputAtLow, t->baseOutput);
        }
    }
}

void TestScheduleTornado::lineLengthIsAnInput()
{
    const ScheduleCatalog catalog = shippedCatalog();
    ScheduleInputs in;
    in.phases = {Megawatts(20.0)};
    in.lineDistance = Kilometres(80.0);
    in.lineVoltage = Kilovolts(138.0);
    in.newSubstation = false;
    MonteCarloOptions options;
    options.samples = 2000;
    const auto t = scheduleTornado(in, catalog, options);
    QVERIFY(t.ok());
    // The route factor runs from 1.0 (straight line) to the MISO guide's 1.3 (rtowww.com, 2024).
    const TornadoBar &line = bar(*t, "Routed line length (km)");
    QCOMPARE(line.low, 80.0);
    QCOMPARE(line.high, 104.0);
    // At 80 km the line is long enough to matter: the straight line gives an earlier date.
    QVERIFY(line.outputAtLow < t->baseOutput);
    QCOMPARE(line.outputAtHigh, t->baseOutput);
}

QTEST_APPLESS_MAIN(TestScheduleTornado)
#include "test_scheduletornado.moc"
