// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison view in the real main window on the demo: one action opens it with the three
// demo plans; every figure in its table is that plan's own evaluatePlan() figure; choosing a
// baseline changes the differences; the choice is an undo step, saved in the project and
// restored when it is reopened. The figures are computed off the GUI thread: the view says it
// is busy until they come, and a result overtaken by newer inputs is never shown. A saved choice
// follows renamed and deleted plans.

#include "app/commandline.h"
#include "app/comparisoncontroller.h"
#include "app/mainwindow.h"
#include "app/mapcontroller.h"
#include "app/maplayers.h"
#include "app/planevaluation.h"
#include "app/planscontroller.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "app/sitecontroller.h"
#include "planner/core/site/buildplan.h"
#include "planner/session/comparisoncommands.h"
#include "planner/session/document.h"
#include "planner/session/plancommands.h"
#include "planner/session/plansmodel.h"
#include "widgets/comparisonmodel.h"
#include "widgets/comparisonview.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using ui::ComparisonModel;

class TestComparisonWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void actionOpensTheDemoPlans();
    void everyFigureIsThePlansOwn();
    void baselineChangesTheDifferences();
    void choiceIsUndoableAndSaved();
    void resultsArriveAsynchronously();
    void staleResultIsDiscarded();
    void renamedAndDeletedPlansKeepTheSavedChoice();

private:
    static bool openDemo(app::MainWindow &window);
    // Waits until the controller has shown the comparison it computes.
    static bool settle(app::ComparisonController *controller);
    QTemporaryDir m_dir;
};

namespace {

int rowOf(const ComparisonModel *model, const QString &id)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data(ComparisonModel::RowIdRole).toString() == id)
            return r;
    }
    return -1;
}

QVariant valueOf(const ComparisonModel *model, const QString &id, int plan, int role)
{
    const int r = rowOf(model, id);
    return r < 0 ? QVariant()
                 : model->index(r, ComparisonModel::kFirstPlanColumn + plan).data(role);
}

double monthIndex(const planner::YearMonth &m)
{
    return m.year * 12.0 + (m.month - 1);
}

QStringList planNames(const planner::Document &doc)
{
    QStringList names;
    for (const planner::BuildPlan &p : doc.plans())
        names << QString::fromStdString(p.name);
    return names;
}

} // namespace

void TestComparisonWindow::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    app::setApplicationIdentity();
}

bool TestComparisonWindow::openDemo(app::MainWindow &window)
{
    window.openDemo();
    window.mapController()->layers()->waitForLoads();
    return QTest::qWaitFor([&] { return window.mapController()->layers()->loadingCount() == 0; },
                           20000);
}

bool TestComparisonWindow::settle(app::ComparisonController *controller)
{
    return QTest::qWaitFor([&] { return !controller->isBusy(); }, 60000);
}

void TestComparisonWindow::actionOpensTheDemoPlans()
{
    app::MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    ui::ComparisonView *view = window.comparisonController()->view();
    QVERIFY(!view->isVisible());
    auto *action = window.findChild<QAction *>("actionComparePlans");
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence("Ctrl+Shift+C"));
    action->trigger();
    QVERIFY(view->isVisible());
    QVERIFY(settle(window.comparisonController()));
    QCOMPARE(view->checkedPlans(), planNames(*window.document()));
    QCOMPARE(view->model()->columnCount(), ComparisonModel::kFirstPlanColumn + 3);
    QCOMPARE(view->model()->headerData(2, Qt::Horizontal).toString(),
             QString::fromStdString(window.document()->plans()[0].name) + "\n(baseline)");
    QVERIFY(!view->summaryLabel()->text().isEmpty());
    const QString shot = qEnvironmentVariable("ENERGIZE_COMPARISON_SCREENSHOT");
    if (!shot.isEmpty()) {
        QTest::qWait(300); // the charts replot on a queued timer
        view->grab().save(shot);
    }
    view->close();
    // The Plans dock's button opens it too.
    window.findChild<QAction *>("actionComparePlansPanel")->trigger();
    QVERIFY(view->isVisible());
}

