// SPDX-License-Identifier: GPL-3.0-or-later
// The charts' QCustomPlot data for a hand-made schedule, cost, cash flow and tornado, checked
// point by point against the inputs, and the charts panel's placeholder until a plan exists.

#include "planner/core/economics/cashflow.h"
#include "planner/core/economics/economics.h"
#include "planner/core/montecarlo/sensitivity.h"
#include "planner/core/schedule/scheduleresult.h"
#include "widgets/cashflowchart.h"
#include "widgets/chartspanel.h"
#include "widgets/costchart.h"
#include "widgets/schedulechart.h"
#include "widgets/tornadochart.h"

#include <QLocale>
#include <QStackedWidget>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>

using namespace ui;

namespace {

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

// The values of a bar series or graph, in key order.
template<typename Plottable>
QList<double> valuesOf(const Plottable *p)
{
    QList<double> out;
    for (auto it = p->data()->constBegin(); it != p->data()->constEnd(); ++it)
        out << it->value;
    return out;
}

template<typename Plottable>
QList<double> keysOf(const Plottable *p)
{
    QList<double> out;
    for (auto it = p->data()->constBegin(); it != p->data()->constEnd(); ++it)
        out << it->key;
    return out;
}

bool sameValues(const QList<double> &actual, const QList<double> &expected)
{
    if (actual.size() != expected.size())
        return false;
    for (int i = 0; i < actual.size(); ++i) {
        if (!near(actual[i], expected[i]))
            return false;
    }
    return true;
}

QString describe(const QList<double> &values)
{
    QStringList out;
    for (double v : values)
        out << QString::number(v, 'g', 12);
    return out.join(", ");
}

#define COMPARE_VALUES(actual, expected)                                                           \
    do {                                                                                           \
        const QList<double> a_ = (actual);                                                         \
        const QList<double> e_ = (expected);                                                       \
        QVERIFY2(sameValues(a_, e_), qPrintable(describe(a_) + "  vs  " + describe(e_)));          \
    } while (false)

// The text of each tick of a text ticker, in key order.
QStringList tickLabels(QCPAxis *axis)
{
    auto ticker = axis->ticker().dynamicCast<QCPAxisTickerText>();
    return ticker ? QStringList(ticker->ticks().values()) : QStringList();
}

QCPBars *barsNamed(QCustomPlot *plot, const QString &name)
{
    for (int i = 0; i < plot->plottableCount(); ++i) {
        auto *bars = qobject_cast<QCPBars *>(plot->plottable(i));
        if (bars && bars->name() == name)
            return bars;
    }
    return nullptr;
}

QString titleOf(QCustomPlot *plot)
{
    auto *title = qobject_cast<QCPTextElement *>(plot->plotLayout()->element(0, 0));
    return title ? title->text() : QString();
}

planner::TaskSchedule task(const char *name, double start, double finish, bool critical)
{
    planner::TaskSchedule t;
    t.id = name;
    t.name = name;
    t.timing.earlyStart = planner::Months(start);
    t.timing.earlyFinish = planner::Months(finish);
    t.timing.critical = critical;
    return t;
}

planner::CashFlowQuarter quarter(int year, int month, std::vector<double> byPhase, double opex,
                                 double cumulative)
{
    planner::CashFlowQuarter q;
    q.start = {year, month};
    for (double usd : byPhase)
        q.capex += usd;
    q.capexByPhase = std::move(byPhase);
    q.opex = opex;
    q.cumulative = cumulative;
    return q;
}

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void scheduleChartDrawsEachTaskAndPhase();
    void costChartShowsEachLargeLineAndTheRestTogether();
    void cashFlowChartStacksPhasesPerQuarter();
    void tornadoChartShowsTheWidestTwelve();
    void chartsPanelSaysWhatWillAppearUntilAPlanExists();
};

