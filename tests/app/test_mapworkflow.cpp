// SPDX-License-Identifier: GPL-3.0-or-later
// The site-selection workflow in the real main window, offscreen: the demo region loads its
// layers in the background and draws them; a site is added with a click, dragged with real
// mouse events (one undo command per drag), undone and saved; a broken layer fails alone.

#include "app/commandline.h"
#include "app/mainwindow.h"
#include "app/mapcontroller.h"
#include "app/scenerenderer.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "app/sitecontroller.h"
#include "planner/core/site/buildplan.h"
#include "planner/session/document.h"
#include "widgets/cashflowchart.h"
#include "widgets/chartspanel.h"
#include "widgets/costchart.h"
#include "widgets/layerpanel.h"
#include "widgets/mapcanvas.h"
#include "widgets/planeditor.h"
#include "widgets/planpanel.h"
#include "widgets/scorepanel.h"
#include "widgets/tornadochart.h"

#include "widgets/identifydialog.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFile>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <qcustomplot.h>

class TestMapWorkflow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void demoLoadsAndDraws();
    void addAndDragSiteMakesOneUndoCommandEach();
    void brokenLayerFailsAloneWithAMessage();
    void identifyFindsFeaturesAndTheirAttributes();
    void layerWithoutCrsAsksAndLoadsOnceChosen();
    void voltageLegendAndOpeningOnTheLayers();
    void styleChangesRedrawAndUndo();
    void drawAndDragAParcel();
    void editingThePlanReplansAndIsUndoable();
    void scheduleAndCostOptionsReachTheCharts();

private:
    static bool waitForLayers(app::MainWindow &window);
    QTemporaryDir m_dir;
};

void TestMapWorkflow::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    app::setApplicationIdentity();
}

bool TestMapWorkflow::waitForLayers(app::MainWindow &window)
{
    window.mapController()->layers()->waitForLoads();
    return QTest::qWaitFor([&] { return window.mapController()->layers()->loadingCount() == 0; },
                           20000);
}

void TestMapWorkflow::demoLoadsAndDraws()
{
    app::MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openDemo();
    const auto &layers = window.document()->layers();
    QVERIFY(layers.size() >= 10);
    QVERIFY(!window.document()->isModified());
    QCOMPARE(window.document()->sites().size(), std::size_t(3));
    // The unsaved demo is named after its manifest, in the title and in reports.
    QVERIFY2(window.windowTitle().startsWith("Texas demo region"),
             qPrintable(window.windowTitle()));
    QVERIFY(waitForLayers(window));
    for (const auto &ref : layers) {
        auto loaded = window.mapController()->layers()->layer(ref.id);
        QVERIFY2(loaded && loaded->state == app::LoadedLayer::State::Ready,
                 qPrintable(QString::fromStdString(ref.name) + ": "
                            + (loaded ? loaded->error : QString("not loaded"))));
    }
    QVERIFY(window.canvas()->attribution().contains("SYNTHETIC"));

    // The panel lists every layer, top of the list drawn on top.
    auto *tree = window.findChild<ui::LayerPanel *>()->tree();
    QCOMPARE(tree->topLevelItemCount(), int(layers.size()));
    QCOMPARE(tree->topLevelItem(0)->text(0), QString::fromStdString(layers.back().name));

    // The canvas draws the layers: lines of the synthetic grid change pixels from the background.
    QSignalSpy rendered(window.canvas(), &ui::MapCanvas::renderFinished);
    window.canvas()->refresh();
    QVERIFY(rendered.wait(20000));
    const QImage shot = window.canvas()->grab().toImage();
    const QColor background(236, 240, 243);
    int drawn = 0;
    for (int y = 0; y < shot.height(); y += 4)
        for (int x = 0; x < shot.width(); x += 4)
            drawn += shot.pixelColor(x, y) != background;
    QVERIFY2(drawn > (shot.width() / 4) * (shot.height() / 4) / 20,
             qPrintable(QString("only %1 sampled pixels drawn").arg(drawn)));
}

