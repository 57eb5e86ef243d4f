// SPDX-License-Identifier: GPL-3.0-or-later
// Time to power on for the default network built from the shipped catalog: dates against a
// published range, convergence between seeds at the default sample count, reproducibility,
// consistency of the critical path, bridging power, calendar dates and input errors.

#include "planner/core/catalog/schedulecatalog.h"
#include "planner/core/schedule/schedulecpm.h"
#include "planner/core/schedule/scheduledefaultnetwork.h"
#include "planner/core/schedule/scheduleplanner.h"

#include <QTest>

#include <algorithm>
#include <filesystem>
#include <numeric>

using namespace planner;

class TestSchedulePlanner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void greenfieldDatesFallInThePublishedRange_data();
    void greenfieldDatesFallInThePublishedRange();
    void p50AgreesBetweenSeeds();
    void sameSeedSameResult();
    void criticalPathIsConsistent();
    void phasesFollowEachOther();
    void distributionMatchesThePercentiles();
    void bridgingPowersTheFirstPhase();
    void slowBridgingDoesNotHelp();
    void lessGridWorkIsNotSlower();
    void calendarMonths();
    void networkUpgradeGatesItsPhase();
    void inputErrorsAreActionable_data();
    void inputErrorsAreActionable();

private:
    ScheduleCatalog m_catalog;
};

static ScheduleInputs campus(const std::string &market)
{
    ScheduleInputs in;
    in.market = market;
    in.phases = {Megawatts(50.0), Megawatts(50.0)};
    in.lineDistance = Kilometres(10.0);
    in.lineVoltage = Kilovolts(345.0);
    in.newSubstation = true;
    in.start = YearMonth{2026, 1};
    return in;
}

static ScheduleResult plan(const ScheduleInputs &in, const ScheduleCatalog &catalog,
                           MonteCarloOptions options = {})
{
    auto r = planSchedule(in, catalog, options);
    if (!r) {
        qFatal("%s", r.error().message.c_str());
    }
    return std::move(*r);
}

void TestSchedulePlanner::initTestCase()
{
    const char *env = std::getenv("ENERGIZE_SOURCE_DIR");
    const std::filesystem::path dir = env ? env : ENERGIZE_SOURCE_DIR;
    auto catalog = ScheduleCatalog::load(dir / "resources/catalog/schedule.json");
    QVERIFY2(catalog.ok(), catalog ? "" : catalog.error().message.c_str());
    m_catalog = std::move(*catalog);
}

void TestSchedulePlanner::greenfieldDatesFallInThePublishedRange_data()
{
    QTest::addColumn<QString>("market");
    for (const char *m : {"generic", "pjm", "ercot", "caiso", "miso", "spp"}) {
        QTest::newRow(m) << m;
    }
}

void TestSchedulePlanner::greenfieldDatesFallInThePublishedRange()
{
    // Greenfield US data center, site to operation: 36-60 months (michaelbommarito.com,
    // "development timelines", 2025; engineering-facts.csv, category time). The first phase's
    // P50 without bridging power must fall in that range for every US market in the catalog.
    QFETCH(QString, market);
    const ScheduleResult r = plan(campus(market.toStdString()), m_catalog);
    const double p50 = r.phases.front().p50.value();
    QVERIFY2(p50 >= 36.0 && p50 <= 60.0, qPrintable(QString::number(p50)));
    QVERIFY(r.phases.front().p10 < r.phases.front().p50);
    QVERIFY(r.phases.front().p50 < r.phases.front().p90);
}

void TestSchedulePlanner::p50AgreesBetweenSeeds()
{
    // Convergence at the default sample count: the P50 of every phase within 1 % across seeds.
    for (const char *market : {"generic", "pjm"}) {
        const ScheduleResult reference = plan(campus(market), m_catalog);
        for (std::uint64_t seed = 2; seed <= 6; ++seed) {
            MonteCarloOptions options;
            options.seed = seed;
            const ScheduleResult other = plan(campus(market), m_catalog, options);
            for (std::size_t k = 0; k < reference.phases.size(); ++k) {
                const double a = reference.phases[k].p50.value();
                const double b = other.phases[k].p50.value();
                QVERIFY2(std::abs(a - b) <= 0.01 * a,
                         qPrintable(QString("%1 seed %2: %3 vs %4")
                                            .arg(market)
                                            .arg(seed)
                                            .arg(a)
                                            .arg(b)));
            }
        }
    }
}

