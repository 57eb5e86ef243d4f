// SPDX-License-Identifier: GPL-3.0-or-later
// The suitability heatmap is the site score on a grid: each cell, computed by the region engine
// (factor rasters on the view grid, then the cell scorer), must give the score that the point
// analysis of the site read-out (nearest-feature queries and raster samples at the cell's
// centre) gives there, within what the grid can resolve: distances are measured to burnt cell
// centres, so they may differ by up to one cell. The export is a Cloud-Optimized GeoTIFF at the
// finest raster's resolution, read back through GDAL and checked by GDAL's own COG validator.

#include "app/commandline.h"
#include "app/heatmapcontroller.h"
#include "app/heatmapjob.h"
#include "app/mainwindow.h"
#include "app/mapcontroller.h"
#include "app/scoreraster.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "widgets/mapcanvas.h"

#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

namespace {

struct Agreement
{
    int cells = 0;
    int sameOutcome = 0; // both excluded, both unscored or both scored
    int withinTolerance = 0; // scored both ways and within the tolerance
    int scoredBoth = 0;
    double maxDifference = 0.0;
};

// The largest score difference that a distance error of `metres` can make: the distance
// factor's weight share over its worst-best span.
double distanceTolerance(const app::ScoringModel &model, double metres)
{
    double total = 0.0;
    for (const app::ScoringFactor &f : model.factors)
        total += f.weight;
    const app::ScoringFactor *hv = model.factor("hv_substation_distance");
    return hv->weight / total * (metres / 1000.0) / std::abs(hv->worst - hv->best) + 1e-5;
}

// Each cell of a computed heatmap against the point analysis at its centre.
Agreement compareWithPoints(const app::HeatmapRequest &request, const app::HeatmapResult &result,
                            double tolerance, int *excluded, int *unscored)
{
    app::SiteAnalyzer direct(*request.scene, request.model);
    const int w = request.view.size().width(), h = request.view.size().height();
    Agreement a;
    for (int row = 0; row < h; ++row) {
        for (int col = 0; col < w; ++col) {
            const QPointF p = request.view.screenToLonLat({col + 0.5, row + 0.5});
            const auto point = direct.analyze(QString(), p.x(), p.y()).score;
            const float cell = result.scores[std::size_t(row) * w + col];
            ++a.cells;
            const bool cellExcluded = cell == 0.0f;
            if (point.excluded) {
                ++*excluded;
                a.sameOutcome += cellExcluded;
            } else if (!point.score) {
                ++*unscored;
                a.sameOutcome += std::isnan(cell);
            } else if (!std::isnan(cell) && !cellExcluded) {
                ++a.sameOutcome;
                ++a.scoredBoth;
                const double d = std::abs(cell / 100.0 - *point.score);
                a.maxDifference = std::max(a.maxDifference, d);
                a.withinTolerance += d <= tolerance;
            }
        }
    }
    return a;
}

} // namespace

class TestHeatmap : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cellsMatchPointScores();
    void exclusionsCountWhereOtherFactorsHaveNoData();
    void colours();
    void cancelStopsTheJob();
    void exportIsACogOfPointScores();
    void weightsChangeRecomputesTheOverlay();
    void legendFollowsTheToggle();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<app::MainWindow> m_window;
};

void TestHeatmap::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    app::setApplicationIdentity();
    m_window = std::make_unique<app::MainWindow>();
    m_window->resize(1000, 700);
    m_window->show();
    m_window->openDemo();
    m_window->mapController()->layers()->waitForLoads();
    QVERIFY(m_window->scoring()->isValid());
}

void TestHeatmap::cellsMatchPointScores()
{
    // Central Texas at 1-pixel cells of 1,500 m (EPSG:3857); the demo's rasters are in
    // EPSG:4326 at 0.02° and 0.1°, so every raster is read across coordinate systems.
    ui::MapView view(ui::MapView::toMercator(-99.0, 31.5), 1500.0, QSize(240, 180));
    app::HeatmapRequest request{m_window->mapController()->layers()->scene(),
                                m_window->scoring()->model(), view, 1};
    std::atomic<bool> cancel{false};
    int progressCalls = 0;
    const app::HeatmapResult result =
            app::computeHeatmap(request, cancel, [&](int, int) { ++progressCalls; });
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.image.size(), QSize(240, 180));
    QVERIFY(progressCalls > 0);
    // One cell diagonal in ground metres (Mercator shrinks by cos(latitude)).
    const double cellMetres = 1500.0 * std::cos(31.5 * M_PI / 180.0) * std::sqrt(2.0);
    const double tolerance = distanceTolerance(request.model, cellMetres);
    int excluded = 0, unscored = 0;
    const Agreement a = compareWithPoints(request, result, tolerance, &excluded, &unscored);
    qInfo("%d cells: %d same outcome, %d scored both ways, %d within %.4f (max difference "
          "%.4f); %d excluded and %d unscored by the point analysis",
          a.cells, a.sameOutcome, a.scoredBoth, a.withinTolerance, tolerance, a.maxDifference,
          excluded, unscored);
    // The view holds scored, excluded (water, wetlands, flood zones) and unscored cells.
    QVERIFY(a.scoredBoth > 20000);
    QVERIFY(excluded > 50);
    // Outcomes may differ only on the edges of exclusion zones (a cell centre on one side of a
    // polygon edge projected into the grid, the point on the other).
    QVERIFY2(a.sameOutcome >= 0.999 * a.cells, "outcomes differ in more than 0.1 % of cells");
    QCOMPARE(a.withinTolerance, a.scoredBoth);
}