void TestMapWorkflow::addAndDragSiteMakesOneUndoCommandEach()
{
    app::MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openDemo();
    QVERIFY(waitForLayers(window));
    ui::MapCanvas *canvas = window.canvas();
    canvas->zoomTo({-100.0, 30.0, -97.0, 33.0});
    auto *doc = window.document();
    QUndoStack *undo = doc->undoStack();
    const std::size_t demoSites = doc->sites().size();

    window.findChild<QAction *>("actionAddSiteTool")->trigger();
    const QPoint click(canvas->width() / 2, canvas->height() / 2);
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, click);
    QCOMPARE(doc->sites().size(), demoSites + 1);
    QCOMPARE(undo->count(), 1);
    const planner::Site placed = doc->sites().back();
    const QPointF expected = canvas->view().screenToLonLat(click);
    QVERIFY(qAbs(placed.longitude - expected.x()) < 1e-9);

    window.findChild<QAction *>("actionSelectTool")->trigger();
    const QPoint start = canvas->view().lonLatToScreen(placed.longitude, placed.latitude).toPoint();
    auto *score = window.findChild<ui::ScorePanel *>();
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, start);
    QSet<QString> substationValues;
    for (int i = 1; i <= 10; ++i) {
        QTest::mouseMove(canvas, start + QPoint(8 * i, -5 * i));
        substationValues.insert(score->breakdown().rows.front().value);
        // The score dock follows every move: its site position is the mouse's.
        const QPointF under = canvas->view().screenToLonLat(start + QPoint(8 * i, -5 * i));
        QVERIFY(qAbs(score->breakdown().longitude - under.x()) < 0.01);
        QVERIFY(qAbs(score->breakdown().latitude - under.y()) < 0.01);
        QCOMPARE(score->breakdown().rows.size(), 8); // seven factors and the flood zone
    }
    // The nearest-substation distance is recomputed on every move (it changes as the site moves).
    QVERIFY2(substationValues.size() >= 5, qPrintable(substationValues.values().join(" | ")));
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, start + QPoint(80, -50));
    QCOMPARE(undo->count(), 2); // ten moves, one command
    const planner::Site moved = doc->sites().back();
    QVERIFY(moved.longitude > placed.longitude);
    QVERIFY(moved.latitude > placed.latitude);

    window.findChild<QAction *>("actionUndo")->trigger();
    QCOMPARE(doc->sites().back().longitude, placed.longitude);
    QCOMPARE(doc->sites().back().latitude, placed.latitude);
    QCOMPARE(canvas->sites().back().longitude, placed.longitude); // the marker went back too
    window.findChild<QAction *>("actionRedo")->trigger();
    QCOMPARE(doc->sites().back().longitude, moved.longitude);

    const QString path = m_dir.filePath("dragged.gpkg");
    QVERIFY2(doc->save(path).ok(), "save failed");
    planner::Document reopened;
    QVERIFY(reopened.load(path).ok());
    QCOMPARE(reopened.sites().back().longitude, moved.longitude);
}

void TestMapWorkflow::brokenLayerFailsAloneWithAMessage()
{
    const QString corrupt = m_dir.filePath("corrupt.tif");
    QFile f(corrupt);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("II*\0not really a tiff", 21);
    f.close();
    const QString noDbf = m_dir.filePath("lines.shp");
    QFile shp(noDbf);
    QVERIFY(shp.open(QIODevice::WriteOnly));
    shp.write(QByteArray(100, '\0'));
    shp.close();

    app::MainWindow window;
    window.show();
    window.openDemo();
    const std::size_t before = window.document()->layers().size();
    QCOMPARE(window.mapController()->addLayerFiles({corrupt, noDbf}), 2);
    QVERIFY(waitForLayers(window));
    const auto &layers = window.document()->layers();
    QCOMPARE(layers.size(), before + 2);
    for (std::size_t i = before; i < layers.size(); ++i) {
        auto loaded = window.mapController()->layers()->layer(layers[i].id);
        QVERIFY(loaded);
        QCOMPARE(loaded->state, app::LoadedLayer::State::Failed);
        QVERIFY2(loaded->error.contains(
                         QFileInfo(QString::fromStdString(layers[i].source)).fileName()),
                 qPrintable(loaded->error));
    }
    // The demo's layers are still loaded.
    auto first = window.mapController()->layers()->layer(layers.front().id);
    QCOMPARE(first->state, app::LoadedLayer::State::Ready);
    // The panel shows the failure in the row of the failed layer (the top rows).
    auto *tree = window.findChild<ui::LayerPanel *>()->tree();
    QTRY_COMPARE(tree->topLevelItem(0)->text(1), QString("failed"));
}