void TestSchedulePlanner::sameSeedSameResult()
{
    MonteCarloOptions options;
    options.seed = 77;
    options.samples = 4000;
    ScheduleInputs in = campus("pjm");
    in.bridging = "recip_engines";
    const ScheduleResult a = plan(in, m_catalog, options);
    const ScheduleResult b = plan(in, m_catalog, options);
    QCOMPARE(a.samples, 4000);
    QCOMPARE(a.seed, std::uint64_t(77));
    for (std::size_t k = 0; k < a.phases.size(); ++k) {
        QCOMPARE(a.phases[k].p10.value(), b.phases[k].p10.value());
        QCOMPARE(a.phases[k].p50.value(), b.phases[k].p50.value());
        QCOMPARE(a.phases[k].p90.value(), b.phases[k].p90.value());
    }
    for (std::size_t t = 0; t < a.tasks.size(); ++t) {
        QCOMPARE(a.tasks[t].criticality, b.tasks[t].criticality);
        QCOMPARE(a.tasks[t].tailCriticality, b.tasks[t].tailCriticality);
    }
    QCOMPARE(a.bridging->bridgingFirstShare, b.bridging->bridgingFirstShare);
}

void TestSchedulePlanner::criticalPathIsConsistent()
{
    const ScheduleResult r = plan(campus("generic"), m_catalog);
    QVERIFY(r.criticalPath.size() >= 3);
    QCOMPARE(r.criticalPath.front(), std::string("site_control"));
    QCOMPARE(r.criticalPath.back(), scheduletasks::energization(2));
    // Along the critical path each task starts when the previous one finishes, there is no
    // float, and the last finish is the deterministic date of the last phase.
    double clock = 0.0;
    for (const std::string &id : r.criticalPath) {
        const auto it = std::find_if(r.tasks.begin(), r.tasks.end(),
                                     [&](const TaskSchedule &t) { return t.id == id; });
        QVERIFY(it != r.tasks.end());
        QVERIFY(it->timing.critical);
        QVERIFY(std::abs(it->timing.earlyStart.value() - clock) < 1e-9);
        clock = it->timing.earlyFinish.value();
    }
    QVERIFY(std::abs(clock - r.phases.back().deterministic.value()) < 1e-9);
    for (const TaskSchedule &t : r.tasks) {
        QVERIFY2(t.timing.totalFloat.value() >= -1e-9, t.id.c_str());
        QVERIFY(t.criticality >= 0.0 && t.criticality <= 1.0);
    }
    // Every path starts with site control and ends at the target: both drive every sample.
    QCOMPARE(r.tasks.front().criticality, 1.0);
    const auto last = std::find_if(r.tasks.begin(), r.tasks.end(), [](const TaskSchedule &t) {
        return t.id == scheduletasks::energization(2);
    });
    QCOMPARE(last->criticality, 1.0);
    QCOMPARE(last->tailCriticality, 1.0);
}

void TestSchedulePlanner::phasesFollowEachOther()
{
    ScheduleInputs in = campus("generic");
    in.phases = {Megawatts(10.0), Megawatts(40.0), Megawatts(150.0)};
    const ScheduleResult r = plan(in, m_catalog);
    QCOMPARE(r.phases.size(), std::size_t(3));
    for (std::size_t k = 1; k < r.phases.size(); ++k) {
        QCOMPARE(r.phases[k].phase, static_cast<int>(k + 1));
        QVERIFY(r.phases[k].p10 > r.phases[k - 1].p10);
        QVERIFY(r.phases[k].p50 > r.phases[k - 1].p50);
        QVERIFY(r.phases[k].deterministic > r.phases[k - 1].deterministic);
    }
    // Each phase's shell uses the construction entry of its size band.
    const auto source = [&](const std::string &id) {
        return std::find_if(r.tasks.begin(), r.tasks.end(),
                            [&](const TaskSchedule &t) { return t.id == id; })
                ->sourceEntry;
    };
    QCOMPARE(source("shell_1"), std::string("construction.midsize"));
    QCOMPARE(source("shell_2"), std::string("construction.hyperscale_building"));
    QCOMPARE(source("shell_3"), std::string("construction.hyperscale_campus"));
}

void TestSchedulePlanner::distributionMatchesThePercentiles()
{
    // The CDF of each phase (months at 0, 1, …, 100 %) is read from the sorted samples; the
    // P10/P50/P90 come from a partial selection of the same samples. Both must agree.
    const ScheduleResult r = plan(campus("ercot"), m_catalog);
    for (const PhaseEnergization &p : r.phases) {
        QCOMPARE(p.quantiles.size(), std::size_t(101));
        QVERIFY(std::is_sorted(p.quantiles.begin(), p.quantiles.end()));
        QVERIFY(p.quantiles.front() < p.quantiles.back());
        QVERIFY(std::abs(p.quantiles[10] - p.p10.value()) < 1e-9);
        QVERIFY(std::abs(p.quantiles[50] - p.p50.value()) < 1e-9);
        QVERIFY(std::abs(p.quantiles[90] - p.p90.value()) < 1e-9);
    }
}