void TestCharts::initTestCase()
{
    // Thousands separators as the expected texts below write them.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestCharts::scheduleChartDrawsEachTaskAndPhase()
{
    // Three tasks: design 0-3 months (critical), permits 3-5 (with float), build 3-8
    // (critical); one phase energized at P10 6.0, P50 8.2, P90 11.4 months, in 2027-09.
    planner::ScheduleResult schedule;
    schedule.tasks = {task("design", 0, 3, true), task("permits", 3, 5, false),
                      task("build", 3, 8, true)};
    planner::PhaseEnergization phase;
    phase.phase = 1;
    phase.p10 = planner::Months(6.0);
    phase.p50 = planner::Months(8.2);
    phase.p90 = planner::Months(11.4);
    phase.p50Date = {2027, 9};
    schedule.phases = {phase};
    schedule.samples = 500;
    ChartsPanel panel;
    panel.showSchedule("Example", schedule);
    QCustomPlot *plot = panel.scheduleChart()->plot();

    // A bar per task, stacked: an invisible offset to the task's start, then its length in
    // the critical or the other series.
    auto *offset = qobject_cast<QCPBars *>(plot->plottable(0));
    QCPBars *normal = barsNamed(plot, "task");
    QCPBars *critical = barsNamed(plot, "critical task");
    QVERIFY(offset && normal && critical);
    COMPARE_VALUES(keysOf(offset), QList<double>({0, 1, 2}));
    COMPARE_VALUES(valuesOf(offset), QList<double>({0, 3, 3}));
    COMPARE_VALUES(valuesOf(normal), QList<double>({0, 2, 0}));
    COMPARE_VALUES(valuesOf(critical), QList<double>({3, 0, 5}));
    QCOMPARE(tickLabels(plot->yAxis), QStringList({"design", "permits", "build"}));

    // The phase: a P10-P90 band, a P50 line and a label.
    QCOMPARE(plot->itemCount(), 3);
    QCPItemRect *band = nullptr;
    QCPItemStraightLine *p50 = nullptr;
    QCPItemText *label = nullptr;
    for (int i = 0; i < plot->itemCount(); ++i) {
        band = band ? band : qobject_cast<QCPItemRect *>(plot->item(i));
        p50 = p50 ? p50 : qobject_cast<QCPItemStraightLine *>(plot->item(i));
        label = label ? label : qobject_cast<QCPItemText *>(plot->item(i));
    }
    QVERIFY(band && p50 && label);
    QVERIFY(near(band->topLeft->coords().x(), 6.0));
    QVERIFY(near(band->bottomRight->coords().x(), 11.4));
    QVERIFY(near(p50->point1->coords().x(), 8.2));
    QVERIFY(near(p50->point2->coords().x(), 8.2));
    QCOMPARE(label->text(), QString("Phase 1 P50 2027-09\nP10–P90 6–11 months"));
    // The months axis reaches past the latest P90: 11.4 × 1.05 + 1.
    QVERIFY(near(plot->xAxis->range().upper, 12.97));
    QCOMPARE(plot->toolTip(), QString("Example — 500 samples"));
}

void TestCharts::costChartShowsEachLargeLineAndTheRestTogether()
{
    // 515 M USD of capex: three lines of at least 1 % (5.15 M USD) and two below it, which
    // are shown as one bar of 2 + 3 = 5 M USD.
    planner::EconomicsResult cost;
    cost.capex = {{"Land", 10e6, "", nullptr},
                  {"Building shell", 200e6, "", nullptr},
                  {"Survey", 2e6, "", nullptr},
                  {"Electrical", 300e6, "", nullptr},
                  {"Permits", 3e6, "", nullptr}};
    cost.totalCapex = 515e6;
    cost.opexPerYear = 12.34e6;
    cost.npvTco = 900.4e6;
    cost.discountRate = 0.08;
    cost.horizonYears = 10;
    cost.usdPerAcceleratorHour = 2.126;
    cost.missing = {"IT: no price for 'custom' in the catalog"};
    ChartsPanel panel;
    panel.showCost("Example", cost);
    QCustomPlot *plot = panel.costChart()->plot();
    auto *bars = qobject_cast<QCPBars *>(plot->plottable(0));
    QVERIFY(bars);
    COMPARE_VALUES(valuesOf(bars), QList<double>({10, 200, 300, 5}));
    QCOMPARE(tickLabels(plot->yAxis),
             QStringList({"Land", "Building shell", "Electrical", "2 smaller line(s)"}));
    QCOMPARE(panel.costChart()->title(),
             QString("Example — capex 515 M USD · opex 12.3 M USD/yr · TCO 900 M USD (8.0 %, 10 "
                     "years) · 2.13 USD per accelerator-hour\nNot priced: IT: no price for "
                     "'custom' in the catalog"));
}

void TestCharts::cashFlowChartStacksPhasesPerQuarter()
{
    // Three quarters of a two-phase build, in USD: phase 1 spends 10 M then 20 M, phase 2
    // 5 M then 30 M; opex 0, 1 M, 2 M; cumulative 10, 36, 68 M.
    planner::CashFlow flow;
    flow.quarters = {quarter(2027, 1, {10e6, 0.0}, 0.0, 10e6),
                     quarter(2027, 4, {20e6, 5e6}, 1e6, 36e6),
                     quarter(2027, 7, {0.0, 30e6}, 2e6, 68e6)};
    flow.peakQuarterCapex = 30e6;
    ChartsPanel panel;
    panel.showCashFlow("Example", flow);
    CashFlowChart *chart = panel.cashFlowChart();
    QCustomPlot *plot = chart->plot();
    QCOMPARE(chart->phaseCount(), 2);
    QCPBars *phase1 = barsNamed(plot, "Capex, phase 1");
    QCPBars *phase2 = barsNamed(plot, "Capex, phase 2");
    QCPBars *opex = barsNamed(plot, "Opex");
    QVERIFY(phase1 && phase2 && opex);
    COMPARE_VALUES(keysOf(phase1), QList<double>({0, 1, 2}));
    COMPARE_VALUES(valuesOf(phase1), QList<double>({10, 20, 0}));
    COMPARE_VALUES(valuesOf(phase2), QList<double>({0, 5, 30}));
    COMPARE_VALUES(valuesOf(opex), QList<double>({0, 1, 2}));
    QCOMPARE(phase2->barBelow(), phase1); // stacked
    QCOMPARE(plot->graph(0)->name(), QString("Cumulative"));
    COMPARE_VALUES(valuesOf(plot->graph(0)), QList<double>({10, 36, 68}));
    QCOMPARE(tickLabels(plot->xAxis), QStringList({"2027 Q1", "2027 Q2", "2027 Q3"}));
    QCOMPARE(titleOf(plot),
             QString("Example — cash flow on the P50 schedule: 68 M USD to a year "
                     "after the last phase, peak quarter 30 M USD capex"));

    // A one-phase flow afterwards hides the second phase's series and its legend entry.
    planner::CashFlow single;
    single.quarters = {quarter(2028, 10, {7e6}, 0.0, 7e6)};
    panel.showCashFlow("Other", single);
    COMPARE_VALUES(valuesOf(phase1), QList<double>({7}));
    QVERIFY(!phase2->visible());
    QVERIFY(!plot->legend->hasItemWithPlottable(phase2));
    QCOMPARE(tickLabels(plot->xAxis), QStringList({"2028 Q4"}));
}

void TestCharts::tornadoChartShowsTheWidestTwelve()
{
    // Thirteen inputs around a base of 500 M USD; input i moves the TCO by -(13 - i) M USD at
    // its low value and +2 (13 - i) M USD at its high value. The chart shows the first twelve.
    planner::Tornado tornado;
    tornado.baseOutput = 500e6;
    for (int i = 0; i < 13; ++i) {
        const double swing = 13 - i;
        tornado.bars.push_back({"input " + std::to_string(i + 1), 0.05, 27800.0,
                                500e6 - swing * 1e6, 500e6 + 2 * swing * 1e6});
    }
    tornado.bars[0].name = "Construction cost per MW of critical IT load, all phases together";
    tornado.bars[0].low = 9.3e6;
    tornado.bars[0].high = 1.5e7;
    ChartsPanel panel;
    panel.showTcoTornado("Example", tornado);
    TornadoChart *chart = panel.tcoTornadoChart();
    QCOMPARE(chart->barCount(), 12);
    auto *low = qobject_cast<QCPBars *>(chart->plot()->plottable(0));
    auto *high = qobject_cast<QCPBars *>(chart->plot()->plottable(1));
    QVERIFY(low && high);
    QList<double> lows, highs;
    for (int i = 0; i < 12; ++i) {
        lows << -(13 - i);
        highs << 2 * (13 - i);
    }
    COMPARE_VALUES(valuesOf(low), lows);
    COMPARE_VALUES(valuesOf(high), highs);
    const QStringList labels = tickLabels(chart->plot()->yAxis);
    QCOMPARE(labels.size(), 12);
    // Names past 48 characters are cut with an ellipsis; inputs written as people do.
    QCOMPARE(labels.front(),
             QString("Construction cost per MW of critical IT load, a… (9.3 M … 15 M)"));
    QCOMPARE(labels.back(), QString("input 12 (0.05 … 27.8 k)"));
    QCOMPARE(titleOf(chart->plot()),
             QString("Example — base 500.0 M USD; the 12 inputs that move it most of 13"));

    // The date tornado is in months, unscaled.
    planner::Tornado dates;
    dates.baseOutput = 56.9;
    dates.bars = {{"Utility load study", 14, 60, 56.6, 95.4}};
    panel.showDateTornado("Example", dates);
    TornadoChart *dateChart = panel.dateTornadoChart();
    QCOMPARE(dateChart->barCount(), 1);
    COMPARE_VALUES(valuesOf(qobject_cast<QCPBars *>(dateChart->plot()->plottable(0))),
                   QList<double>({56.6 - 56.9}));
    COMPARE_VALUES(valuesOf(qobject_cast<QCPBars *>(dateChart->plot()->plottable(1))),
                   QList<double>({95.4 - 56.9}));
}

void TestCharts::chartsPanelSaysWhatWillAppearUntilAPlanExists()
{
    ChartsPanel panel;
    auto *stack = panel.findChild<QStackedWidget *>(QString(), Qt::FindDirectChildrenOnly);
    QVERIFY(stack);
    QCOMPARE(stack->currentIndex(), 0);
    planner::EconomicsResult cost;
    cost.capex = {{"Land", 10e6, "", nullptr}};
    cost.totalCapex = 10e6;
    panel.showCost("Example", cost);
    QCOMPARE(stack->currentWidget(), static_cast<QWidget *>(panel.tabs()));
    panel.clear();
    QCOMPARE(stack->currentIndex(), 0);
    QCOMPARE(panel.costChart()->plot()->plottable(0)->interface1D()->dataCount(), 0);
}

QTEST_MAIN(TestCharts)
#include "test_charts.moc"