void TestMapWorkflow::identifyFindsFeaturesAndTheirAttributes()
{
    app::MainWindow window;
    window.show();
    window.openDemo();
    QVERIFY(waitForLayers(window));
    // One substation of the demo's grid case, read straight from its bus-location table (the
    // CSV with GDAL): its first bus and where it is.
    const QString table =
            QString(ENERGIZE_SOURCE_DIR) + "/maps/data/case_ACTIVSg2000_bus_locations.csv";
    GDALDatasetUniquePtr ds(GDALDataset::Open(table.toUtf8().constData(), GDAL_OF_VECTOR));
    QVERIFY(ds);
    std::unique_ptr<OGRFeature> first(ds->GetLayer(0)->GetNextFeature());
    const double lon = first->GetFieldAsDouble("lon"), lat = first->GetFieldAsDouble("lat");
    const QString name = QString::fromUtf8(first->GetFieldAsString("substation"));
    const QString bus = QStringLiteral("bus %1 ").arg(first->GetFieldAsInteger("bus"));

    const auto found = window.mapController()->identifyAt(lon, lat, 200.0);
    bool substation = false, county = false;
    for (const ui::IdentifiedFeature &f : found) {
        if (f.layer == "synthetic_grid_ACTIVSg2000: substations" && f.title == name) {
            // Its buses, each with its kV, then its N and N-1 headroom.
            const auto &rows = f.attributes;
            for (int i = 0; i + 2 < rows.size(); ++i)
                substation |= rows[i].first.startsWith(bus) && rows[i].second.contains(" kV")
                        && rows[i + 1].first.trimmed() == "N headroom"
                        && rows[i + 2].first.trimmed() == "N-1 headroom"
                        && rows[i + 2].second.contains(" MW, limited by ");
        }
        county |= f.layer == "texas_counties" && !f.attributes.isEmpty();
    }
    QVERIFY2(substation, qPrintable("substation " + name + " not identified with " + bus));
    QVERIFY(county); // the county polygon that contains the point

    // Through the tool: a click opens the dialog with the same answer.
    window.findChild<QAction *>("actionIdentifyTool")->trigger();
    ui::MapCanvas *canvas = window.canvas();
    canvas->zoomTo({lon - 0.5, lat - 0.5, lon + 0.5, lat + 0.5});
    const QPoint at = canvas->view().lonLatToScreen(lon, lat).toPoint();
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, at);
    auto *dialog = window.findChild<ui::IdentifyDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(dialog->tree()->topLevelItemCount() >= 2);
}

void TestMapWorkflow::layerWithoutCrsAsksAndLoadsOnceChosen()
{
    // A CSV of points has no coordinate system: Energize must ask, never assume.
    const QString csv = m_dir.filePath("candidate_substations.csv");
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("name,lon,lat,voltage\nA,-97.1,31.2,345\nB,-98.4,30.1,138\nC,-99.0,32.0,230\n");
    f.close();

    planner::Document doc;
    ui::MapCanvas canvas;
    ui::LayerPanel panel;
    app::MapController map(&doc, &canvas, &panel);
    QSignalSpy asked(&map, &app::MapController::crsNeeded);
    QCOMPARE(map.addLayerFiles({csv}), 1);
    map.layers()->waitForLoads();
    const qint64 id = doc.layers().front().id;
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.at(0).at(0).toLongLong(), id);
    QCOMPARE(map.layers()->layer(id)->state, app::LoadedLayer::State::Failed);
    QVERIFY(map.layers()->layer(id)->needsCrs);

    QVERIFY(map.setLayerCrs(id, "EPSG:4326"));
    map.layers()->waitForLoads();
    auto loaded = map.layers()->layer(id);
    QCOMPARE(loaded->state, app::LoadedLayer::State::Ready);
    QCOMPARE(loaded->vector->featureCount(), std::size_t(3));
    QVERIFY(loaded->vector->metadata().crsChosenByUser);
    doc.undoStack()->undo(); // back to no CRS: it fails and asks again
    map.layers()->waitForLoads();
    QCOMPARE(map.layers()->layer(id)->state, app::LoadedLayer::State::Failed);
    QCOMPARE(asked.count(), 2);
}