void TestSchedulePlanner::bridgingPowersTheFirstPhase()
{
    ScheduleInputs in = campus("pjm");
    const ScheduleResult grid = plan(in, m_catalog);
    QVERIFY(!grid.bridging);
    in.bridging = "recip_engines";
    const ScheduleResult bridged = plan(in, m_catalog);
    QVERIFY(bridged.bridging);
    const BridgingSummary &b = *bridged.bridging;
    // Reciprocating engines deploy in 12-18 months (sourcerockep.com, 2025) against a PJM
    // connection of 36-84 months (axios.com, 2024): the engines come first.
    QVERIFY(b.firstPath == PowerPath::Bridging);
    QVERIFY(b.deterministicReady < b.gridReady);
    QVERIFY(b.bridgingFirstShare > 0.95);
    QVERIFY(bridged.phases[0].p50 < grid.phases[0].p50);
    // Bridging powers only the first phase; the second waits for the grid either way.
    QVERIFY(bridged.phases[1].p50 >= grid.phases[0].p50);
    // On-site generation adds 1-3 USD million/MW (build.inc, 2025).
    QVERIFY(b.capexPerKw);
    QCOMPARE(b.capexPerKw->min, 1000.0);
    QCOMPARE(b.capexPerKw->max, 3000.0);
}

void TestSchedulePlanner::slowBridgingDoesNotHelp()
{
    // Large-frame gas turbines take 72-84 months to deliver (nrucfc.coop, 2025), far beyond
    // the generic market's 18-36 month connection: the grid comes first except in the far tail
    // of the transformer's lognormal lead time, which leaves the median untouched.
    ScheduleInputs in = campus("generic");
    const ScheduleResult grid = plan(in, m_catalog);
    in.bridging = "gas_turbine";
    const ScheduleResult r = plan(in, m_catalog);
    QVERIFY(r.bridging->firstPath == PowerPath::Grid);
    QVERIFY(r.bridging->bridgingFirstShare < 0.01);
    QCOMPARE(r.phases[0].p50.value(), grid.phases[0].p50.value());
}

void TestSchedulePlanner::lessGridWorkIsNotSlower()
{
    // Same seed, so the shared tasks draw the same durations: removing work can only help.
    const ScheduleResult full = plan(campus("generic"), m_catalog);
    ScheduleInputs less = campus("generic");
    less.newSubstation = false;
    less.lineDistance = Kilometres(0.0);
    const ScheduleResult r = plan(less, m_catalog);
    for (std::size_t k = 0; k < r.phases.size(); ++k) {
        QVERIFY(r.phases[k].p10 <= full.phases[k].p10);
        QVERIFY(r.phases[k].p50 <= full.phases[k].p50);
        QVERIFY(r.phases[k].p90 <= full.phases[k].p90);
    }
    ScheduleInputs far = campus("generic");
    far.lineDistance = Kilometres(120.0);
    const ScheduleResult longer = plan(far, m_catalog);
    QVERIFY(longer.phases[0].p50 >= full.phases[0].p50);
}

void TestSchedulePlanner::calendarMonths()
{
    const YearMonth jan{2026, 1};
    QCOMPARE(jan.plus(Months(0.0)), (YearMonth{2026, 1}));
    QCOMPARE(jan.plus(Months(3.0)), (YearMonth{2026, 3})); // done at the end of March
    QCOMPARE(jan.plus(Months(3.2)), (YearMonth{2026, 4}));
    QCOMPARE(jan.plus(Months(12.0)), (YearMonth{2026, 12}));
    QCOMPARE(jan.plus(Months(12.5)), (YearMonth{2027, 1}));
    QCOMPARE((YearMonth{2026, 11}).plus(Months(26.0)), (YearMonth{2028, 12}));
    ScheduleInputs in = campus("generic");
    in.start = YearMonth{2027, 6};
    const ScheduleResult r = plan(in, m_catalog);
    for (const PhaseEnergization &p : r.phases) {
        QCOMPARE(p.p50Date, in.start.plus(p.p50));
        QCOMPARE(p.p90Date, in.start.plus(p.p90));
        QVERIFY(p.p10Date <= p.p50Date && p.p50Date <= p.p90Date);
    }
}

