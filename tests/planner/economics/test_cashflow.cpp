// SPDX-License-Identifier: GPL-3.0-or-later
// Cost over time and what moves it, on the bundled catalogs and example: the quarterly cash
// flow of the phased build spends exactly the capex, in calendar quarters, before each phase
// energizes, and opex only after; the TCO tornado has at least 20 inputs, widest first, each
// bar bracketing the base; the schedule and cost reports name what they print.

#include "planner/core/catalog/catalogloader.h"
#include "planner/core/catalog/schedulecatalog.h"
#include "planner/core/economics/cashflow.h"
#include "planner/core/economics/economicstornado.h"
#include "planner/core/io/economicsreport.h"
#include "planner/core/io/planjson.h"
#include "planner/core/io/schedulereport.h"
#include "planner/core/schedule/planschedule.h"
#include "planner/core/schedule/scheduleplanner.h"
#include "planner/core/sizing/planner.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace planner;

class TestCashFlow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cashFlowSpendsTheCapexBeforeEachPhase();
    void bridgingIsPricedAndPowersFirst();
    void tcoTornadoRanksTheDrivers();
    void reportsNameWhatTheyPrint();

private:
    std::optional<Catalog> m_catalog;
    std::optional<EconomicsCatalog> m_economics;
    std::optional<ScheduleCatalog> m_schedule;
    std::optional<PlanRequest> m_request;
    std::optional<PlanResult> m_plan;
};

