// SPDX-License-Identifier: GPL-3.0-or-later
// The site panels show what they are given, checked cell by cell and point by point against
// inputs made by hand: the score table (weights as percentages, exclusions in red with their
// reason), the plan tree of the bundled example (figures worked out from the catalog files),
// and the layer panel's rows and requests. The charts have test_charts.cpp.

#include "planner/core/catalog/catalogloader.h"
#include "planner/core/economics/economics.h"
#include "planner/core/evaluation/evaluation.h"
#include "planner/core/io/planjson.h"
#include "planner/core/sizing/gridfit.h"
#include "planner/core/sizing/planner.h"
#include "widgets/layerpanel.h"
#include "widgets/planpanel.h"
#include "widgets/scorepanel.h"

#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <cmath>

using namespace ui;

namespace {

QTreeWidgetItem *rowNamed(QTreeWidget *tree, const QString &name)
{
    const auto found = tree->findItems(name, Qt::MatchExactly | Qt::MatchRecursive);
    return found.size() == 1 ? found.front() : nullptr;
}

} // namespace

class TestPanels : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void scoreTableShowsEveryFactorAndExclusions();
    void scoreOfAnIncludedSite();
    void planTreeShowsTheExample();
    void planTreeShowsTheGridHeadroom();
    void planTreeShowsTheServedWorkload();
    void planErrorReplacesTheTree();
    void layerPanelListsTopLayerFirstAndEmitsRequests();
    void layerPanelShowsAGridCase();
};

void TestPanels::initTestCase()
{
    // Thousands separators as the expected texts below write them.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestPanels::scoreTableShowsEveryFactorAndExclusions()
{
    ScorePanel panel;
    ScoreBreakdown b;
    b.siteName = "Test site";
    b.longitude = -99.73;
    b.latitude = 32.45;
    b.excluded = true;
    b.exclusionReasons << "Flood zone: inside a 100-year flood zone";
    const FactorRow distance{"Nearest ≥ 230 kV substation",
                             "4.0 km (345 kV, Abilene North)",
                             "subs",
                             0.6,
                             0.9,
                             0.54,
                             false,
                             ""};
    const FactorRow slope{"Slope", "—", "", 0.25, {}, {}, false, "no elevation layer"};
    const FactorRow flood{"Flood zone", "inside zone A",  "floods", 0.15, {}, {},
                          true,         "in a flood zone"};
    b.rows << distance << slope << flood;
    panel.showBreakdown(b);

    QTableWidget *table = panel.table();
    QCOMPARE(table->columnCount(), 5);
    QCOMPARE(table->rowCount(), 3);
    // Factor, value here, weight, score, contribution: shares as whole percentages.
    const QStringList expected[] = {
            {distance.factor, distance.value, "60 %", "90 %", "54 %"},
            {"Slope", "—", "25 %", "—", "—"},
            {"Flood zone", "inside zone A — in a flood zone", "15 %", "—", "—"},
    };
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 5; ++c)
            QCOMPARE(table->item(r, c)->text(), expected[r][c]);
    }
    QCOMPARE(table->item(0, 0)->toolTip(), QString("From layer: subs"));
    QCOMPARE(table->item(1, 1)->toolTip(), QString("no elevation layer"));
    QCOMPARE(table->item(2, 3)->toolTip(), QString("From layer: floods\nin a flood zone"));
    // The excluding factor is red in every column; the others are not.
    for (int c = 0; c < 5; ++c) {
        QCOMPARE(table->item(2, c)->foreground().color(), QColor(200, 30, 30));
        QCOMPARE(table->item(0, c)->foreground().style(), Qt::NoBrush);
    }
    // Above the table: the site with its position, "excluded" and the reasons.
    QStringList labels;
    for (QLabel *label : panel.findChildren<QLabel *>()) {
        if (label->isVisibleTo(&panel))
            labels << label->text();
    }
    QVERIFY2(labels.contains("<b>Test site</b> — 32.4500°, -99.7300°"),
             qPrintable(labels.join('|')));
    QVERIFY2(labels.contains("excluded"), qPrintable(labels.join('|')));
    QVERIFY2(labels.contains("Flood zone: inside a 100-year flood zone"),
             qPrintable(labels.join('|')));
}