void TestMapWorkflow::voltageLegendAndOpeningOnTheLayers()
{
    // Lines of a file (not a grid case) in volts, OpenStreetMap style, one without a voltage.
    const QString path = m_dir.filePath("eu_lines.geojson");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"voltage":"380000;220000"},"geometry":{"type":"LineString","coordinates":[[10.0,50.0],[10.5,50.2]]}},
{"type":"Feature","properties":{"voltage":"220000"},"geometry":{"type":"LineString","coordinates":[[10.5,50.2],[11.0,50.4]]}},
{"type":"Feature","properties":{"voltage":""},"geometry":{"type":"LineString","coordinates":[[10.2,50.1],[10.8,50.3]]}}]})");
    f.close();
    planner::Document doc;
    ui::MapCanvas canvas;
    canvas.resize(800, 600);
    ui::LayerPanel panel;
    app::MapController map(&doc, &canvas, &panel);
    QCOMPARE(map.addLayerFiles({path}), 1);
    map.layers()->waitForLoads();
    QCoreApplication::processEvents();
    // 380 kV is in the 300-449 class, 220 kV in 200-299 (maps/vector/voltage.cpp's bounds).
    const ui::LegendSection *section = nullptr;
    for (const ui::LegendSection &s : canvas.legend())
        section = s.title == "eu_lines" ? &s : section;
    QVERIFY(section);
    QCOMPARE(section->symbol, ui::LegendSection::Symbol::Line);
    QStringList labels;
    for (const auto &e : section->entries)
        labels << e.label;
    QCOMPARE(labels, (QStringList{"345 kV (300-449)", "230 kV (200-299)", "voltage unknown"}));

    // Saved and opened in a window, the project shows its layers (it keeps no view of its own).
    const QString project = m_dir.filePath("eu_lines.gpkg");
    QVERIFY(doc.save(project).ok());
    app::MainWindow window;
    window.resize(1200, 800);
    QVERIFY(window.openProject(project));
    window.mapController()->layers()->waitForLoads();
    QCoreApplication::processEvents();
    const QPointF centre = ui::MapView::toLonLat(window.canvas()->view().centre());
    QVERIFY2(centre.x() > 10.0 && centre.x() < 11.0 && centre.y() > 50.0 && centre.y() < 50.4,
             qPrintable(QStringLiteral("%1, %2").arg(centre.x()).arg(centre.y())));
}

void TestMapWorkflow::styleChangesRedrawAndUndo()
{
    app::MainWindow window;
    window.show();
    window.openDemo();
    QVERIFY(waitForLayers(window));
    auto *doc = window.document();
    qint64 lines = 0;
    for (const auto &ref : doc->layers()) {
        if (ref.name == "synthetic_grid_ACTIVSg2000") // its branches and substations
            lines = ref.id;
        else if (ref.visible) // only the lines are drawn, so their colour is all we see
            emit window.findChild<ui::LayerPanel *>()->visibilityChangeRequested(ref.id, false);
    }
    QVERIFY(lines != 0);
    auto *panel = window.findChild<ui::LayerPanel *>();
    const int before = doc->undoStack()->count();
    emit panel->styleChangeRequested(lines, "by_voltage", false);
    emit panel->styleChangeRequested(lines, "colour", "#00ff00");
    QCOMPARE(doc->undoStack()->count(), before + 2);

    ui::MapView view;
    view.setSize(QSize(400, 300));
    view.fit({-106.65, 25.84, -93.51, 36.5});
    auto countGreen = [&] {
        const QImage image = app::renderScene(*window.mapController()->layers()->scene(), view);
        int green = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                green += c.alpha() > 200 && c.green() > 200 && c.red() < 60 && c.blue() < 60;
            }
        return green;
    };
    QVERIFY2(countGreen() > 200, "the lines are not drawn in the chosen colour");
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    QCOMPARE(countGreen(), 0);
}

