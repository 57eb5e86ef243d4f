// SPDX-License-Identifier: GPL-3.0-or-later
// Build plans in the application: the demo's three plans, the Plans dock driving the Plan dock
// and the map's selection, the saved project a valid GeoPackage (GDAL's validate_gpkg.py) whose
// `plans` layer carries each plan's own evaluate() figures, and `energize save --demo` on the
// real binary.

#include "app/commandline.h"
#include "app/demoproject.h"
#include "app/mainwindow.h"
#include "app/mapcontroller.h"
#include "app/maplayers.h"
#include "app/planevaluation.h"
#include "app/planscontroller.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "app/sitecontroller.h"
#include "planner/core/site/buildplan.h"
#include "planner/session/document.h"
#include "planner/session/plancommands.h"
#include "widgets/mapcanvas.h"
#include "widgets/planpanel.h"
#include "widgets/planspanel.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QAction>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <optional>

class TestBuildPlans : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void demoHasThreePlans();
    void selectingAPlanShowsItsFigures();
    void savedProjectIsAValidGeoPackage();
    void plansLayerCarriesEachPlansOwnFigures();
    void saveDemoCommandWritesTheThreePlans();

private:
    static bool waitForLayers(app::MainWindow &window);
    QTemporaryDir m_dir;
};

namespace {

QString energizeBinary()
{
    return QCoreApplication::applicationDirPath() + "/../../app/energize";
}

// Runs GDAL's GeoPackage validator; its output, or none when the script is missing.
std::optional<QString> validate(const QString &path, int *exitCode)
{
    const QString script = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py";
    if (!QFile::exists(script) || !QFile::exists("/usr/bin/python3"))
        return std::nullopt;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start("/usr/bin/python3", {script, path});
    p.waitForFinished(60000);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAll());
}

} // namespace

void TestBuildPlans::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    app::setApplicationIdentity();
    GDALAllRegister();
}

bool TestBuildPlans::waitForLayers(app::MainWindow &window)
{
    window.mapController()->layers()->waitForLoads();
    return QTest::qWaitFor([&] { return window.mapController()->layers()->loadingCount() == 0; },
                           20000);
}

void TestBuildPlans::demoHasThreePlans()
{
    planner::Document doc;
    app::DemoRegion region;
    QVERIFY2(app::loadDemoRegion(doc, &region).ok(), "the demo did not load");
    QCOMPARE(doc.plans().size(), std::size_t(3));
    QVERIFY(!doc.isModified());
    const char *accelerators[] = {"gb200-nvl72", "tpu-v7-ironwood", "hgx-h200"};
    const double megawatts[] = {100.0, 200.0, 60.0};
    for (std::size_t i = 0; i < 3; ++i) {
        const planner::BuildPlan &p = doc.plans()[i];
        QCOMPARE(p.spec.input.acceleratorId, std::string(accelerators[i]));
        QCOMPARE(p.spec.input.targetItLoad->value(), megawatts[i]);
        QCOMPARE(p.siteId, doc.sites()[i].id); // each at its own demo site
    }
    QVERIFY(!doc.plans()[1].spec.schedule.bridging.empty());
    QCOMPARE(doc.plans()[2].spec.input.coolingId, std::string("air-chillers"));
}