// A factor computed in a later pass that can exclude a site (here the grid headroom, made to
// exclude any bus with headroom at all, however far) excludes cells where a raster has no data
// too, as the point analysis does: across the Texas border near Amarillo, outside the demo's
// rasters, every cell is excluded.
void TestHeatmap::exclusionsCountWhereOtherFactorsHaveNoData()
{
    app::ScoringModel model = m_window->scoring()->model();
    bool found = false;
    for (app::ScoringFactor &f : model.factors) {
        if (f.id == QLatin1String("grid_headroom")) {
            f.excludeAbove = -1.0;
            f.reachKm.reset(); // every bus counts, however far
            found = true;
        }
    }
    QVERIFY(found);
    ui::MapView view(ui::MapView::toMercator(-103.0, 35.0), 3000.0, QSize(120, 90));
    app::HeatmapRequest request{m_window->mapController()->layers()->scene(), model, view, 1};
    std::atomic<bool> cancel{false};
    const app::HeatmapResult result = app::computeHeatmap(request, cancel, {});
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    int excluded = 0, unscored = 0;
    const Agreement a = compareWithPoints(request, result, 1e-5, &excluded, &unscored);
    qInfo("%d cells: %d same outcome; %d excluded and %d unscored by the point analysis", a.cells,
          a.sameOutcome, excluded, unscored);
    QCOMPARE(unscored, 0);
    QCOMPARE(excluded, a.cells);
    QVERIFY2(a.sameOutcome >= 0.999 * a.cells, "outcomes differ in more than 0.1 % of cells");
}

void TestHeatmap::colours()
{
    using app::heatmapColour;
    const QColor excluded = QColor::fromRgba(heatmapColour(-1.0f));
    QCOMPARE(excluded, QColor(200, 30, 30, 150)); // the exclusion red of the site markers
    QCOMPARE(qAlpha(heatmapColour(NAN)), 0); // no score: nothing drawn
    const QColor best = QColor::fromRgba(heatmapColour(1.0f));
    const QColor worst = QColor::fromRgba(heatmapColour(0.0f));
    QCOMPARE(best.alpha(), 170);
    QVERIFY(best.green() > 2 * best.red()); // green at the top of the ramp
    QVERIFY(worst.red() > 2 * worst.green()); // orange-red at the bottom
}

void TestHeatmap::cancelStopsTheJob()
{
    ui::MapView view(ui::MapView::toMercator(-99.0, 31.5), 2500.0, QSize(400, 300));
    app::HeatmapRequest request{m_window->mapController()->layers()->scene(),
                                m_window->scoring()->model(), view, 1};
    std::atomic<bool> cancel{true};
    const app::HeatmapResult result = app::computeHeatmap(request, cancel);
    QVERIFY(result.cancelled);
    QCOMPARE(result.scored + result.excluded, 0);
}