// The network upgrade a phase that does not fit the grid needs: after the interconnection
// agreement, for its catalog duration, before that phase's grid power and no earlier phase's.
void TestSchedulePlanner::networkUpgradeGatesItsPhase()
{
    const auto preds = [](const ScheduleNetwork &n, const char *id) {
        std::vector<std::string> out;
        for (std::size_t p : n.predecessors(*n.indexOf(id)))
            out.push_back(n.task(p).id);
        return out;
    };
    const auto has = [](const std::vector<std::string> &ids, const char *id) {
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    };
    ScheduleInputs in = campus("generic");
    auto none = buildDefaultNetwork(in, m_catalog);
    QVERIFY(none.ok());
    QVERIFY(!none->indexOf(scheduletasks::kNetworkUpgrade));

    in.networkUpgradeBeforePhase = 2;
    auto second = buildDefaultNetwork(in, m_catalog);
    QVERIFY2(second.ok(), second.ok() ? "" : second.error().message.c_str());
    QCOMPARE(second->size(), none->size() + 1);
    const ScheduleTask &upgrade = second->task(*second->indexOf(scheduletasks::kNetworkUpgrade));
    const ScheduleEntry *entry = m_catalog.find("grid_upgrade.construction");
    QVERIFY(entry);
    QCOMPARE(upgrade.sourceEntry, entry->id);
    QCOMPARE(upgrade.duration.typical, entry->value.typical);
    QCOMPARE(upgrade.name, entry->name + " (before phase 2)");
    QCOMPARE(preds(*second, scheduletasks::kNetworkUpgrade),
             std::vector<std::string>{scheduletasks::kInterconnection});
    QVERIFY(has(preds(*second, "energization_2"), scheduletasks::kNetworkUpgrade));
    QVERIFY(!has(preds(*second, "energization_1"), scheduletasks::kNetworkUpgrade));
    QVERIFY(!has(preds(*second, scheduletasks::kGridReady), scheduletasks::kNetworkUpgrade));

    // Before phase 1 it gates grid power itself, so every phase waits for it.
    in.networkUpgradeBeforePhase = 1;
    auto first = buildDefaultNetwork(in, m_catalog);
    QVERIFY(first.ok());
    QVERIFY(has(preds(*first, scheduletasks::kGridReady), scheduletasks::kNetworkUpgrade));
    const CriticalPathResult cpm = criticalPath(*first);
    const auto finish = [&](const char *id) {
        return cpm.timings[*first->indexOf(id)].earlyFinish.value();
    };
    QVERIFY(cpm.timings[*first->indexOf("energization_1")].earlyStart.value()
            >= finish(scheduletasks::kNetworkUpgrade));
    // Bridging power may still run phase 1 before the upgrade: it joins the grid in first power.
    in.bridging = "battery";
    auto bridged = buildDefaultNetwork(in, m_catalog);
    QVERIFY(bridged.ok());
    QVERIFY(has(preds(*bridged, scheduletasks::kGridReady), scheduletasks::kNetworkUpgrade));
    QVERIFY(!has(preds(*bridged, scheduletasks::kFirstPower), scheduletasks::kNetworkUpgrade));
}

void TestSchedulePlanner::inputErrorsAreActionable_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown market") << 0 << "interconnection.atlantis";
    QTest::newRow("known markets listed") << 0 << "generic, pjm, ercot";
    QTest::newRow("no phase") << 1 << "no phase";
    QTest::newRow("empty phase") << 2 << "phase 2 needs an IT load";
    QTest::newRow("line without voltage") << 3 << "give its voltage";
    QTest::newRow("voltage beyond catalog") << 4 << "1100";
    QTest::newRow("unknown bridging") << 5 << "bridging.windmill";
    QTest::newRow("known bridging listed") << 5 << "recip_engines, gas_turbine, fuel_cells";
    QTest::newRow("bad start month") << 6 << "start month";
    QTest::newRow("no samples") << 7 << "at least one sample";
    QTest::newRow("upgrade after the last phase") << 8 << "network upgrade is before phase 3 of 2";
}

void TestSchedulePlanner::inputErrorsAreActionable()
{
    QFETCH(int, which);
    QFETCH(QString, expected);
    ScheduleInputs in = campus("generic");
    MonteCarloOptions options;
    switch (which) {
    case 0:
        in.market = "atlantis";
        break;
    case 1:
        in.phases.clear();
        break;
    case 2:
        in.phases[1] = Megawatts(0.0);
        break;
    case 3:
        in.lineVoltage = Kilovolts(0.0);
        break;
    case 4:
        in.lineVoltage = Kilovolts(1100.0);
        break;
    case 5:
        in.bridging = "windmill";
        break;
    case 6:
        in.start.month = 13;
        break;
    case 8:
        in.networkUpgradeBeforePhase = 3;
        break;
    default:
        options.samples = 0;
    }
    const auto r = planSchedule(in, m_catalog, options);
    QVERIFY(!r.ok());
    QVERIFY2(QString::fromStdString(r.error().message).contains(expected),
             r.error().message.c_str());
}

QTEST_APPLESS_MAIN(TestSchedulePlanner)
#include "test_scheduleplanner.moc"