void TestComparisonWindow::everyFigureIsThePlansOwn()
{
    app::MainWindow window;
    QVERIFY(openDemo(window));
    window.comparisonController()->open();
    QVERIFY(settle(window.comparisonController()));
    const ComparisonModel *model = window.comparisonController()->view()->model();
    planner::Document *doc = window.document();
    app::SiteAnalyzer analyzer(*window.mapController()->layers()->scene(),
                               window.scoring()->model());
    const auto catalogs = window.siteController()->catalogs();
    QVERIFY(catalogs);
    QVERIFY(model->rowCount() > 10);
    for (int i = 0; i < 3; ++i) {
        const app::EvaluatedPlan own =
                app::evaluatePlan(doc->plans()[std::size_t(i)], *doc, analyzer, *catalogs,
                                  window.scoring()->model().market);
        QVERIFY(own.evaluation.ok());
        const planner::SiteEvaluation &e = *own.evaluation;
        auto value = [&](const char *id) {
            return valueOf(model, id, i, ComparisonModel::ValueRole);
        };
        QCOMPARE(value("capex_usd").toDouble(), e.cost->totalCapex);
        QCOMPARE(value("tco_npv_usd").toDouble(), e.cost->npvTco);
        QCOMPARE(value("facility_capex_per_mw_it").toDouble(), e.cost->usdPerMwIt);
        QCOMPARE(value("mw_it").toDouble(), e.plan.itLoad.value());
        QCOMPARE(value("facility_peak_mw").toDouble(), e.plan.electrical.peakFacilityLoad.value());
        QCOMPARE(value("annual_pue").toDouble(), e.plan.cooling.annualPue);
        QCOMPARE(value("water_m3_per_year").toDouble(), e.plan.cooling.waterPerYear.value());
        QCOMPARE(value("land_ha").toDouble(), e.plan.land.campus.value());
        QCOMPARE(value("usd_per_accelerator_hour").isValid(),
                 e.cost->usdPerAcceleratorHour.has_value());
        if (e.cost->usdPerAcceleratorHour)
            QCOMPARE(value("usd_per_accelerator_hour").toDouble(), *e.cost->usdPerAcceleratorHour);
        QCOMPARE(value("site_score").isValid(), own.siteScore.has_value());
        if (own.siteScore)
            QCOMPARE(value("site_score").toDouble(), *own.siteScore);
        const planner::PhaseEnergization &last = e.schedule->phases.back();
        QCOMPARE(value("p50_last").toDouble(), monthIndex(last.p50Date));
        QCOMPARE(value("p90_last").toDouble(), monthIndex(last.p90Date));
        QCOMPARE(valueOf(model, "p50_last", i, Qt::DisplayRole).toString().left(7),
                 QString::fromStdString(planner::yearMonthText(last.p50Date)));
        for (const planner::PhaseEnergization &phase : e.schedule->phases) {
            const QString n = QString::number(phase.phase);
            QCOMPARE(value(qPrintable("p10_phase_" + n)).toDouble(), monthIndex(phase.p10Date));
            QCOMPARE(value(qPrintable("p90_phase_" + n)).toDouble(), monthIndex(phase.p90Date));
        }
    }
}

