// SPDX-License-Identifier: GPL-3.0-or-later
// Drag latency in the real main window: each synthetic mouse move runs the site analysis, the
// planner and the panel updates before the event returns, so timing the event gives the
// mouse-move → score-and-factors-updated latency. Also the pan frame time (shift the last image
// and repaint). Runs on the Texas demo, then again with a layer of 1,000,000 line segments.
// Usage: bench_app_drag [--screenshots DIR] (offscreen platform by default)

#include "app/commandline.h"
#include "app/distanceraster.h"
#include "app/heatmapcontroller.h"
#include "app/mainwindow.h"
#include "app/mapcontroller.h"
#include "app/maplayers.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "app/sitecontroller.h"
#include "planner/session/document.h"
#include "planner/session/sitecommands.h"
#include "widgets/identifydialog.h"
#include "widgets/mapcanvas.h"

#include <QAction>

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

namespace {

struct Stats
{
    double p50 = 0, p99 = 0, max = 0;
};

Stats stats(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) {
        return ms[std::size_t(q * double(ms.size() - 1))];
    };
    return {at(0.5), at(0.99), ms.back()};
}

// 100,000 lines of 10 segments each across Texas, with voltages, written through GDAL.
QString writeMillionSegments(const QString &dir)
{
    const QString path = dir + "/million_segments.gpkg";
    auto *driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(
            driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer *layer = ds->CreateLayer("bench_lines", &wgs84, wkbLineString, nullptr);
    OGRFieldDefn voltage("VOLTAGE", OFTReal);
    if (layer->CreateField(&voltage) != OGRERR_NONE)
        return {};
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> lon(-106.0, -94.0), lat(26.0, 36.0), step(-0.02, 0.02);
    const double kv[] = {69, 138, 230, 345, 500};
    if (layer->StartTransaction() != OGRERR_NONE)
        return {};
    for (int i = 0; i < 100000; ++i) {
        OGRLineString line;
        double x = lon(rng), y = lat(rng);
        for (int v = 0; v <= 10; ++v) {
            line.addPoint(x, y);
            x += step(rng);
            y += step(rng);
        }
        OGRFeature feature(layer->GetLayerDefn());
        feature.SetField("VOLTAGE", kv[i % 5]);
        feature.SetGeometry(&line);
        if (layer->CreateFeature(&feature) != OGRERR_NONE)
            return {};
    }
    return layer->CommitTransaction() == OGRERR_NONE ? path : QString();
}

void measure(app::MainWindow &window, const char *label, const QString &shotDir)
{
    ui::MapCanvas *canvas = window.canvas();
    auto *doc = window.document();
    const planner::Site site = doc->sites().front();
    const QPoint start = canvas->view().lonLatToScreen(site.longitude, site.latitude).toPoint();
    std::vector<double> drag;
    QElapsedTimer t;
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, start);
    for (int i = 1; i <= 400; ++i) {
        const QPoint p = start + QPoint((i % 80) * 2, (i / 80) * 6);
        t.start();
        QTest::mouseMove(canvas, p);
        drag.push_back(t.nsecsElapsed() / 1e6);
        if (i == 200 && !shotDir.isEmpty()) {
            QApplication::processEvents();
            window.grab().save(shotDir + QString("/drag-%1.png").arg(label));
        }
    }
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, start + QPoint(20, 30));
    doc->undoStack()->undo();

    std::vector<double> pan;
    for (int i = 0; i < 100; ++i) {
        t.start();
        canvas->panBy(QPointF(3.0, 2.0));
        canvas->repaint();
        pan.push_back(t.nsecsElapsed() / 1e6);
    }
    const Stats d = stats(drag), p = stats(pan);
    std::printf("%-28s drag move→score+plan: p50 %.3f ms  p99 %.3f ms  max %.3f ms (n=%zu)\n",
                label, d.p50, d.p99, d.max, drag.size());
    std::printf("%-28s pan frame:            p50 %.3f ms  p99 %.3f ms  max %.3f ms (n=%zu)\n",
                label, p.p50, p.p99, p.max, pan.size());
}

// What the grid case adds to each move: the site analysis (factors, score, site conditions with
// the serving buses at every voltage level) with the scene as it is and with its grid cases
// hidden (no headroom factor, no serving buses), interleaved so that both see the same machine.
void gridShare(app::MainWindow &window)
{
    const std::shared_ptr<const app::MapScene> scene = window.mapController()->layers()->scene();
    app::MapScene hidden = *scene;
    for (app::MapScene::Entry &e : hidden.entries) {
        if (e.layer->grid)
            e.visible = false;
    }
    app::SiteAnalyzer with(*scene, window.scoring()->model());
    app::SiteAnalyzer without(hidden, window.scoring()->model());
    std::mt19937 rng(14);
    std::uniform_real_distribution<double> lon(-103.0, -95.0), lat(29.0, 33.5);
    std::vector<double> a, b;
    QElapsedTimer t;
    for (int i = 0; i < 2000; ++i) {
        const double x = lon(rng), y = lat(rng);
        t.start();
        with.analyze(QString(), x, y);
        a.push_back(t.nsecsElapsed() / 1e6);
        t.start();
        without.analyze(QString(), x, y);
        b.push_back(t.nsecsElapsed() / 1e6);
    }
    const Stats sa = stats(a), sb = stats(b);
    std::printf("site analysis with the grid case:    p50 %.3f ms  p99 %.3f ms (n=%zu)\n", sa.p50,
                sa.p99, a.size());
    std::printf("site analysis without the grid case: p50 %.3f ms  p99 %.3f ms (n=%zu)\n", sb.p50,
                sb.p99, b.size());
}