void TestPanels::scoreOfAnIncludedSite()
{
    ScorePanel panel;
    ScoreBreakdown b;
    b.siteName = "Good site";
    b.score = 0.724;
    b.rows << FactorRow{"Land price", "12,000 USD/ha", "prices", 1.0, 0.724, 0.724, false, ""};
    panel.showBreakdown(b);
    QCOMPARE(panel.table()->rowCount(), 1);
    QCOMPARE(panel.table()->item(0, 2)->text(), QString("100 %"));
    QCOMPARE(panel.table()->item(0, 4)->text(), QString("72 %"));
    QStringList labels;
    for (QLabel *label : panel.findChildren<QLabel *>()) {
        if (label->isVisibleTo(&panel))
            labels << label->text();
    }
    QVERIFY2(labels.contains("72 / 100"), qPrintable(labels.join('|')));
    QVERIFY(!labels.contains(QString())); // no empty reasons line
    QCOMPARE(scoreText(std::nullopt, false), QString("no score"));
}

// The example by hand from resources/catalog: gb200-nvl72 racks of 132 kW and 72 GPUs, so
// 100 MW needs ceil(757.58) = 758 racks, 54,576 GPUs and carries 100.056 MW; the liquid
// share of dlc-dry-coolers is the rack's liquid_heat_fraction, 0.85.
void TestPanels::planTreeShowsTheExample()
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
    QTreeWidget *tree = panel.tree();

    QStringList sections;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        sections << tree->topLevelItem(i)->text(0);
    QCOMPARE(sections.mid(0, 4), QStringList({"IT", "Cooling", "Electrical", "Land"}));
    const struct
    {
        const char *row;
        const char *value;
    } rows[] = {
            {"Accelerator system", "NVIDIA GB200 NVL72"},
            {"Racks", "758"},
            {"Accelerators", "54,576"},
            {"Power per rack", "132.0 kW"},
            {"Critical IT load", "100.06 MW"},
            {"Heat to liquid", "85 %"},
            {"Architecture", "Direct-to-chip liquid with dry coolers (W40)"},
    };
    for (const auto &r : rows) {
        QTreeWidgetItem *item = rowNamed(tree, r.row);
        QVERIFY2(item, r.row);
        QCOMPARE(item->text(1), QString::fromUtf8(r.value));
    }
    QCOMPARE(rowNamed(tree, "Racks")->parent()->text(0), QString("IT"));
    // The example's site has no headroom study, and the Electrical section says so.
    QCOMPARE(rowNamed(tree, "Grid headroom")->parent()->text(0), QString("Electrical"));
    QCOMPARE(rowNamed(tree, "Grid headroom")->text(1), QString("not studied"));
    QCOMPARE(rowNamed(tree, "Architecture")->parent()->text(0), QString("Cooling"));
    // The assumptions, the first being the user's target load, then the catalog's rack power
    // with its source year and URL (accelerators.json).
    QTreeWidgetItem *assumptions = tree->topLevelItem(4);
    QCOMPARE(assumptions->text(0),
             QString("Assumptions (%1)").arg(int(result->assumptions.size())));
    QCOMPARE(assumptions->childCount(), int(result->assumptions.size()));
    QVERIFY(assumptions->childCount() > 40);
    const QTreeWidgetItem *first = assumptions->child(0);
    QCOMPARE(QStringList({first->text(0), first->text(1), first->text(2)}),
             QStringList({"target IT load", "100.000 MW", "user input"}));
    const QTreeWidgetItem *rackPower = assumptions->child(1);
    QCOMPARE(QStringList({rackPower->text(0), rackPower->text(1), rackPower->text(2)}),
             QStringList({"rack IT power", "132.000 kW", "catalog (2024-2025)"}));
    QCOMPARE(rackPower->toolTip(2),
             QString("https://awesomeagents.ai/hardware/nvidia-gb200-nvl72"));
}