void TestBuildPlans::selectingAPlanShowsItsFigures()
{
    app::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    window.openDemo();
    QVERIFY(waitForLayers(window));
    auto *panel = window.findChild<ui::PlansPanel *>();
    auto *planPanel = window.findChild<ui::PlanPanel *>();
    QVERIFY(panel && planPanel);
    auto valueOf = [&](const QString &item) {
        const auto found =
                planPanel->tree()->findItems(item, Qt::MatchExactly | Qt::MatchRecursive);
        return found.isEmpty() ? QString() : found.front()->text(1);
    };
    QTableView *view = panel->view();
    QCOMPARE(view->model()->rowCount(), 3);
    // Click the TPU plan's row, as a user does.
    const planner::BuildPlan tpu = window.document()->plans()[1];
    const QRect row = view->visualRect(view->model()->index(1, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, row.center());
    QCOMPARE(window.siteController()->selectedPlan(), tpu.id);
    QCOMPARE(window.canvas()->selectedSite(), tpu.siteId);
    QCOMPARE(valueOf("Accelerator system"), QString("Google TPU v7 Ironwood rack (64 chips)"));
    // Its headline in the list is the plan's own evaluation.
    window.plansController()->refreshNow();
    QVERIFY(!view->model()->index(1, 2).data().toString().isEmpty());
    // The site on the map: the selection follows with its plan.
    const planner::Site amarillo = window.document()->sites()[2];
    window.siteController()->select(amarillo.id);
    QCOMPARE(panel->currentPlan(), window.document()->plans()[2].id);
    QCOMPARE(valueOf("Accelerator system"),
             QString("NVIDIA HGX H200 (4 x 8-GPU systems per rack)"));
    // Two plans at one site: the selected one is shown, not the site's first.
    planner::Document *doc = window.document();
    panel->setCurrentPlan(tpu.id);
    panel->findChild<QAction *>("actionDuplicatePlan")->trigger(); // the dock's button
    const qint64 copy = window.siteController()->selectedPlan();
    QVERIFY(copy != tpu.id);
    QCOMPARE(doc->plan(copy)->name, "Copy of " + tpu.name);
    planner::PlanSpec b200 = tpu.spec;
    b200.input.acceleratorId = "hgx-b200";
    b200.input.coolingId = "dlc-dry-coolers";
    QVERIFY(planner::commands::setPlanSpec(
            *doc, copy, QString::fromStdString(planner::planSpecToJson(b200)), "accelerator"));
    QCOMPARE(panel->currentPlan(), copy);
    QCOMPARE(valueOf("Accelerator system"),
             QString("NVIDIA HGX/DGX B200 (4 x 8-GPU systems per rack)"));
    panel->setCurrentPlan(tpu.id);
    QCOMPARE(valueOf("Accelerator system"), QString("Google TPU v7 Ironwood rack (64 chips)"));
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    QCOMPARE(view->model()->rowCount(), 3);
    const QString shot = qEnvironmentVariable("ENERGIZE_SCREENSHOT");
    if (!shot.isEmpty()) {
        QTest::qWait(300); // the charts replot on a queued timer
        window.grab().save(shot);
    }
}

void TestBuildPlans::savedProjectIsAValidGeoPackage()
{
    app::MainWindow window;
    window.openDemo();
    QVERIFY(waitForLayers(window));
    const QString path = m_dir.filePath("valid.gpkg");
    QVERIFY2(window.document()->save(path, window.plansController()->headlines()).ok(),
             "save failed");
    int code = -1;
    const auto report = validate(path, &code);
    if (!report) {
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL("validate_gpkg.py (python3-gdal) is missing, and CI is set");
        qWarning("*** validate_gpkg.py (python3-gdal) is missing: the project file was NOT "
                 "checked against the GeoPackage standard ***");
        QSKIP("validate_gpkg.py is missing");
    }
    QVERIFY2(code == 0 && report->trimmed().isEmpty(), qPrintable(*report));
}

void TestBuildPlans::plansLayerCarriesEachPlansOwnFigures()
{
    const QString path = m_dir.filePath("figures.gpkg");
    planner::Document doc;
    app::DemoRegion region;
    QVERIFY2(app::loadDemoRegion(doc, &region).ok(), "the demo did not load");
    app::MapLayers layers(&doc);
    layers.waitForLoads();
    app::ScoringSettings scoring(&doc);
    auto catalogs = planner::loadCatalogs(app::defaultResourcePath("catalog").toStdString());
    QVERIFY(catalogs.ok());
    app::SiteAnalyzer analyzer(*layers.scene(), scoring.model());
    QVERIFY2(doc.save(path, app::planHeadlines(doc, analyzer, *catalogs, scoring.model().market))
                     .ok(),
             "save failed");

    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR));
    QVERIFY(ds);
    OGRLayer *plans = ds->GetLayerByName("plans");
    QVERIFY(plans);
    QCOMPARE(plans->GetGeomType(), wkbPoint);
    QCOMPARE(int(plans->GetFeatureCount()), 3);
    for (auto &feature : *plans) {
        const auto plan = doc.plan(feature->GetFieldAsInteger64("plan_id"));
        QVERIFY(plan);
        const planner::Site site = *doc.site(plan->siteId);
        QCOMPARE(QString(feature->GetFieldAsString("name")), QString::fromStdString(plan->name));
        const OGRPoint *point = feature->GetGeometryRef()->toPoint();
        QCOMPARE(point->getX(), site.longitude);
        QCOMPARE(point->getY(), site.latitude);
        // The plan's own evaluation at its site, run here.
        const app::SiteAnalysis a =
                analyzer.analyze(QString::fromStdString(site.name), site.longitude, site.latitude);
        const auto e = planner::evaluate(
                app::planRequest(plan->spec, a.conditions, scoring.model().market), *catalogs,
                app::headlineOptions());
        QVERIFY(e.ok());
        QCOMPARE(feature->GetFieldAsDouble("mw_it"), e->plan.itLoad.value());
        QCOMPARE(feature->GetFieldAsDouble("capex_usd"), e->cost->totalCapex);
        QCOMPARE(
                QString(feature->GetFieldAsString("p50_power_on")),
                QString::fromStdString(planner::yearMonthText(e->schedule->phases.back().p50Date)));
        QCOMPARE(
                QString(feature->GetFieldAsString("p90_power_on")),
                QString::fromStdString(planner::yearMonthText(e->schedule->phases.back().p90Date)));
        const int perHour = feature->GetFieldIndex("usd_per_accelerator_hour");
        QCOMPARE(feature->IsFieldSetAndNotNull(perHour),
                 e->cost->usdPerAcceleratorHour.has_value());
        if (e->cost->usdPerAcceleratorHour)
            QCOMPARE(feature->GetFieldAsDouble(perHour), *e->cost->usdPerAcceleratorHour);
        const int score = feature->GetFieldIndex("site_score");
        QCOMPARE(feature->IsFieldSetAndNotNull(score), a.score.score.has_value());
        if (a.score.score)
            QCOMPARE(feature->GetFieldAsDouble(score), *a.score.score * 100.0);
    }
}

void TestBuildPlans::saveDemoCommandWritesTheThreePlans()
{
    const QString path = m_dir.filePath("cli-demo.gpkg");
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY"); // the command needs no display
    env.remove("QT_QPA_PLATFORM");
    p.setProcessEnvironment(env);
    p.start(energizeBinary(), {"save", "--demo", path});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed(), path);
    planner::Document doc;
    QVERIFY2(doc.load(path).ok(), "load failed");
    QCOMPARE(doc.plans().size(), std::size_t(3));
    QCOMPARE(doc.plans()[1].spec.input.acceleratorId, std::string("tpu-v7-ironwood"));
    int code = -1;
    if (const auto report = validate(path, &code))
        QVERIFY2(code == 0 && report->trimmed().isEmpty(), qPrintable(*report));
    // Without --demo it says what it needs.
    p.start(energizeBinary(), {"save", path});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("--demo"));
}

QTEST_MAIN(TestBuildPlans)
#include "test_buildplans.moc"
