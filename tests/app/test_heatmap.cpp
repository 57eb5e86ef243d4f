// SPDX-License-Identifier: GPL-3.0-or-later
// The suitability heatmap is the site score on a grid: each cell must equal a direct analysis
// of its centre. It can be cancelled, and the controller recomputes when the weights change.

#include "app/commandline.h"
#include "app/heatmapcontroller.h"
#include "app/heatmapjob.h"
#include "app/mainwindow.h"
#include "app/mapcontroller.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "widgets/mapcanvas.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

class TestHeatmap : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cellsEqualDirectAnalysis();
    void cancelStopsTheJob();
    void exportedGeoTiffHoldsTheScores();
    void weightsChangeRecomputesTheOverlay();

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

void TestHeatmap::cellsEqualDirectAnalysis()
{
    // Central Texas, 200 × 150 pixels in cells of 10: 20 × 15 cells.
    ui::MapView view(ui::MapView::toMercator(-99.0, 31.5), 2500.0, QSize(200, 150));
    app::HeatmapRequest request{m_window->mapController()->layers()->scene(),
                                m_window->scoring()->model(), view, 10};
    std::atomic<bool> cancel{false};
    int progressCalls = 0;
    const app::HeatmapResult result =
            app::computeHeatmap(request, cancel, [&](int, int) { ++progressCalls; });
    QCOMPARE(result.image.size(), QSize(20, 15));
    QCOMPARE(progressCalls, 15);
    QVERIFY(result.scored + result.excluded > 0);
    app::SiteAnalyzer direct(*request.scene, request.model);
    int checked = 0;
    for (int row = 0; row < 15; ++row) {
        for (int col = 0; col < 20; ++col) {
            const QPointF p = view.screenToLonLat({(col + 0.5) * 10, (row + 0.5) * 10});
            const auto a = direct.analyze(QString(), p.x(), p.y());
            const QColor pixel = QColor::fromRgba(result.image.pixel(col, row));
            const float score = result.scores[std::size_t(row) * 20 + col];
            if (a.breakdown.excluded) {
                QCOMPARE(pixel, QColor(200, 30, 30, 150));
                QCOMPARE(score, 0.0f);
            } else if (a.breakdown.score) {
                QColor expected = ui::scoreColour(a.breakdown.score, false);
                expected.setAlpha(170);
                QCOMPARE(pixel.rgba(), expected.rgba());
                QCOMPARE(score, float(*a.breakdown.score * 100.0));
            } else {
                QCOMPARE(pixel.alpha(), 0);
                QVERIFY(std::isnan(score));
            }
            ++checked;
        }
    }
    QCOMPARE(checked, 300);
}

void TestHeatmap::cancelStopsTheJob()
{
    ui::MapView view(ui::MapView::toMercator(-99.0, 31.5), 2500.0, QSize(400, 300));
    app::HeatmapRequest request{m_window->mapController()->layers()->scene(),
                                m_window->scoring()->model(), view, 4};
    std::atomic<bool> cancel{true};
    const app::HeatmapResult result = app::computeHeatmap(request, cancel);
    QVERIFY(result.cancelled);
    QCOMPARE(result.scored + result.excluded, 0);
}

void TestHeatmap::exportedGeoTiffHoldsTheScores()
{
    ui::MapView view(ui::MapView::toMercator(-99.0, 31.5), 2500.0, QSize(200, 150));
    app::HeatmapRequest request{m_window->mapController()->layers()->scene(),
                                m_window->scoring()->model(), view, 10};
    std::atomic<bool> cancel{false};
    const app::HeatmapResult result = app::computeHeatmap(request, cancel);
    const QString path = m_dir.filePath("suitability.tif");
    const maps::RasterStatus written = app::writeHeatmapGeoTiff(result, path);
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
    // Read back through GDAL: same cells, Web Mercator, each cell centre where the job
    // scored it.
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8(), GDAL_OF_RASTER));
    QVERIFY(ds);
    QCOMPARE(ds->GetRasterXSize(), 20);
    QCOMPARE(ds->GetRasterYSize(), 15);
    const OGRSpatialReference *srs = ds->GetSpatialRef();
    QVERIFY(srs);
    QCOMPARE(QString(srs->GetAuthorityCode(nullptr)), QString("3857"));
    double gt[6];
    ds->GetGeoTransform(gt);
    const QPointF centre = view.screenToLonLat({5 * 10 + 5, 7 * 10 + 5}); // cell (5, 7)
    const QPointF mercator = ui::MapView::toMercator(centre.x(), centre.y());
    QVERIFY(std::abs(gt[0] + 5.5 * gt[1] - mercator.x()) < 1.0);
    QVERIFY(std::abs(gt[3] + 7.5 * gt[5] - mercator.y()) < 1.0);
    std::vector<float> values(300);
    QCOMPARE(ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, 20, 15, values.data(), 20, 15,
                                            GDT_Float32, 0, 0, nullptr),
             CE_None);
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (std::isnan(result.scores[i]))
            QVERIFY(std::isnan(values[i]));
        else
            QCOMPARE(values[i], result.scores[i]);
    }
    // No heatmap yet: a message, no file.
    QVERIFY(!app::writeHeatmapGeoTiff(app::HeatmapResult{}, m_dir.filePath("none.tif")).ok());
    QVERIFY(!QFile::exists(m_dir.filePath("none.tif")));
}

void TestHeatmap::weightsChangeRecomputesTheOverlay()
{
    app::HeatmapController *heatmap = m_window->heatmap();
    QSignalSpy finished(heatmap, &app::HeatmapController::finished);
    heatmap->toggleAction()->setChecked(true);
    QVERIFY(finished.wait(30000));
    const QImage before = heatmap->lastResult().image;
    QVERIFY(!before.isNull());

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

QTEST_MAIN(TestHeatmap)
#include "test_heatmap.moc"