void TestComparisonWindow::baselineChangesTheDifferences()
{
    app::MainWindow window;
    QVERIFY(openDemo(window));
    window.comparisonController()->open();
    QVERIFY(settle(window.comparisonController()));
    ui::ComparisonView *view = window.comparisonController()->view();
    const ComparisonModel *model = view->model();
    const double capex0 = valueOf(model, "capex_usd", 0, ComparisonModel::ValueRole).toDouble();
    const double capex2 = valueOf(model, "capex_usd", 2, ComparisonModel::ValueRole).toDouble();
    QCOMPARE(valueOf(model, "capex_usd", 2, ComparisonModel::DifferenceRole).toDouble(),
             capex2 - capex0);
    QVERIFY(!valueOf(model, "capex_usd", 0, ComparisonModel::DifferenceRole).isValid());
    view->baselineBox()->setCurrentIndex(2); // as the user picks it
    QVERIFY(QTest::qWaitFor(
            [&] { return model->headerData(4, Qt::Horizontal).toString().endsWith("(baseline)"); },
            10000));
    QCOMPARE(valueOf(model, "capex_usd", 0, ComparisonModel::DifferenceRole).toDouble(),
             capex0 - capex2);
    QVERIFY(qAbs(valueOf(model, "capex_usd", 0, ComparisonModel::PercentRole).toDouble()
                 - (capex0 - capex2) / capex2 * 100.0)
            < 1e-9);
    QVERIFY(!valueOf(model, "capex_usd", 2, ComparisonModel::DifferenceRole).isValid());
}

void TestComparisonWindow::choiceIsUndoableAndSaved()
{
    const QString path = m_dir.filePath("compare.gpkg");
    QStringList names;
    {
        app::MainWindow window;
        QVERIFY(openDemo(window));
        planner::Document *doc = window.document();
        names = planNames(*doc);
        window.comparisonController()->open();
        QVERIFY(settle(window.comparisonController()));
        ui::ComparisonView *view = window.comparisonController()->view();
        // Leave out the second plan, make the third the baseline: two undo steps.
        view->planList()->item(1)->setCheckState(Qt::Unchecked);
        QCOMPARE(view->baselineBox()->count(), 2);
        view->baselineBox()->setCurrentIndex(1);
        QCOMPARE(doc->comparison().plans,
                 std::vector<std::string>({names[0].toStdString(), names[2].toStdString()}));
        QCOMPARE(doc->comparison().baseline, names[2].toStdString());
        QVERIFY(QTest::qWaitFor([&] { return view->model()->columnCount() == 4; }, 10000));
        doc->undoStack()->undo();
        QCOMPARE(doc->comparison().baseline, names[0].toStdString());
        QVERIFY(QTest::qWaitFor([&] { return view->baseline() == names[0]; }, 10000));
        doc->undoStack()->redo();
        QVERIFY(QTest::qWaitFor([&] { return view->baseline() == names[2]; }, 10000));
        QVERIFY2(doc->save(path).ok(), "save failed");
    }
    app::MainWindow reopened;
    QVERIFY(reopened.openProject(path));
    const planner::SavedComparison &saved = reopened.document()->comparison();
    QCOMPARE(saved.plans,
             std::vector<std::string>({names[0].toStdString(), names[2].toStdString()}));
    QCOMPARE(saved.baseline, names[2].toStdString());
    reopened.comparisonController()->open();
    ui::ComparisonView *view = reopened.comparisonController()->view();
    QCOMPARE(view->checkedPlans(), QStringList({names[0], names[2]}));
    QCOMPARE(view->baseline(), names[2]);
}

void TestComparisonWindow::resultsArriveAsynchronously()
{
    app::MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    app::ComparisonController *controller = window.comparisonController();
    ui::ComparisonView *view = controller->view();
    QSignalSpy shown(controller, &app::ComparisonController::shown);
    controller->open();
    // open() returned before the figures: the choice is shown, the table is not yet.
    QCOMPARE(view->checkedPlans(), planNames(*window.document()));
    QVERIFY(controller->isBusy());
    QVERIFY(view->isBusy());
    QVERIFY(view->busyIndicator()->isVisible());
    QCOMPARE(view->model()->columnCount(), 0);
    QCOMPARE(shown.count(), 0);
    const QString shot = qEnvironmentVariable("ENERGIZE_COMPARISON_BUSY_SCREENSHOT");
    if (!shot.isEmpty())
        view->grab().save(shot);
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 60000);
    QVERIFY(!controller->isBusy());
    QVERIFY(!view->busyIndicator()->isVisible());
    QCOMPARE(view->model()->columnCount(), ComparisonModel::kFirstPlanColumn + 3);
    QVERIFY(rowOf(view->model(), "capex_usd") >= 0);
}

