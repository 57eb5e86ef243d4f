// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison view on a hand-built comparison: the model shows the table's values and units,
// highlights the best value of each row (lower-better and higher-better), writes the
// differences to the baseline in absolute terms and in %, dates as YYYY-MM and a missing figure
// as "—" with the reason; the charts draw one graph per plan with that plan's data; the
// controls report the user's choice.

#include "planner/core/comparison/comparison.h"
#include "widgets/comparisoncharts.h"
#include "widgets/comparisonmodel.h"
#include "widgets/comparisonview.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFont>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>
#include <qcustomplot.h>

using planner::Better;
using ui::ComparisonModel;

class TestComparisonView : public QObject
{
    Q_OBJECT
private slots:
    void modelShowsValuesUnitsAndBest();
    void modelShowsDifferencesToTheBaseline();
    void modelHidesRows();
    void chartsDrawOneGraphPerPlan();
    void viewReportsTheChoice();
};

namespace {

planner::ComparisonRow row(const char *id, const char *unit, Better better,
                           std::vector<std::optional<double>> values,
                           std::optional<std::size_t> best,
                           std::vector<std::optional<double>> difference,
                           std::vector<std::optional<double>> percent, bool month = false)
{
    planner::ComparisonRow r;
    r.id = id;
    r.label = id;
    r.unit = unit;
    r.better = better;
    r.isMonth = month;
    r.values = std::move(values);
    r.best = best;
    r.difference = std::move(difference);
    r.percent = std::move(percent);
    return r;
}

// Three plans, baseline B (index 1). Capex: lower is better, A best. Score: higher is better, C
// best. P50: a month row (2031-04 = 2031 * 12 + 3). Per hour: C has no figure.
planner::Comparison table()
{
    planner::Comparison c;
    c.plans = {"A", "B", "C"};
    c.baseline = 1;
    c.rows.push_back(row("capex_usd", "USD", Better::Lower, {3.0e9, 4.0e9, 5.0e9}, 0,
                         {-1.0e9, 0.0, 1.0e9}, {-25.0, 0.0, 25.0}));
    c.rows.push_back(row("site_score", "0-100", Better::Higher, {40.0, 50.0, 60.0}, 2,
                         {-10.0, 0.0, 10.0}, {-20.0, 0.0, 20.0}));
    c.rows.push_back(row("p50_last", "month", Better::Lower,
                         {2031 * 12 + 3.0, 2031 * 12 + 0.0, 2032 * 12 + 0.0}, 1, {3.0, 0.0, 12.0},
                         {std::nullopt, std::nullopt, std::nullopt}, true));
    c.rows.push_back(row("usd_per_accelerator_hour", "USD", Better::Lower, {2.0, 2.5, std::nullopt},
                         0, {-0.5, 0.0, std::nullopt}, {-20.0, 0.0, std::nullopt}));
    c.rows.push_back(row("annual_pue", "", Better::Lower, {1.2, 1.3, 1.1}, 2, {-0.1, 0.0, -0.2},
                         {-7.7, 0.0, -15.4}));
    c.summary = {"A is cheapest."};
    return c;
}

QModelIndex cell(const ComparisonModel &m, int row, int plan)
{
    return m.index(row, ComparisonModel::kFirstPlanColumn + plan);
}

planner::ComparedPlan comparedPlan(const char *name, int quarters, double capexLand, int shift)
{
    planner::ComparedPlan p;
    p.name = name;
    planner::CashFlow flow;
    for (int q = 0; q < quarters; ++q) {
        planner::CashFlowQuarter quarter;
        quarter.start = {2027 + q / 4, (q % 4) * 3 + 1};
        quarter.cumulative = 1e8 * (q + 1);
        flow.quarters.push_back(quarter);
    }
    p.evaluation.cashFlow = flow;
    planner::ScheduleResult s;
    s.start = {2027, 1};
    planner::PhaseEnergization phase;
    for (int k = 0; k <= 100; ++k)
        phase.quantiles.push_back(20.0 + shift + 0.2 * k);
    s.phases.push_back(phase);
    p.evaluation.schedule = s;
    planner::EconomicsResult cost;
    cost.capex = {{"Land", capexLand, {}, nullptr}, {"Building shell", 2e8, {}, nullptr}};
    cost.capexGroups = {planner::CapexGroup::Land, planner::CapexGroup::Facility};
    cost.opex = {{"Energy", 9e7, {}, nullptr}};
    p.evaluation.cost = cost;
    return p;
}

} // namespace