// The distance to the generator's synthetic transmission lines (a GDAL layer kept in
// texas-demo.gpkg; the demo itself shows the ACTIVSg2000 grid case, which is not a GDAL source)
// over the demo view, made by the real controller and added as a layer, as Map > Distance
// Raster of Layer does.
void distanceScreenshot(const QString &shotDir)
{
    app::MainWindow window;
    window.resize(1600, 1100);
    window.show();
    window.openDemo();
    window.mapController()->layers()->waitForLoads();
    QSignalSpy finished(window.distanceRaster(), &app::DistanceRasterController::finished);
    const QSize size = window.canvas()->size();
    const QRectF extent =
            QRectF(window.canvas()->view().screenToLonLat(QPointF(0, 0)),
                   window.canvas()->view().screenToLonLat(QPointF(size.width(), size.height())))
                    .normalized();
    QTemporaryDir dir;
    app::DistanceRasterRequest request{QString(ENERGIZE_SOURCE_DIR) + "/maps/data/texas-demo.gpkg",
                                       "synthetic_transmission_lines", extent,
                                       app::suggestedPixelMetres(extent),
                                       dir.filePath("synthetic_transmission_lines-distance.tif")};
    QElapsedTimer t;
    t.start();
    const maps::Status started = window.distanceRaster()->start(request);
    if (!started || !finished.wait(120000)) {
        std::printf("distance raster failed: %s\n", started ? "" : started.error().message.c_str());
        return;
    }
    std::printf("distance raster of the view (%.0f m pixels): %.0f ms\n", request.pixelMetres,
                t.nsecsElapsed() / 1e6);
    window.mapController()->layers()->waitForLoads();
    QSignalSpy rendered(window.canvas(), &ui::MapCanvas::renderFinished);
    window.canvas()->refresh();
    rendered.wait(20000);
    window.grab().save(shotDir + "/distance.png");
}

} // namespace

int main(int argc, char **argv)
{
    app::keepFreedMemory(); // as main() does
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    app::setApplicationIdentity();
    QString shotDir;
    const QStringList args = application.arguments();
    if (args.indexOf("--screenshots") > 0)
        shotDir = args.value(args.indexOf("--screenshots") + 1);

    app::MainWindow window;
    window.resize(1600, 1100);
    window.show();
    window.openDemo();
    window.mapController()->layers()->waitForLoads();
    window.siteController()->select(window.document()->sites().front().id);
    QSignalSpy rendered(window.canvas(), &ui::MapCanvas::renderFinished);
    window.canvas()->refresh();
    rendered.wait(20000);
    if (!shotDir.isEmpty()) {
        // A drawn parcel next to the point sites, for the screenshots.
        const qint64 parcel = planner::commands::addParcelSite(
                *window.document(), "Parcel near Temple",
                {{-97.55, 31.35}, {-97.25, 31.4}, {-97.2, 31.6}, {-97.5, 31.62}});
        window.siteController()->select(parcel);
        window.grab().save(shotDir + "/demo.png");
        QSignalSpy heatmapDone(window.heatmap(), &app::HeatmapController::finished);
        window.heatmap()->toggleAction()->setChecked(true);
        QElapsedTimer heat;
        heat.start();
        heatmapDone.wait(60000);
        std::printf("heatmap of the view (%d cells): %.0f ms\n",
                    window.heatmap()->lastResult().cells, heat.nsecsElapsed() / 1e6);
        window.grab().save(shotDir + "/heatmap.png");
        window.heatmap()->toggleAction()->setChecked(false);
        // The dialogs, as a user sees them.
        window.findChild<QAction *>("actionWeights")->trigger();
        QApplication::processEvents();
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (w->isVisible() && w != &window)
                w->grab().save(shotDir + "/dialog-" + w->metaObject()->className() + ".png");
        }
        ui::IdentifyDialog identify;
        identify.showResults(-97.34, 31.1,
                             window.mapController()->identifyAt(-97.34, 31.1, 20000.0));
        QApplication::processEvents();
        identify.grab().save(shotDir + "/identify.png");
        if (auto *tabs = window.findChild<QTabWidget *>()) {
            const char *names[] = {"schedule", "cost", "cashflow", "tco-tornado", "date-tornado"};
            for (int i = 1; i < tabs->count() && i < 5; ++i) {
                tabs->setCurrentIndex(i);
                QApplication::processEvents();
                window.grab().save(shotDir + "/" + names[i] + ".png");
            }
            tabs->setCurrentIndex(0);
        }
    }
    measure(window, "Texas demo", shotDir);
    gridShare(window);

    QTemporaryDir dataDir;
    QElapsedTimer t;
    t.start();
    const QString million = writeMillionSegments(dataDir.path());
    if (million.isEmpty()) {
        std::printf("could not write the 1,000,000-segment layer\n");
        return 1;
    }
    std::printf("wrote 1,000,000 segments in %.1f s\n", t.nsecsElapsed() / 1e9);
    t.start();
    window.mapController()->addLayerFiles({million});
    window.mapController()->layers()->waitForLoads();
    std::printf("loaded, indexed and projected them in %.1f s\n", t.nsecsElapsed() / 1e9);
    window.canvas()->refresh();
    rendered.wait(30000);
    measure(window, "demo + 1M line segments", shotDir);
    if (!shotDir.isEmpty())
        distanceScreenshot(shotDir);
    return 0;
}