void TestComparisonWindow::staleResultIsDiscarded()
{
    app::MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    planner::Document *doc = window.document();
    const QStringList names = planNames(*doc);
    app::ComparisonController *controller = window.comparisonController();
    controller->open();
    QVERIFY(settle(controller));
    const ComparisonModel *model = controller->view()->model();
    QSignalSpy shown(controller, &app::ComparisonController::shown);
    // Two changes in a row, each recomputed at once: the third plan as baseline, then the second.
    planner::commands::setComparison(*doc, {{}, names[2].toStdString(), {}});
    controller->refreshNow();
    planner::commands::setComparison(*doc, {{}, names[1].toStdString(), {}});
    controller->refreshNow();
    controller->waitForDone();
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 60000);
    QCoreApplication::processEvents(); // anything else posted would arrive now
    QCOMPARE(shown.count(), 1);
    QVERIFY(!controller->isBusy());
    // Only the second, the latest, was shown.
    const int first = ComparisonModel::kFirstPlanColumn;
    QVERIFY(model->headerData(first + 1, Qt::Horizontal).toString().endsWith("(baseline)"));
    QVERIFY(!model->headerData(first + 2, Qt::Horizontal).toString().endsWith("(baseline)"));
    QVERIFY(!valueOf(model, "capex_usd", 1, ComparisonModel::DifferenceRole).isValid());
    QVERIFY(valueOf(model, "capex_usd", 2, ComparisonModel::DifferenceRole).isValid());
}

void TestComparisonWindow::renamedAndDeletedPlansKeepTheSavedChoice()
{
    const QString path = m_dir.filePath("renamed.gpkg");
    QStringList names;
    {
        app::MainWindow window;
        QVERIFY(openDemo(window));
        planner::Document *doc = window.document();
        names = planNames(*doc);
        QVERIFY(planner::commands::setComparison(
                *doc,
                {{names[2].toStdString(), names[0].toStdString()}, names[2].toStdString(), {}}));
        // Renamed in the Plans dock's list, as the user does (F2).
        planner::PlansModel *plans = window.plansController()->model();
        QVERIFY(plans->setData(plans->index(2, planner::PlansModel::NameColumn), "Temple, final"));
        QVERIFY(doc->save(path).ok());
    }
    app::MainWindow reopened;
    QVERIFY(reopened.openProject(path));
    reopened.mapController()->layers()->waitForLoads();
    QVERIFY(QTest::qWaitFor([&] { return reopened.mapController()->layers()->loadingCount() == 0; },
                            20000));
    app::ComparisonController *controller = reopened.comparisonController();
    ui::ComparisonView *view = controller->view();
    controller->open();
    QCOMPARE(view->checkedPlans(), QStringList({names[0], "Temple, final"}));
    QCOMPARE(view->baseline(), QString("Temple, final"));
    QVERIFY(settle(controller));
    const ComparisonModel *model = view->model();
    QCOMPARE(model->columnCount(), ComparisonModel::kFirstPlanColumn + 2);
    QCOMPARE(model->headerData(ComparisonModel::kFirstPlanColumn, Qt::Horizontal).toString(),
             QString("Temple, final\n(baseline)"));

    // Deleting one of the two: no comparison of one plan, but the view's defaults (the plans
    // that are left), the baseline kept.
    planner::Document *doc = reopened.document();
    QVERIFY(planner::commands::removePlan(*doc, doc->plans().front().id));
    controller->refreshNow();
    QVERIFY(settle(controller));
    QCOMPARE(view->checkedPlans(), QStringList({names[1], "Temple, final"}));
    QCOMPARE(view->baseline(), QString("Temple, final"));
    QCOMPARE(model->columnCount(), ComparisonModel::kFirstPlanColumn + 2);
    QCOMPARE(model->headerData(ComparisonModel::kFirstPlanColumn + 1, Qt::Horizontal).toString(),
             QString("Temple, final\n(baseline)"));
}

QTEST_MAIN(TestComparisonWindow)
#include "test_comparisonwindow.moc"