void TestMapWorkflow::drawAndDragAParcel()
{
    app::MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openDemo();
    QVERIFY(waitForLayers(window));
    auto *doc = window.document();
    const int undoBefore = doc->undoStack()->count();
    ui::MapCanvas *canvas = window.canvas();
    canvas->zoomTo({-98.0, 31.0, -97.0, 32.0});
    window.findChild<QAction *>("actionParcelTool")->trigger();
    const QList<QPoint> corners = {{300, 200}, {400, 200}, {400, 300}, {300, 300}};
    for (const QPoint &c : corners)
        QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, c);
    QTest::keyClick(canvas, Qt::Key_Return);
    QCOMPARE(doc->undoStack()->count(), undoBefore + 1);
    const planner::Site parcel = doc->sites().back();
    QCOMPARE(parcel.outline.size(), std::size_t(4));
    const QPointF first = canvas->view().screenToLonLat(corners.front());
    QVERIFY(qAbs(parcel.outline.front().longitude - first.x()) < 1e-9);

    // The parcel is measured from its nearest edge: never farther than from its centre.
    app::SiteAnalyzer analyzer(*window.mapController()->layers()->scene(),
                               window.scoring()->model());
    const auto asParcel = analyzer.analyze("p", parcel.longitude, parcel.latitude, parcel.outline);
    const auto asPoint = analyzer.analyze("p", parcel.longitude, parcel.latitude);
    QVERIFY(asParcel.factors.substation.found());
    QVERIFY(asParcel.factors.substation.distanceM <= asPoint.factors.substation.distanceM);

    // Drag it by its marker: the whole outline moves, in one undo command.
    window.findChild<QAction *>("actionSelectTool")->trigger();
    const QPoint centre =
            canvas->view().lonLatToScreen(parcel.longitude, parcel.latitude).toPoint();
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, centre);
    for (int i = 1; i <= 5; ++i)
        QTest::mouseMove(canvas, centre + QPoint(10 * i, 6 * i));
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, centre + QPoint(50, 30));
    QCOMPARE(doc->undoStack()->count(), undoBefore + 2);
    const planner::Site moved = doc->sites().back();
    const double dLon = moved.longitude - parcel.longitude;
    QVERIFY(dLon > 0.0);
    for (std::size_t i = 0; i < 4; ++i)
        QVERIFY(qAbs(moved.outline[i].longitude - parcel.outline[i].longitude - dLon) < 1e-9);
}

// What the Plan dock edits: the selected build plan, as plan JSON.
static QString selectedPlanJson(app::MainWindow &window)
{
    const auto plan = window.document()->plan(window.siteController()->selectedPlan());
    return plan ? QString::fromStdString(planner::planSpecToJson(plan->spec)) : QString();
}

