// SPDX-License-Identifier: GPL-3.0-or-later
// The site panels show what they are given: the score table (exclusions in red), the plan tree
// from a real plan of the bundled catalog, the schedule chart's bars, and the layer panel's
// requests.

#include "planner/core/catalog/catalogloader.h"
#include "planner/core/catalog/schedulecatalog.h"
#include "planner/core/economics/cashflow.h"
#include "planner/core/economics/economics.h"
#include "planner/core/economics/economicstornado.h"
#include "planner/core/io/planjson.h"
#include "planner/core/schedule/planschedule.h"
#include "planner/core/schedule/scheduleplanner.h"
#include "planner/core/sizing/planner.h"
#include "widgets/cashflowchart.h"
#include "widgets/chartspanel.h"
#include "widgets/costchart.h"
#include "widgets/layerpanel.h"
#include "widgets/planpanel.h"
#include "widgets/schedulechart.h"
#include "widgets/scorepanel.h"
#include "widgets/tornadochart.h"

#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>
#include <qcustomplot.h>

#include <cmath>

using namespace ui;

class TestPanels : public QObject
{
    Q_OBJECT
private slots:
    void scoreTableShowsEveryFactorAndExclusions();
    void planTreeShowsTheResult();
    void scheduleChartHasABarPerTask();
    void costChartShowsEveryCapexDollar();
    void cashFlowAndTornadoChartsShowTheirData();
    void layerPanelListsTopLayerFirstAndEmitsRequests();
};

void TestPanels::scoreTableShowsEveryFactorAndExclusions()
{
    ScorePanel panel;
    ScoreBreakdown b;
    b.siteName = "Test site";
    b.excluded = true;
    b.exclusionReasons << "Flood zone: inside a 100-year flood zone";
    FactorRow distance{"Nearest ≥ 230 kV substation", "4.0 km", "subs", 0.6, 0.9, 0.54, false, ""};
    FactorRow flood{"Flood zone", "inside zone A", "floods", 0.0, {}, {}, true, "in a flood zone"};
    b.rows << distance << flood;
    panel.showBreakdown(b);
    QTableWidget *table = panel.table();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), distance.factor);
    QCOMPARE(table->item(0, 2)->text(), QString("60 %"));
    QCOMPARE(table->item(0, 4)->text(), QString("54 %"));
    QCOMPARE(table->item(1, 0)->foreground().color(), QColor(200, 30, 30));
    QVERIFY(table->item(1, 1)->text().contains("in a flood zone"));
    QCOMPARE(scoreText(b.score, b.excluded), QString("excluded"));
    QCOMPARE(scoreText(0.724, false), QString("72 / 100"));
}

