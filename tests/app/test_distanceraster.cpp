// SPDX-License-Identifier: GPL-3.0-or-later
// Distance rasters of a vector layer as a user makes them: the grid is laid out in the UTM zone
// of the view, pixel sizes are round numbers, the file written through the real controller has
// at every pixel the distance to the nearest substation of the demo GeoPackage (checked against
// a direct computation from the features read with OGR), a cancel leaves no file, bad areas
// are refused with a message, and in the main window the finished raster becomes a layer.

#include "app/distanceraster.h"
#include "app/mainwindow.h"
#include "planner/session/document.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <vector>

class TestDistanceRaster : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void gridIsInTheUtmZoneOfTheArea();
    void badAreasAreRefused();
    void rasterHoldsTheDistanceToTheNearestFeature();
    void cancelLeavesNoFile();
    void finishedRasterBecomesALayer();

private:
    QString demo() const { return QString(ENERGIZE_SOURCE_DIR) + "/maps/data/texas-demo.gpkg"; }
    QTemporaryDir m_dir;
};

void TestDistanceRaster::initTestCase()
{
    GDALAllRegister();
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(demo()));
}

void TestDistanceRaster::gridIsInTheUtmZoneOfTheArea()
{
    // Central Texas (-98.5°) lies in UTM zone 14 north.
    const QRectF area(QPointF(-99.0, 30.5), QPointF(-98.0, 31.5));
    auto grid = app::distanceGrid(area, 100.0);
    QVERIFY2(grid.ok(), grid.ok() ? "" : qPrintable(maps::errorText(grid.error())));
    QCOMPARE(grid->crsWkt, QString("EPSG:32614"));
    QCOMPARE(grid->pixelWidth, 100.0);
    QCOMPARE(grid->pixelHeight, -100.0);
    // One degree is some 96 km across at 31° N and 111 km tall: about 960 × 1110 pixels.
    QVERIFY2(grid->width > 900 && grid->width < 1020, qPrintable(QString::number(grid->width)));
    QVERIFY2(grid->height > 1080 && grid->height < 1140, qPrintable(QString::number(grid->height)));
    // Southern hemisphere: zone 23 south for São Paulo.
    auto south = app::distanceGrid(QRectF(QPointF(-47.0, -24.0), QPointF(-46.0, -23.0)), 500.0);
    QVERIFY(south.ok());
    QCOMPARE(south->crsWkt, QString("EPSG:32723"));
    // Suggested pixels are 1, 2 or 5 times a power of ten and give about 2000 pixels.
    const double pixel = app::suggestedPixelMetres(area);
    const double mantissa = pixel / std::pow(10.0, std::floor(std::log10(pixel)));
    QVERIFY(mantissa == 1.0 || mantissa == 2.0 || mantissa == 5.0);
    auto suggested = app::distanceGrid(area, pixel);
    QVERIFY(std::max(suggested->width, suggested->height) >= 800);
    QVERIFY(std::max(suggested->width, suggested->height) <= 2300);
}

void TestDistanceRaster::badAreasAreRefused()
{
    const QRectF texas(QPointF(-106.0, 25.8), QPointF(-93.5, 36.5));
    auto tooFine = app::distanceGrid(texas, 1.0); // 1.2 million km² at 1 m
    QVERIFY(!tooFine.ok());
    QVERIFY(maps::errorText(tooFine.error()).contains("too large"));
    QVERIFY(!app::distanceGrid(QRectF(QPointF(10, 85), QPointF(20, 89)), 100.0).ok());
    QVERIFY(!app::distanceGrid(QRectF(), 100.0).ok());
    QVERIFY(!app::distanceGrid(texas, std::numeric_limits<double>::quiet_NaN()).ok());
    app::DistanceRasterController controller(nullptr);
    app::DistanceRasterRequest request{demo(), "synthetic_substations", texas, 0.0,
                                       m_dir.filePath("never.tif")};
    const maps::Status refused = controller.start(request);
    QVERIFY(!refused);
    QVERIFY(!refused.error().message.empty());
    QVERIFY(!QFile::exists(request.outputPath));
}