// The example against an N-1 headroom that takes phase 1 only: the row gives the shortfall of
// the whole build (its two phases' facility peaks less the headroom) and the tooltip what limits
// the headroom; with more headroom than the build needs, the margin.
void TestPanels::planTreeShowsTheServedWorkload()
{
    const QString root = ENERGIZE_SOURCE_DIR;
    auto catalog = planner::loadCatalog((root + "/resources/catalog").toStdString());
    QVERIFY(catalog.ok());
    QFile file(root + "/resources/examples/plan-workload.json");
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto request = planner::parsePlanRequest(file.readAll().toStdString());
    QVERIFY(request.ok());
    auto result = planner::plan(request->input, request->site, *catalog);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    PlanPanel panel;
    panel.showPlan("Workload", *result, *catalog);
    QTreeWidget *tree = panel.tree();
    // The example: 2e9 requests a day, 70 % large-dense (1,500 in, 400 out), 30 % reasoning
    // (1,000 in, 4,000 out), peak 1.5x the average, 60 % utilisation. By hand:
    // tokens/day 2e9 x (0.7 x 1,900 + 0.3 x 5,000) = 5.66e12; average output tokens/s
    // 2e9 x 1,480 / 86,400 = 34,259,259; peaks 2e9 x 0.7 x 400 / 86,400 x 1.5 = 9,722,222 and
    // 2e9 x 0.3 x 4,000 / 86,400 x 1.5 = 41,666,667.
    QCOMPARE(rowNamed(tree, "Requests per day")->text(1), QString("2,000,000,000"));
    QCOMPARE(rowNamed(tree, "Tokens per day")->text(1), QString("5,660,000,000,000"));
    QCOMPARE(rowNamed(tree, "Output tokens/s, average")->text(1), QString("34,259,259"));
    QCOMPARE(rowNamed(tree, "Requests per day")->parent()->text(0), QString("Served workload"));
    // Accelerators per class: the peak over (the catalog's tokens/s per accelerator x 60 %).
    const planner::AcceleratorSystem *gb200 = nullptr;
    for (const auto &a : catalog->accelerators)
        gb200 = a.id == "gb200-nvl72" ? &a : gb200;
    QVERIFY(gb200);
    auto tps = [&](const char *cls) {
        for (const auto &t : gb200->throughput)
            if (t.modelClass == cls)
                return t.tokensPerSecond.value;
        return 0.0;
    };
    QVERIFY(tps("large-dense") > 0 && tps("reasoning") > 0);
    const double large = std::ceil(2e9 * 0.7 * 400 / 86400 * 1.5 / (tps("large-dense") * 0.6));
    const double reasoning = std::ceil(2e9 * 0.3 * 4000 / 86400 * 1.5 / (tps("reasoning") * 0.6));
    QCOMPARE(rowNamed(tree, "large-dense (70.0 %)")->text(1),
             QString("%1 accelerators for 9,722,222 tokens/s at peak")
                     .arg(QLocale().toString(large, 'f', 0)));
    QCOMPARE(rowNamed(tree, "reasoning (30.0 %)")->text(1),
             QString("%1 accelerators for 41,666,667 tokens/s at peak")
                     .arg(QLocale().toString(reasoning, 'f', 0)));
    QVERIFY(rowNamed(tree, "reasoning (30.0 %)")->toolTip(1).contains("MLPerf"));
    QVERIFY(!rowNamed(tree, "Router saves, IT load")); // no savings given, no row

    // The router's savings: 30.25 - 12.5 = 17.75 MW, 2.5e8 - 1.0e8 = 150,000,000 USD a year.
    const planner::RouterSavings savings{"reasoning", 12.5, 30.25, 1.0e8, 2.5e8};
    panel.showPlan("Workload", *result, *catalog, nullptr, &savings);
    QCOMPARE(rowNamed(tree, "Router saves, IT load")->text(1),
             QString("17.75 MW (12.50 MW routed vs 30.25 MW all to reasoning)"));
    QCOMPARE(rowNamed(tree, "Router saves, IT load")->parent()->text(0),
             QString("Served workload"));
    QCOMPARE(rowNamed(tree, "Router saves, per year")->text(1),
             QString("USD 150,000,000 (annualised capex + opex)"));
    QVERIFY(rowNamed(tree, "Router saves, IT load")
                    ->toolTip(1)
                    .contains("all served by the "
                              "reasoning class"));
    // Without an economics catalog the dollar figure is reported missing, not zero.
    const planner::RouterSavings unpriced{"reasoning", 12.5, 30.25, std::nullopt, std::nullopt};
    panel.showPlan("Workload", *result, *catalog, nullptr, &unpriced);
    QVERIFY(rowNamed(tree, "Router saves, per year")->text(1).startsWith("missing"));
}