void TestHeatmap::exportIsACogOfPointScores()
{
    app::HeatmapController *heatmap = m_window->heatmap();
    m_window->canvas()->setView(
            ui::MapView(ui::MapView::toMercator(-99.0, 31.5), 1500.0, QSize(300, 200)));
    const QString path = m_dir.filePath("suitability.tif");
    QSignalSpy exported(heatmap, &app::HeatmapController::exported);
    QVERIFY(heatmap->exportView(path, m_window.get()));
    QVERIFY(exported.wait(60000));
    QCOMPARE(exported.first().at(1).toString(), QString());

    // The finest raster of the demo is the 0.02° land cover in EPSG:4326.
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8(), GDAL_OF_RASTER));
    QVERIFY(ds);
    double gt[6];
    ds->GetGeoTransform(gt);
    QVERIFY(std::abs(gt[1] - 0.02) < 1e-9);
    QVERIFY(std::abs(gt[5] + 0.02) < 1e-9);
    const OGRSpatialReference *srs = ds->GetSpatialRef();
    QVERIFY(srs);
    QCOMPARE(QString(srs->GetAuthorityCode(nullptr)), QString("4326"));
    const int w = ds->GetRasterXSize(), h = ds->GetRasterYSize();
    QVERIFY(w > 50 && h > 50);
    std::vector<float> values(std::size_t(w) * h);
    QCOMPARE(ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, values.data(), w, h, GDT_Float32,
                                            0, 0, nullptr),
             CE_None);
    int noData = 0;
    const double nd = ds->GetRasterBand(1)->GetNoDataValue(&noData);
    QVERIFY(noData && std::isnan(nd));
    // Each cell against the point analysis at its centre.
    app::SiteAnalyzer direct(*m_window->mapController()->layers()->scene(),
                             m_window->scoring()->model());
    const double tolerance = distanceTolerance(m_window->scoring()->model(), 0.02 * 111320.0 * 1.5);
    int scored = 0, within = 0;
    for (int r = 0; r < h; r += 3) {
        for (int c = 0; c < w; c += 3) {
            const double lon = gt[0] + (c + 0.5) * gt[1], lat = gt[3] + (r + 0.5) * gt[5];
            const auto point = direct.analyze(QString(), lon, lat).score;
            const float v = values[std::size_t(r) * w + c];
            if (point.score && !std::isnan(v) && v > 0.0f) {
                ++scored;
                within += std::abs(v / 100.0 - *point.score) <= tolerance;
            }
        }
    }
    QVERIFY(scored > 300);
    QCOMPARE(within, scored);

    // GDAL's validator accepts the file as a Cloud-Optimized GeoTIFF.
    const QString validator = "/usr/lib/python3/dist-packages/osgeo_utils/samples/"
                              "validate_cloud_optimized_geotiff.py";
    if (!QFile::exists(validator)) {
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL("python3-gdal's COG validator is missing on CI");
        qWarning("python3-gdal is not installed: the COG validation did not run");
        return;
    }
    QProcess validate;
    validate.start("/usr/bin/python3", {validator, path});
    QVERIFY(validate.waitForFinished(60000));
    const QString said = validate.readAllStandardOutput() + validate.readAllStandardError();
    QVERIFY2(validate.exitCode() == 0, qPrintable(said));
    QVERIFY2(said.contains("is a valid cloud optimized GeoTIFF"), qPrintable(said));
}

void TestHeatmap::weightsChangeRecomputesTheOverlay()
{
    app::HeatmapController *heatmap = m_window->heatmap();
    QSignalSpy finished(heatmap, &app::HeatmapController::finished);
    heatmap->toggleAction()->setChecked(true);
    QVERIFY(finished.wait(30000));
    const QImage before = heatmap->lastResult().image;
    QVERIFY(!before.isNull());
    // One score per screen pixel.
    QCOMPARE(before.size(), m_window->canvas()->view().size());

    // Only temperature counts now: the score of a cell is its temperature score alone.
    for (const app::ScoringFactor &f : m_window->scoring()->model().factors)
        m_window->scoring()->setWeight(f.id, f.id == "mean_temperature" ? 1.0 : 0.0);
    QVERIFY(finished.wait(30000));
    const QImage after = heatmap->lastResult().image;
    QCOMPARE(after.size(), before.size());
    QVERIFY(after != before);
    heatmap->toggleAction()->setChecked(false);
    m_window->scoring()->resetToDefaults();
}

void TestHeatmap::legendFollowsTheToggle()
{
    // The canvas legend gains the heatmap's section while it is shown, after the grid case's;
    // its swatches are the overlay's own colours (opaque) at 100, 75, 50, 25 and 0 points.
    ui::MapCanvas *canvas = m_window->canvas();
    const qsizetype grid = canvas->legend().size();
    QVERIFY(grid >= 1); // the demo's grid case
    m_window->heatmap()->toggleAction()->setChecked(true);
    QCOMPARE(canvas->legend().size(), grid + 1);
    const ui::LegendSection &s = canvas->legend().back();
    QVERIFY(s.title.contains("heatmap"));
    QCOMPARE(s.entries.size(), 6);
    const float scores[] = {1.0f, 0.75f, 0.5f, 0.25f, 0.0f};
    for (int i = 0; i < 5; ++i) {
        const QRgb c = app::heatmapColour(scores[i]);
        QCOMPARE(s.entries[i].colour, QColor(qRed(c), qGreen(c), qBlue(c)));
    }
    QCOMPARE(s.entries[5].label, QString("excluded"));
    QVERIFY(qAlpha(app::heatmapColour(std::nanf("")))
            == 0); // no data: uncoloured, as the note says
    m_window->heatmap()->toggleAction()->setChecked(false);
    QCOMPARE(canvas->legend().size(), grid);
}

QTEST_MAIN(TestHeatmap)
#include "test_heatmap.moc"