void TestCashFlow::initTestCase()
{
    const std::string root = ENERGIZE_SOURCE_DIR;
    auto catalog = loadCatalog(root + "/resources/catalog");
    QVERIFY(catalog.ok());
    m_catalog = *catalog;
    auto economics = EconomicsCatalog::load(root + "/resources/catalog/economics.json");
    QVERIFY(economics.ok());
    m_economics = *economics;
    auto schedule = ScheduleCatalog::load(root + "/resources/catalog/schedule.json");
    QVERIFY(schedule.ok());
    m_schedule = *schedule;
    QFile file(QString::fromStdString(root + "/resources/examples/plan-100mw.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto request = parsePlanRequest(file.readAll().toStdString());
    QVERIFY2(request.ok(), request.ok() ? "" : request.error().message.c_str());
    m_request = *request;
    auto plan = planner::plan(m_request->input, m_request->site, *m_catalog);
    QVERIFY(plan.ok());
    m_plan = *plan;
    QCOMPARE(m_plan->phases.size(), std::size_t(2)); // the example builds 40 + 60 MW
}

void TestCashFlow::cashFlowSpendsTheCapexBeforeEachPhase()
{
    const YearMonth start{2027, 2}; // mid-quarter: the first quarter starts in January
    const ScheduleInputs inputs = scheduleInputsFor(*m_plan, "ercot", start);
    auto schedule = planSchedule(inputs, *m_schedule);
    QVERIFY(schedule.ok());
    auto cost = estimateEconomics(m_request->input, *m_plan, m_request->site, *m_economics);
    QVERIFY(cost.ok());
    auto flow = quarterlyCashFlow(*cost, *m_plan, *schedule);
    QVERIFY2(flow.ok(), flow.ok() ? "" : flow.error().message.c_str());
    QVERIFY(!flow->quarters.empty());
    QVERIFY(flow->quarters.front().start == (YearMonth{2027, 1}));
    double capex = 0.0;
    std::vector<double> byPhase(2, 0.0);
    for (std::size_t q = 0; q < flow->quarters.size(); ++q) {
        const CashFlowQuarter &quarter = flow->quarters[q];
        QCOMPARE((quarter.start.month - 1) % 3, 0); // calendar quarters
        capex += quarter.capex;
        for (std::size_t k = 0; k < 2; ++k)
            byPhase[k] += quarter.capexByPhase[k];
        QVERIFY(std::abs(quarter.capexByPhase[0] + quarter.capexByPhase[1] - quarter.capex)
                < 1e-6 * (1.0 + quarter.capex));
    }
    // Every dollar of capex is spent, once.
    QVERIFY2(std::abs(capex - cost->totalCapex) < 1e-9 * cost->totalCapex,
             qPrintable(QString("%1 vs %2").arg(capex).arg(cost->totalCapex)));
    // Phase 2 (60 MW) costs more than phase 1's share of the facility and IT.
    QVERIFY(byPhase[1] > 0.0 && byPhase[0] > 0.0);
    // Months from the first quarter's first month to the P50 energization of each phase.
    const double offset = 1.0; // February start: January is month 0 of the first quarter
    auto quarterOf = [&](double months) {
        return std::size_t((months + offset) / 3.0);
    };
    const std::size_t first = quarterOf(schedule->phases[0].p50.value());
    const std::size_t last = quarterOf(schedule->phases[1].p50.value());
    for (std::size_t q = 0; q < flow->quarters.size(); ++q) {
        const CashFlowQuarter &quarter = flow->quarters[q];
        if (q < first)
            QCOMPARE(quarter.opex, 0.0); // nothing runs before the first phase is energized
        if (q > first)
            QCOMPARE(quarter.capexByPhase[0], 0.0);
        if (q > last)
            QCOMPARE(quarter.capex, 0.0);
    }
    // A year after the last phase, opex runs at the full yearly rate.
    const CashFlowQuarter &tail = flow->quarters.back();
    QVERIFY(std::abs(tail.opex - cost->opexPerYear / 4.0) < 1e-6 * cost->opexPerYear);
    QVERIFY(std::abs(tail.cumulative
                     - (capex +
                        [&] {
                            double o = 0.0;
                            for (const CashFlowQuarter &q : flow->quarters)
                                o += q.opex;
                            return o;
                        }()))
            < 1e-6 * tail.cumulative);
    // A schedule of another plan (one phase) is refused with a message.
    ScheduleInputs single = inputs;
    single.phases = {m_plan->itLoad};
    auto other = planSchedule(single, *m_schedule);
    QVERIFY(other.ok());
    QVERIFY(!quarterlyCashFlow(*cost, *m_plan, *other).ok());
}

void TestCashFlow::bridgingIsPricedAndPowersFirst()
{
    ScheduleInputs inputs = scheduleInputsFor(*m_plan, "pjm", {2027, 1}, "recip_engines");
    auto schedule = planSchedule(inputs, *m_schedule);
    QVERIFY(schedule.ok());
    QVERIFY(schedule->bridging);
    auto power = bridgingPowerFor(*m_plan, *schedule);
    QVERIFY(power);
    // Sized for the first phase's facility peak, at the catalog's typical rate.
    QCOMPARE(power->kilowatts, m_plan->phases.front().facilityPeak.value() * 1000.0);
    QCOMPARE(power->usdPerKw, schedule->bridging->capexPerKw->typical);
    EconomicsInputs options;
    options.bridging = power;
    auto with =
            estimateEconomics(m_request->input, *m_plan, m_request->site, *m_economics, options);
    auto without = estimateEconomics(m_request->input, *m_plan, m_request->site, *m_economics);
    QVERIFY(with.ok() && without.ok());
    QVERIFY(with->totalCapex > without->totalCapex);
    const double escalated = power->kilowatts * power->usdPerKw;
    QVERIFY(std::abs(with->gridCapex - without->gridCapex - escalated) < 1e-6 * escalated);
}

void TestCashFlow::tcoTornadoRanksTheDrivers()
{
    auto cost = estimateEconomics(m_request->input, *m_plan, m_request->site, *m_economics,
                                  m_request->economics);
    auto t = tcoTornado(m_request->input, *m_plan, m_request->site, *m_economics,
                        m_request->economics);
    QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
    QVERIFY(std::abs(t->baseOutput - cost->npvTco) < 1e-6 * cost->npvTco);
    QVERIFY2(t->bars.size() >= 20, qPrintable(QString::number(t->bars.size())));
    for (std::size_t i = 0; i < t->bars.size(); ++i) {
        const TornadoBar &bar = t->bars[i];
        QVERIFY(bar.swing() > 0.0);
        if (i > 0)
            QVERIFY(t->bars[i - 1].swing() >= bar.swing());
        // One input moved at a time: the base lies between the two ends for these monotone
        // inputs, and the ends are real estimates.
        QVERIFY(std::min(bar.outputAtLow, bar.outputAtHigh) <= t->baseOutput * (1 + 1e-12));
        QVERIFY(std::max(bar.outputAtLow, bar.outputAtHigh) >= t->baseOutput * (1 - 1e-12));
    }
    // For a GB200 campus the accelerator price is among the three widest bars.
    bool priceOnTop = false;
    for (std::size_t i = 0; i < 3; ++i)
        priceOnTop |= t->bars[i].name.find("GB200") != std::string::npos;
    QVERIFY2(priceOnTop, t->bars[0].name.c_str());
    // Another system's price cannot move this plan's TCO and is left out.
    for (const TornadoBar &bar : t->bars)
        QVERIFY2(bar.name.find("H100") == std::string::npos, bar.name.c_str());
    // The user's own discount rate is not an uncertain input.
    EconomicsInputs own = m_request->economics;
    own.discountRate = 0.07;
    auto fixed = tcoTornado(m_request->input, *m_plan, m_request->site, *m_economics, own);
    QVERIFY(fixed.ok());
    for (const TornadoBar &bar : fixed->bars)
        QVERIFY(bar.name != "Discount rate");
    QCOMPARE(fixed->bars.size() + 1, t->bars.size());
}

void TestCashFlow::reportsNameWhatTheyPrint()
{
    ScheduleInputs inputs = scheduleInputsFor(*m_plan, "ercot", {2027, 1}, "gas_turbine");
    auto schedule = planSchedule(inputs, *m_schedule);
    QVERIFY(schedule.ok());
    const std::string table = scheduleToTable(*schedule, inputs);
    for (const char *what : {"ercot", "2027-01", "phase 1 energized", "phase 2 energized",
                             "critical path", "bridging power", "P90"})
        QVERIFY2(table.find(what) != std::string::npos, what);
    EconomicsInputs options;
    options.tokensPerSecondPerAccelerator = 1000.0;
    auto cost =
            estimateEconomics(m_request->input, *m_plan, m_request->site, *m_economics, options);
    const std::string costTable = economicsToTable(*cost);
    for (const char *what : {"Building shell", "Opex per year", "Water", "per million tokens",
                             "assumption", "opex.staff_fte_per_mw"})
        QVERIFY2(costTable.find(what) != std::string::npos, what);
    auto flow = quarterlyCashFlow(*cost, *m_plan, *schedule);
    QVERIFY(flow.ok());
    const std::string flowTable = cashFlowToTable(*flow);
    QVERIFY(flowTable.find("2027") != std::string::npos);
    QVERIFY(flowTable.find("peak quarter") != std::string::npos);
}

QTEST_APPLESS_MAIN(TestCashFlow)
#include "test_cashflow.moc"