void TestPanels::planTreeShowsTheGridHeadroom()
{
    const QString root = ENERGIZE_SOURCE_DIR;
    auto catalog = planner::loadCatalog((root + "/resources/catalog").toStdString());
    QVERIFY(catalog.ok());
    QFile file(root + "/resources/examples/plan-100mw.json");
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto request = planner::parsePlanRequest(file.readAll().toStdString());
    QVERIFY(request.ok());
    auto result = planner::plan(request->input, request->site, *catalog);
    QVERIFY(result.ok());
    const double peak1 = result->phases[0].facilityPeak.value();
    const double whole = peak1 + result->phases[1].facilityPeak.value();
    planner::SiteConditions site = request->site;
    planner::GridHeadroom h;
    h.n = planner::Megawatts(whole + 100.0);
    h.n1 = planner::Megawatts(peak1 + 10.0);
    h.busName = "ODESSA 2 0";
    h.busVoltage = planner::Kilovolts(138.0);
    h.bindingN1 = "ODESSA 2 0 - MIDLAND 1 0 after the outage of ODESSA 2 0 - PECOS 0";
    h.gridCase = "ACTIVSg2000";
    site.gridHeadroom = h;
    const auto fit = planner::gridFit(*result, site, planner::GridCriterion::NMinus1);
    QVERIFY(fit);
    PlanPanel panel;
    panel.showPlan("Example", *result, *catalog, &*fit);
    QTreeWidgetItem *row = rowNamed(panel.tree(), "Grid headroom");
    QVERIFY(row);
    const QString shortfall = QLocale().toString(whole - peak1 - 10.0, 'f', 1);
    QCOMPARE(row->text(1), QString("does not fit by %1 MW (N-1, from phase 2)").arg(shortfall));
    QVERIFY2(row->toolTip(1).contains("Binding element (N-1): "
                                      + QString::fromStdString(h.bindingN1)),
             qPrintable(row->toolTip(1)));
    QVERIFY(row->toolTip(1).contains("Grid case: ACTIVSg2000"));
    QVERIFY(row->toolTip(1).contains("Serving bus: ODESSA 2 0 (138 kV)"));

    site.gridHeadroom->n1 = planner::Megawatts(whole + 20.0);
    const auto fits = planner::gridFit(*result, site, planner::GridCriterion::NMinus1);
    panel.showPlan("Example", *result, *catalog, &*fits);
    QCOMPARE(rowNamed(panel.tree(), "Grid headroom")->text(1),
             QString("fits, 20.0 MW to spare (N-1)"));
}

void TestPanels::planErrorReplacesTheTree()
{
    PlanPanel panel;
    panel.showError("Site 1", "UPS redundancy N is not offered; choose N+1, 2N");
    QCOMPARE(panel.tree()->topLevelItemCount(), 0);
    QStringList labels;
    for (QLabel *label : panel.findChildren<QLabel *>()) {
        if (label->isVisibleTo(&panel))
            labels << label->text();
    }
    QVERIFY2(labels.contains("<b>Site 1</b>"), qPrintable(labels.join('|')));
    QVERIFY2(labels.contains("UPS redundancy N is not offered; choose N+1, 2N"),
             qPrintable(labels.join('|')));
}