void TestDistanceRaster::rasterHoldsTheDistanceToTheNearestFeature()
{
    const QRectF area(QPointF(-98.2, 30.0), QPointF(-97.2, 30.8)); // around Austin
    app::DistanceRasterController controller(nullptr);
    QSignalSpy finished(&controller, &app::DistanceRasterController::finished);
    app::DistanceRasterRequest request{demo(), "synthetic_substations", area, 200.0,
                                       m_dir.filePath("substations-distance.tif")};
    const maps::Status started = controller.start(request);
    QVERIFY2(started, started ? "" : started.error().message.c_str());
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.front().at(1).toString(), QString());

    // The substations, read directly and projected to the raster's CRS.
    GDALDatasetUniquePtr vectors(GDALDataset::Open(demo().toUtf8(), GDAL_OF_VECTOR));
    QVERIFY(vectors);
    OGRLayer *layer = vectors->GetLayerByName("synthetic_substations");
    QVERIFY(layer);
    OGRSpatialReference utm;
    utm.importFromEPSG(32614);
    utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::vector<std::pair<double, double>> targets;
    for (auto &feature : *layer) {
        OGRGeometry *g = feature->GetGeometryRef();
        QVERIFY(g);
        g->transformTo(&utm);
        const OGRPoint *p = g->toPoint();
        targets.emplace_back(p->getX(), p->getY());
    }
    QVERIFY(targets.size() > 10);

    GDALDatasetUniquePtr raster(GDALDataset::Open(request.outputPath.toUtf8(), GDAL_OF_RASTER));
    QVERIFY(raster);
    double gt[6];
    raster->GetGeoTransform(gt);
    QCOMPARE(gt[1], 200.0);
    GDALRasterBand *band = raster->GetRasterBand(1);
    const int w = band->GetXSize();
    const int h = band->GetYSize();
    std::vector<float> values(std::size_t(w) * h);
    QCOMPARE(band->RasterIO(GF_Read, 0, 0, w, h, values.data(), w, h, GDT_Float32, 0, 0, nullptr),
             CE_None);
    // Only features inside the grid count (the grid has no margin); compare at a lattice of
    // pixels with the distance to the nearest such feature, within one pixel.
    std::vector<std::pair<double, double>> inside;
    for (const auto &[x, y] : targets) {
        if (x >= gt[0] && x < gt[0] + w * gt[1] && y <= gt[3] && y > gt[3] + h * gt[5])
            inside.emplace_back(x, y);
    }
    QVERIFY2(!inside.empty(), "the test area holds no substation");
    int checked = 0;
    for (int row = 0; row < h; row += 37) {
        for (int col = 0; col < w; col += 41) {
            const double cx = gt[0] + (col + 0.5) * gt[1];
            const double cy = gt[3] + (row + 0.5) * gt[5];
            double best = INFINITY;
            for (const auto &[x, y] : inside)
                best = std::min(best, std::hypot(x - cx, y - cy));
            const float got = values[std::size_t(row) * w + col];
            QVERIFY2(std::abs(got - best) <= 200.0,
                     qPrintable(QString("pixel %1,%2: %3 m, expected %4 m")
                                        .arg(col)
                                        .arg(row)
                                        .arg(got)
                                        .arg(best)));
            ++checked;
        }
    }
    QVERIFY(checked > 100);
}

void TestDistanceRaster::cancelLeavesNoFile()
{
    const QRectF texas(QPointF(-106.0, 25.8), QPointF(-93.5, 36.5));
    app::DistanceRasterController controller(nullptr);
    QSignalSpy finished(&controller, &app::DistanceRasterController::finished);
    app::DistanceRasterRequest request{demo(), "synthetic_transmission_lines", texas, 150.0,
                                       m_dir.filePath("cancelled.tif")};
    const maps::Status started = controller.start(request);
    QVERIFY2(started, started ? "" : started.error().message.c_str());
    QVERIFY(controller.isRunning());
    controller.cancel();
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.front().at(1).toString().contains("Cancelled"),
             qPrintable(finished.front().at(1).toString()));
    QVERIFY(!QFile::exists(request.outputPath));
}

void TestDistanceRaster::finishedRasterBecomesALayer()
{
    app::MainWindow window;
    const std::size_t before = window.document()->layers().size();
    QSignalSpy finished(window.distanceRaster(), &app::DistanceRasterController::finished);
    app::DistanceRasterRequest request{demo(), "synthetic_transmission_lines",
                                       QRectF(QPointF(-98.0, 30.0), QPointF(-97.0, 31.0)), 500.0,
                                       m_dir.filePath("lines-distance.tif")};
    const maps::Status started = window.distanceRaster()->start(request);
    QVERIFY2(started, started ? "" : started.error().message.c_str());
    QVERIFY(finished.wait(60000));
    QCOMPARE(window.document()->layers().size(), before + 1);
    QCOMPARE(QString::fromStdString(window.document()->layers().back().source).section('/', -1),
             QString("lines-distance.tif"));
}

QTEST_MAIN(TestDistanceRaster)
#include "test_distanceraster.moc"