void TestPanels::planTreeShowsTheResult()
{
    const QString root = ENERGIZE_SOURCE_DIR;
    auto catalog = planner::loadCatalog((root + "/resources/catalog").toStdString());
    QVERIFY2(catalog.ok(), catalog.ok() ? "" : catalog.error().message.c_str());
    QFile file(root + "/resources/examples/plan-100mw.json");
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto request = planner::parsePlanRequest(file.readAll().toStdString());
    QVERIFY(request.ok());
    auto result = planner::plan(request->input, request->site, *catalog);
    QVERIFY(result.ok());
    PlanPanel panel;
    panel.showPlan("Example", *result, *catalog);
    const auto racks = panel.tree()->findItems("Racks", Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(racks.size(), 1);
    QCOMPARE(racks.front()->text(1), QLocale().toString(result->racks));
    const auto assumptions =
            panel.tree()->findItems("Assumptions", Qt::MatchStartsWith | Qt::MatchRecursive);
    QCOMPARE(assumptions.size(), 1);
    QCOMPARE(assumptions.front()->childCount(), int(result->assumptions.size()));
}

void TestPanels::scheduleChartHasABarPerTask()
{
    const QString root = ENERGIZE_SOURCE_DIR;
    auto catalog = planner::ScheduleCatalog::load(
            (root + "/resources/catalog/schedule.json").toStdString());
    QVERIFY(catalog.ok());
    planner::ScheduleInputs inputs;
    inputs.market = "ercot";
    inputs.phases = {planner::Megawatts(40), planner::Megawatts(60)};
    inputs.lineDistance = planner::Kilometres(10);
    inputs.lineVoltage = planner::Kilovolts(345);
    inputs.start = {2027, 1};
    planner::MonteCarloOptions options;
    options.samples = 2000;
    auto schedule = planner::planSchedule(inputs, *catalog, options);
    QVERIFY(schedule.ok());
    ChartsPanel panel;
    panel.showSchedule("Example", *schedule);
    QCustomPlot *plot = panel.scheduleChart()->plot();
    int bars = 0;
    for (int i = 0; i < plot->plottableCount(); ++i) {
        if (auto *b = qobject_cast<QCPBars *>(plot->plottable(i)))
            bars = std::max(bars, b->data()->size());
    }
    QCOMPARE(bars, int(schedule->tasks.size()));
    // One P10–P90 band, one P50 line and one label per phase.
    QCOMPARE(plot->itemCount(), 3 * int(schedule->phases.size()));
}

void TestPanels::costChartShowsEveryCapexDollar()
{
    const QString root = ENERGIZE_SOURCE_DIR;
    auto catalog = planner::loadCatalog((root + "/resources/catalog").toStdString());
    auto economics = planner::EconomicsCatalog::load(
            (root + "/resources/catalog/economics.json").toStdString());
    QVERIFY(catalog.ok() && economics.ok());
    QFile file(root + "/resources/examples/plan-100mw.json");
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto request = planner::parsePlanRequest(file.readAll().toStdString());
    auto plan = planner::plan(request->input, request->site, *catalog);
    auto cost = planner::estimateEconomics(request->input, *plan, request->site, *economics);
    QVERIFY(cost.ok());
    ChartsPanel panel;
    panel.showCost("Example", *cost);
    QCustomPlot *plot = panel.costChart()->plot();
    auto *bars = qobject_cast<QCPBars *>(plot->plottable(0));
    QVERIFY(bars);
    // One bar per line of at least 1 % of the capex, one for the smaller lines together; the
    // bars add up to the capex.
    int large = 0;
    for (const planner::CostLine &line : cost->capex)
        large += line.usd >= 0.01 * cost->totalCapex;
    const bool anySmall = large < int(cost->capex.size());
    QCOMPARE(bars->data()->size(), large + (anySmall ? 1 : 0));
    double sum = 0.0;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        sum += it->value;
    QVERIFY(std::abs(sum - cost->totalCapex / 1e6) < 1e-9 * sum);
}

void TestPanels::cashFlowAndTornadoChartsShowTheirData()
{
    const QString root = ENERGIZE_SOURCE_DIR;
    auto catalog = planner::loadCatalog((root + "/resources/catalog").toStdString());
    auto economics = planner::EconomicsCatalog::load(
            (root + "/resources/catalog/economics.json").toStdString());
    auto scheduleCatalog = planner::ScheduleCatalog::load(
            (root + "/resources/catalog/schedule.json").toStdString());
    QVERIFY(catalog.ok() && economics.ok() && scheduleCatalog.ok());
    QFile file(root + "/resources/examples/plan-100mw.json");
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto request = planner::parsePlanRequest(file.readAll().toStdString());
    auto plan = planner::plan(request->input, request->site, *catalog);
    QVERIFY(plan.ok());
    const planner::ScheduleInputs inputs = planner::scheduleInputsFor(*plan, "ercot", {2027, 1});
    planner::MonteCarloOptions options;
    options.samples = 2000;
    auto schedule = planner::planSchedule(inputs, *scheduleCatalog, options);
    auto cost = planner::estimateEconomics(request->input, *plan, request->site, *economics);
    QVERIFY(schedule.ok() && cost.ok());
    auto flow = planner::quarterlyCashFlow(*cost, *plan, *schedule);
    QVERIFY(flow.ok());
    ChartsPanel panel;
    panel.resize(900, 500);
    panel.showCashFlow("Example", *flow);
    // One stacked bar series per phase (the example builds two), each with a value per quarter
    // that matches the cash flow, and a cumulative line ending at the total spent.
    QCOMPARE(panel.cashFlowChart()->phaseCount(), 2);
    QCustomPlot *plot = panel.cashFlowChart()->plot();
    double charted = 0.0;
    int phaseSeries = 0;
    for (int i = 0; i < plot->plottableCount(); ++i) {
        auto *bars = qobject_cast<QCPBars *>(plot->plottable(i));
        if (!bars || !bars->name().startsWith("Capex"))
            continue;
        ++phaseSeries;
        QCOMPARE(bars->data()->size(), int(flow->quarters.size()));
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
            charted += it->value;
    }
    QCOMPARE(phaseSeries, 2);
    QVERIFY(std::abs(charted - cost->totalCapex / 1e6) < 1e-6 * charted);
    QCOMPARE(plot->graph(0)->data()->size(), int(flow->quarters.size()));
    QVERIFY(std::abs((plot->graph(0)->data()->constEnd() - 1)->value
                     - flow->quarters.back().cumulative / 1e6)
            < 1e-9);
    // The tornado shows the widest twelve inputs, in order, as changes from the base.
    auto tornado = planner::tcoTornado(request->input, *plan, request->site, *economics);
    QVERIFY(tornado.ok());
    panel.showTcoTornado("Example", *tornado);
    TornadoChart *chart = panel.tcoTornadoChart();
    QCOMPARE(chart->barCount(), 12);
    auto *low = qobject_cast<QCPBars *>(chart->plot()->plottable(0));
    auto *high = qobject_cast<QCPBars *>(chart->plot()->plottable(1));
    QVERIFY(low && high);
    QCOMPARE(low->data()->size(), 12);
    const planner::TornadoBar &top = tornado->bars.front();
    QCOMPARE(low->data()->at(0)->value, (top.outputAtLow - tornado->baseOutput) / 1e6);
    QCOMPARE(high->data()->at(0)->value, (top.outputAtHigh - tornado->baseOutput) / 1e6);
    // Both render without error to an image a user would see.
    QVERIFY(!panel.grab().isNull());
}

void TestPanels::layerPanelListsTopLayerFirstAndEmitsRequests()
{
    LayerPanel panel;
    LayerRow bottom{1,           "dem", true,      1.0,   "elevation", "raster",
                    "EPSG:4326", "",    "dem.tif", false, ""};
    LayerRow top{2,  "lines",  true,  1.0, "transmission lines", "vector", "EPSG:4326",
                 "", "l.gpkg", false, ""};
    LayerRow broken{3, "bad", true, 1.0, "", "", "", "", "bad.tif", false, "bad.tif: corrupt"};
    panel.setLayers({bottom, top, broken});
    QTreeWidget *tree = panel.tree();
    QCOMPARE(tree->topLevelItemCount(), 3);
    QCOMPARE(tree->topLevelItem(0)->text(0), QString("bad"));
    QCOMPARE(tree->topLevelItem(0)->text(1), QString("failed"));
    QVERIFY(tree->topLevelItem(0)->toolTip(0).contains("corrupt"));
    QSignalSpy visibility(&panel, &LayerPanel::visibilityChangeRequested);
    tree->topLevelItem(1)->setCheckState(0, Qt::Unchecked);
    QCOMPARE(visibility.count(), 1);
    QCOMPARE(visibility.at(0).at(0).toLongLong(), qint64(2));
    QCOMPARE(visibility.at(0).at(1).toBool(), false);
    QSignalSpy moved(&panel, &LayerPanel::moveRequested);
    tree->setCurrentItem(tree->topLevelItem(2)); // the bottom layer
    panel.findChildren<QToolButton *>().at(2)->click(); // "Up"
    QCOMPARE(moved.count(), 1);
    QCOMPARE(moved.at(0).at(1).toInt(), 1);
}

QTEST_MAIN(TestPanels)
#include "test_panels.moc"