void TestPanels::layerPanelListsTopLayerFirstAndEmitsRequests()
{
    LayerPanel panel;
    LayerRow bottom{1,           "dem", true,      1.0,   "elevation", "raster",
                    "EPSG:4326", "",    "dem.tif", false, ""};
    LayerRow top{2,  "lines",  false, 0.4, "transmission lines", "vector", "EPSG:4326",
                 "", "l.gpkg", false, ""};
    LayerRow broken{3, "bad", true, 1.0, "", "", "", "", "bad.tif", false, "bad.tif: corrupt"};
    panel.setLayers({bottom, top, broken});
    QTreeWidget *tree = panel.tree();
    QCOMPARE(tree->topLevelItemCount(), 3);
    // Top of the list is drawn last: bad, lines, dem.
    QCOMPARE(tree->topLevelItem(0)->text(0), QString("bad"));
    QCOMPARE(tree->topLevelItem(0)->text(1), QString("failed"));
    QCOMPARE(tree->topLevelItem(0)->foreground(0).color(), QColor(200, 30, 30));
    QVERIFY(tree->topLevelItem(0)->toolTip(0).contains("bad.tif: corrupt"));
    QCOMPARE(tree->topLevelItem(1)->text(0), QString("lines"));
    QCOMPARE(tree->topLevelItem(1)->text(1), QString("transmission lines"));
    QCOMPARE(tree->topLevelItem(1)->checkState(0), Qt::Unchecked);
    QCOMPARE(tree->topLevelItem(1)->toolTip(0),
             QString("l.gpkg\nvector layer, \nCoordinate system: EPSG:4326\nOpacity: 40 %"));
    QCOMPARE(tree->topLevelItem(2)->text(0), QString("dem"));
    QCOMPARE(tree->topLevelItem(2)->checkState(0), Qt::Checked);

    QSignalSpy visibility(&panel, &LayerPanel::visibilityChangeRequested);
    tree->topLevelItem(1)->setCheckState(0, Qt::Checked);
    QCOMPARE(visibility.count(), 1);
    QCOMPARE(visibility.at(0).at(0).toLongLong(), qint64(2));
    QCOMPARE(visibility.at(0).at(1).toBool(), true);
    QSignalSpy moved(&panel, &LayerPanel::moveRequested);
    tree->setCurrentItem(tree->topLevelItem(2)); // the bottom layer
    panel.findChildren<QToolButton *>().at(2)->click(); // "Up"
    QCOMPARE(moved.count(), 1);
    QCOMPARE(moved.at(0).at(0).toLongLong(), qint64(1));
    QCOMPARE(moved.at(0).at(1).toInt(), 1);
}

void TestPanels::layerPanelShowsAGridCase()
{
    LayerPanel panel;
    LayerRow loading;
    loading.id = 1;
    loading.name = "case";
    loading.kind = "grid case";
    loading.role = "grid case";
    loading.source = "case.m";
    loading.loading = true;
    loading.progress = "N-1 headroom of every bus: 812 / 2,000 (72 %)";
    LayerRow asking = loading;
    asking.id = 2;
    asking.name = "other";
    asking.loading = false;
    asking.progress.clear();
    asking.error = "other.m holds no coordinates: choose its bus-location table";
    asking.needsLocations = true;
    LayerRow ready = loading;
    ready.id = 3;
    ready.name = "ready";
    ready.loading = false;
    ready.progress.clear();
    ready.locations = "buses.csv";
    ready.notes = {"Branches are drawn as straight lines between substations",
                   "1 of 5 buses have no row in buses.csv and are not drawn: 5"};
    panel.setLayers({loading, asking, ready});
    QTreeWidget *tree = panel.tree();
    QCOMPARE(tree->topLevelItemCount(), 3);
    QTreeWidgetItem *readyRow = tree->topLevelItem(0);
    QVERIFY(readyRow->toolTip(0).contains("Bus locations: buses.csv"));
    QVERIFY(readyRow->toolTip(0).contains("not drawn: 5"));
    QTreeWidgetItem *askingRow = tree->topLevelItem(1);
    QCOMPARE(askingRow->text(1), QString("no locations"));
    QCOMPARE(askingRow->childCount(), 1);
    QVERIFY(askingRow->child(0)->text(0).contains("Choose Bus Locations"));
    QSignalSpy asked(&panel, &LayerPanel::locationsRequested);
    emit tree->itemDoubleClicked(askingRow, 0);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.at(0).at(0).toLongLong(), 2);
    QVERIFY(tree->topLevelItem(2)->text(0).contains("812 / 2,000 (72 %)"));
}

QTEST_MAIN(TestPanels)
#include "test_panels.moc"