void TestMapWorkflow::editingThePlanReplansAndIsUndoable()
{
    app::MainWindow window;
    window.show();
    window.openDemo();
    QVERIFY(waitForLayers(window));
    auto *editor = window.findChild<ui::PlanEditor *>();
    auto *panel = window.findChild<ui::PlanPanel *>();
    auto valueOf = [&](const QString &item) {
        const auto found = panel->tree()->findItems(item, Qt::MatchExactly | Qt::MatchRecursive);
        return found.isEmpty() ? QString() : found.front()->text(1);
    };
    QCOMPARE(valueOf("Accelerator system"), QString("NVIDIA GB200 NVL72"));
    const QString racksBefore = valueOf("Racks");

    // Choose the H100 system as a user would: pick it in the combo box.
    QComboBox *accelerator = editor->accelerator();
    const int h100 = accelerator->findData("hgx-h100");
    QVERIFY(h100 >= 0);
    accelerator->setCurrentIndex(h100);
    emit accelerator->activated(h100);
    QCOMPARE(valueOf("Accelerator system"), accelerator->itemText(h100));
    QVERIFY(valueOf("Racks") != racksBefore);
    QVERIFY(window.document()->isModified());

    editor->itLoad()->setValue(50.0); // half the load: fewer racks again
    QVERIFY(selectedPlanJson(window).contains("\"it_load_mw\":50.0"));

    const QString path = m_dir.filePath("plan.gpkg");
    QVERIFY(window.document()->save(path).ok());
    planner::Document reopened;
    QVERIFY(reopened.load(path).ok());
    QCOMPARE(QString::fromStdString(planner::planSpecToJson(reopened.plans().front().spec)),
             selectedPlanJson(window));

    window.document()->undoStack()->undo();
    window.document()->undoStack()->undo();
    QCOMPARE(valueOf("Accelerator system"), QString("NVIDIA GB200 NVL72"));
    QCOMPARE(valueOf("Racks"), racksBefore);
    QCOMPARE(accelerator->currentData().toString(), QString("gb200-nvl72"));
}

void TestMapWorkflow::scheduleAndCostOptionsReachTheCharts()
{
    app::MainWindow window;
    window.show();
    window.openDemo();
    QVERIFY(waitForLayers(window));
    auto *editor = window.findChild<ui::PlanEditor *>();
    auto *charts = window.findChild<ui::ChartsPanel *>();
    QVERIFY(editor && charts);
    QVERIFY(!window.document()->sites().empty());
    // Select the first demo site with a click, as a user does.
    window.findChild<QAction *>("actionSelectTool")->trigger();
    auto *canvas = window.canvas();
    const planner::Site site = window.document()->sites().front();
    const QPoint at = canvas->view().lonLatToScreen(site.longitude, site.latitude).toPoint();
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, at);
    auto capexLines = [&] {
        auto *bars = qobject_cast<QCPBars *>(charts->costChart()->plot()->plottable(0));
        return bars ? bars->data()->size() : -1;
    };
    const int before = capexLines();
    QVERIFY(before > 0);
    // The example plan gives a throughput, so the cost reads in USD per million tokens.
    QVERIFY2(charts->costChart()->title().contains("per million tokens"),
             qPrintable(charts->costChart()->title()));

    // Bridging power as a user picks it: one more capex line, saved in the plan, undoable.
    QComboBox *bridging = editor->bridging();
    const int turbines = bridging->findData("gas_turbine");
    QVERIFY(turbines > 0);
    bridging->setCurrentIndex(turbines);
    emit bridging->activated(turbines);
    QVERIFY(selectedPlanJson(window).contains("\"bridging\":\"gas_turbine\""));
    QCOMPARE(capexLines(), before + 1);
    QVERIFY(charts->cashFlowChart()->phaseCount() >= 1);
    // The tornados come with the full evaluation, off the GUI thread, shortly after.
    QTRY_VERIFY(charts->tcoTornadoChart()->barCount() > 0);
    QTRY_VERIFY(charts->dateTornadoChart()->barCount() > 0);

    // A later start moves the first quarter of the cash flow.
    editor->start()->setDate(QDate(2030, 7, 1));
    QVERIFY(selectedPlanJson(window).contains("\"start\":\"2030-07\""));
    auto *flow = charts->cashFlowChart()->plot();
    auto *ticker = dynamic_cast<QCPAxisTickerText *>(flow->xAxis->ticker().data());
    QVERIFY(ticker);
    QCOMPARE(ticker->ticks().first(), QString("2030 Q3"));

    // No throughput: tokens are not priced and the title says nothing about them.
    editor->tokensPerSecond()->setValue(0.0);
    QVERIFY(!charts->costChart()->title().contains("per million tokens"));

    window.document()->undoStack()->undo();
    window.document()->undoStack()->undo();
    window.document()->undoStack()->undo();
    QCOMPARE(capexLines(), before);
    QCOMPARE(bridging->currentIndex(), 0);
}

QTEST_MAIN(TestMapWorkflow)
#include "test_mapworkflow.moc"
