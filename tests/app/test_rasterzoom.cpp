// SPDX-License-Identifier: GPL-3.0-or-later
// Zoom to Layer on a raster: a UTM raster's extent in Web Mercator holds every corner as GDAL
// transforms it here on its own, and Zoom to Layer shows the whole raster on the canvas.
#include "app/mapcontroller.h"
#include "app/rasterextent.h"
#include "planner/session/document.h"
#include "planner/session/layercommands.h"
#include "widgets/layerpanel.h"
#include "widgets/mapcanvas.h"

#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

namespace {

// 200 x 100 pixels of 300 m in UTM zone 14N, north-west corner at (500000, 3500000).
constexpr double kX0 = 500000.0, kY0 = 3500000.0, kPixel = 300.0;
constexpr int kW = 200, kH = 100;

QString writeUtmRaster(const QString &path)
{
    GDALAllRegister();
    GDALDataset *ds = GetGDALDriverManager()->GetDriverByName("GTiff")->Create(
            path.toUtf8().constData(), kW, kH, 1, GDT_Float32, nullptr);
    double gt[6] = {kX0, kPixel, 0, kY0, 0, -kPixel};
    ds->SetGeoTransform(gt);
    OGRSpatialReference utm;
    utm.importFromEPSG(32614);
    ds->SetSpatialRef(&utm);
    std::vector<float> v(std::size_t(kW) * kH, 300.0f);
    const CPLErr written = ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, kW, kH, v.data(), kW, kH,
                                                          GDT_Float32, 0, 0, nullptr);
    GDALClose(ds);
    return written == CE_None ? path : QString();
}

// The corners of the raster in lon/lat, transformed by GDAL.
std::vector<std::pair<double, double>> cornersLonLat()
{
    OGRSpatialReference utm, wgs;
    utm.importFromEPSG(32614);
    wgs.importFromEPSG(4326);
    wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&utm, &wgs));
    std::vector<std::pair<double, double>> out;
    for (double x : {kX0, kX0 + kW * kPixel})
        for (double y : {kY0, kY0 - kH * kPixel}) {
            double px = x, py = y;
            ct->Transform(1, &px, &py);
            out.emplace_back(px, py);
        }
    return out;
}

} // namespace

class TestRasterZoom : public QObject
{
    Q_OBJECT
private slots:
    void zoomToARasterLayer()
    {
        QTemporaryDir dir;
        const QString tif = writeUtmRaster(dir.filePath("dem_utm.tif"));
        planner::Document doc;
        ui::MapCanvas canvas;
        canvas.resize(800, 600);
        ui::LayerPanel panel;
        app::MapController map(&doc, &canvas, &panel);
        QCOMPARE(map.addLayerFiles({tif}), 1);
        map.layers()->waitForLoads();
        const qint64 id = doc.layers().front().id;
        auto loaded = map.layers()->layer(id);
        QVERIFY(loaded && loaded->raster);

        const maps::Bounds b = app::rasterMapExtent(*loaded->raster, "EPSG:3857");
        QVERIFY(!b.isEmpty());
        for (const auto &[lon, lat] : cornersLonLat()) {
            const QPointF sw = ui::MapView::toLonLat({b.x0, b.y0});
            const QPointF ne = ui::MapView::toLonLat({b.x1, b.y1});
            QVERIFY(lon >= sw.x() - 1e-9 && lon <= ne.x() + 1e-9);
            QVERIFY(lat >= sw.y() - 1e-9 && lat <= ne.y() + 1e-9);
        }

        canvas.zoomTo({0.0, 0.0, 1.0, 1.0}); // somewhere else (off Africa)
        map.zoomToLayer(id);
        for (const auto &[lon, lat] : cornersLonLat()) {
            const QPointF at = canvas.view().lonLatToScreen(lon, lat);
            QVERIFY2(at.x() >= -1 && at.x() <= canvas.width() + 1 && at.y() >= -1
                             && at.y() <= canvas.height() + 1,
                     qPrintable(QStringLiteral("corner %1,%2 at %3,%4")
                                        .arg(lon)
                                        .arg(lat)
                                        .arg(at.x())
                                        .arg(at.y())));
        }
        // And the view is not zoomed out to the world: the raster spans a good part of it.
        const QPointF a =
                canvas.view().lonLatToScreen(cornersLonLat()[0].first, cornersLonLat()[0].second);
        const QPointF c =
                canvas.view().lonLatToScreen(cornersLonLat()[3].first, cornersLonLat()[3].second);
        QVERIFY(std::abs(c.x() - a.x()) > canvas.width() / 3);
    }
};

QTEST_MAIN(TestRasterZoom)
#include "test_rasterzoom.moc"