void TestComparisonView::modelShowsValuesUnitsAndBest()
{
    ComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setComparison(table(), {"", "", "no accelerator price in the catalog"});
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), QString("B\n(baseline)"));
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QString("A"));
    QCOMPARE(model.index(0, 1).data().toString(), QString("USD"));
    QCOMPARE(model.index(1, 1).data().toString(), QString("0-100"));
    QCOMPARE(model.index(4, 1).data().toString(), QString("ratio")); // every row has a unit
    QCOMPARE(cell(model, 0, 1).data().toString(), QString("4.00 B")); // the baseline: no diff
    QCOMPARE(cell(model, 0, 2).data(ComparisonModel::ValueRole).toDouble(), 5.0e9);
    // Lower is better: A's capex; higher is better: C's score.
    QVERIFY(cell(model, 0, 0).data(ComparisonModel::BestRole).toBool());
    QVERIFY(!cell(model, 0, 2).data(ComparisonModel::BestRole).toBool());
    QVERIFY(cell(model, 1, 2).data(ComparisonModel::BestRole).toBool());
    QVERIFY(!cell(model, 1, 0).data(ComparisonModel::BestRole).toBool());
    QVERIFY(cell(model, 1, 2).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!cell(model, 1, 0).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(cell(model, 1, 2).data(Qt::BackgroundRole).isValid());
    QVERIFY(!cell(model, 1, 1).data(Qt::BackgroundRole).isValid());
    // Dates as YYYY-MM; a missing figure as a dash, with why.
    QCOMPARE(cell(model, 2, 1).data().toString(), QString("2031-01"));
    QVERIFY(cell(model, 2, 1).data(ComparisonModel::BestRole).toBool());
    QCOMPARE(cell(model, 3, 2).data().toString(), QString("—"));
    QVERIFY(!cell(model, 3, 2).data(ComparisonModel::ValueRole).isValid());
    QVERIFY(cell(model, 3, 2).data(Qt::ToolTipRole).toString().contains("accelerator price"));
}

void TestComparisonView::modelShowsDifferencesToTheBaseline()
{
    ComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setComparison(table());
    // Lower-better row: A is 1 B USD (25 %) under the baseline, C 1 B over.
    QCOMPARE(cell(model, 0, 0).data().toString(), QString("3.00 B\n-1.00 B (-25.0 %)"));
    QCOMPARE(cell(model, 0, 2).data().toString(), QString("5.00 B\n+1.00 B (+25.0 %)"));
    QCOMPARE(cell(model, 0, 0).data(ComparisonModel::DifferenceRole).toDouble(), -1.0e9);
    QCOMPARE(cell(model, 0, 0).data(ComparisonModel::PercentRole).toDouble(), -25.0);
    // Higher-better row.
    QCOMPARE(cell(model, 1, 2).data().toString(), QString("60.0\n+10.0 (+20.0 %)"));
    QCOMPARE(cell(model, 1, 0).data(ComparisonModel::PercentRole).toDouble(), -20.0);
    // The baseline has no difference of its own.
    QVERIFY(!cell(model, 0, 1).data(ComparisonModel::DifferenceRole).isValid());
    // Months: a count, no %.
    QCOMPARE(cell(model, 2, 2).data().toString(), QString("2032-01\n+12 months"));
    QVERIFY(!cell(model, 2, 2).data(ComparisonModel::PercentRole).isValid());
    // Another baseline: the differences are the table's.
    planner::Comparison other = table();
    other.baseline = 0;
    other.rows[0].difference = {0.0, 1.0e9, 2.0e9};
    other.rows[0].percent = {0.0, 100.0 / 3.0, 200.0 / 3.0};
    model.setComparison(other);
    QVERIFY(!cell(model, 0, 0).data(ComparisonModel::DifferenceRole).isValid());
    QCOMPARE(cell(model, 0, 2).data().toString(), QString("5.00 B\n+2.00 B (+66.7 %)"));
}

void TestComparisonView::modelHidesRows()
{
    ComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setComparison(table());
    model.setHiddenRows({"site_score", "annual_pue"});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, 0).data(ComparisonModel::RowIdRole).toString(), QString("p50_last"));
}

void TestComparisonView::chartsDrawOneGraphPerPlan()
{
    ui::ComparisonCharts charts;
    charts.showPlans({comparedPlan("A", 8, 5e7, 0), comparedPlan("B", 12, 8e7, 6)});
    QCustomPlot *cash = charts.cashFlowPlot();
    QCOMPARE(cash->graphCount(), 2);
    QCOMPARE(cash->graph(0)->name(), QString("A"));
    QCOMPARE(cash->graph(0)->data()->size(), 8);
    QCOMPARE(cash->graph(1)->data()->size(), 12);
    QCOMPARE(cash->graph(1)->data()->at(11)->value, 12e8 / 1e9); // billion USD
    QCOMPARE(cash->graph(0)->pen().color(), ui::ComparisonCharts::planColour(0));
    QCOMPARE(cash->graph(1)->pen().color(), ui::ComparisonCharts::planColour(1));
    QCustomPlot *cdf = charts.energizationPlot();
    QCOMPARE(cdf->graphCount(), 2);
    QCOMPARE(cdf->graph(1)->data()->size(), 101);
    // 2027-01 + (20 + 6) months = 2029 + 2/12; the CDF reaches 100 %.
    QVERIFY(std::abs(cdf->graph(1)->data()->at(0)->key - (2029.0 + 2.0 / 12.0)) < 1e-9);
    QCOMPARE(cdf->graph(1)->data()->at(100)->value, 100.0);
    QCOMPARE(cdf->graph(1)->pen().color(), ui::ComparisonCharts::planColour(1));
    // P50 and P90 of each plan marked on its curve.
    QCOMPARE(cdf->itemCount() - 4, 4); // 2 lines + 2 labels for the P50/P90 guides
    QCustomPlot *capex = charts.capexPlot();
    QCOMPARE(capex->plottableCount(), 2);
    for (int k = 0; k < 2; ++k) {
        auto *bars = qobject_cast<QCPBars *>(capex->plottable(k));
        QVERIFY(bars);
        QCOMPARE(bars->data()->size(), 2); // land and shell
    }
    auto *barsOfB = qobject_cast<QCPBars *>(capex->plottable(0));
    QCOMPARE(barsOfB->name(), QString("B"));
    QCOMPARE(barsOfB->brush().color(), ui::ComparisonCharts::planColour(1));
    // Land is the first category, at the top (key 1); 80 M USD.
    double land = -1.0;
    for (auto it = barsOfB->data()->constBegin(); it != barsOfB->data()->constEnd(); ++it) {
        if (it->key == 1.0)
            land = it->value;
    }
    QCOMPARE(land, 80.0);
    QCOMPARE(charts.opexPlot()->plottableCount(), 2);
    QCOMPARE(qobject_cast<QCPBars *>(charts.opexPlot()->plottable(1))->data()->at(0)->value, 90.0);
}

void TestComparisonView::viewReportsTheChoice()
{
    ui::ComparisonView view;
    view.setChoice({"A", "B", "C", "D"}, {"A", "C"}, "C", {"site_score"});
    QCOMPARE(view.checkedPlans(), QStringList({"A", "C"}));
    QCOMPARE(view.baseline(), QString("C"));
    QCOMPARE(view.baselineBox()->count(), 2);
    QSignalSpy spy(&view, &ui::ComparisonView::choiceChanged);
    view.planList()->item(1)->setCheckState(Qt::Checked);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toStringList(), QStringList({"A", "B", "C"}));
    QCOMPARE(spy.at(0).at(1).toString(), QString("C"));
    QCOMPARE(spy.at(0).at(2).toStringList(), QStringList({"site_score"}));
    view.baselineBox()->setCurrentIndex(0);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(1).toString(), QString("A"));
    // Setting the choice from the project emits nothing.
    view.setChoice({"A", "B"}, {}, {}, {});
    QCOMPARE(spy.count(), 2);
    QCOMPARE(view.checkedPlans(), QStringList({"A", "B"}));
}

QTEST_MAIN(TestComparisonView)
#include "test_comparisonview.moc"
