// SPDX-License-Identifier: GPL-3.0-or-later
// Drawing rasters for a viewport: GeoTIFFs written through GDAL in EPSG:4326, drawn into an
// EPSG:3857 view; colours come from the colour table or the ramp, no-data stays transparent,
// and the chosen band of a multi-band file is the one drawn.

#include "maps/raster/rasterlayer.h"
#include "maps/render/imagery.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace maps;

class TestImagery : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void categoricalUsesColourTableAndNoDataIsTransparent();
    void continuousUsesRampOfTheChosenBand();

private:
    QString writeGrid(const QString &name, int bands, bool palette);
    static QPointF mercator(double lon, double lat);
    QTemporaryDir m_dir;
};

void TestImagery::initTestCase()
{
    GDALAllRegister();
}

QPointF TestImagery::mercator(double lon, double lat)
{
    const double r = 6378137.0;
    return {r * lon * M_PI / 180.0, r * std::log(std::tan(M_PI / 4.0 + lat * M_PI / 360.0))};
}

// 20 × 20 cells of 0.1° over lon -100..-98, lat 30..32. Left half value 41, right half 82,
// top row no-data; band b adds 100 × (b - 1).
QString TestImagery::writeGrid(const QString &name, int bands, bool palette)
{
    const QString path = m_dir.filePath(name);
    GDALDriver *gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDatasetUniquePtr ds(gtiff->Create(path.toUtf8().constData(), 20, 20, bands,
                                          palette ? GDT_Byte : GDT_Float32, nullptr));
    double gt[6] = {-100.0, 0.1, 0.0, 32.0, 0.0, -0.1};
    ds->SetGeoTransform(gt);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    ds->SetSpatialRef(&wgs84);
    for (int b = 1; b <= bands; ++b) {
        std::vector<float> v(400);
        for (int y = 0; y < 20; ++y)
            for (int x = 0; x < 20; ++x)
                v[std::size_t(y * 20 + x)] =
                        y == 0 ? 0.0f : float((x < 10 ? 41 : 82) + 100 * (b - 1));
        GDALRasterBand *band = ds->GetRasterBand(b);
        band->SetNoDataValue(0.0);
        if (band->RasterIO(GF_Write, 0, 0, 20, 20, v.data(), 20, 20, GDT_Float32, 0, 0) != CE_None)
            return {};
        if (palette) {
            GDALColorTable table;
            const GDALColorEntry forest{34, 102, 51, 255}, crops{170, 112, 40, 255};
            table.SetColorEntry(41, &forest);
            table.SetColorEntry(82, &crops);
            band->SetColorTable(&table);
        }
    }
    return path;
}

void TestImagery::categoricalUsesColourTableAndNoDataIsTransparent()
{
    const QString path = writeGrid("landcover.tif", 1, true);
    QVERIFY(!path.isEmpty());
    auto layer = RasterLayer::open(path, LayerRole::LandCover);
    QVERIFY2(layer.ok(), layer.ok() ? "" : qPrintable(maps::errorText(layer.error())));
    const QPointF centre = mercator(-99.0, 31.0);
    const Viewport view(centre, 1000.0, QSize(300, 300), "EPSG:3857");
    auto image = drawRaster(**layer, view);
    QVERIFY2(image.ok(), image.ok() ? "" : qPrintable(maps::errorText(image.error())));
    auto colourAt = [&](double lon, double lat) {
        const QPointF p = view.toPixel(mercator(lon, lat));
        return image->pixelColor(int(p.x()), int(p.y()));
    };
    QCOMPARE(colourAt(-99.5, 31.0), QColor(34, 102, 51)); // left half: forest
    QCOMPARE(colourAt(-98.5, 31.0), QColor(170, 112, 40)); // right half: crops
    QCOMPARE(colourAt(-99.5, 31.95).alpha(), 0); // top row: no-data
    QCOMPARE(colourAt(-97.8, 31.0).alpha(), 0); // outside the raster
}

void TestImagery::continuousUsesRampOfTheChosenBand()
{
    const QString path = writeGrid("climate.tif", 3, false);
    QVERIFY(!path.isEmpty());
    auto band3 = RasterLayer::open(path, LayerRole::Climate, 3);
    QVERIFY(band3.ok());
    const Viewport view(mercator(-99.0, 31.0), 1000.0, QSize(300, 300), "EPSG:3857");
    ImageryStyle style;
    style.ramp = ColourRamp::Viridis;
    style.minimum = 200.0;
    style.maximum = 300.0;
    auto image = drawRaster(**band3, view, style);
    QVERIFY(image.ok());
    const QPointF left = view.toPixel(mercator(-99.5, 31.0));
    const QPointF right = view.toPixel(mercator(-98.5, 31.0));
    // Band 3 holds 241 and 282: 41 % and 82 % along the ramp.
    QCOMPARE(image->pixelColor(left.toPoint()).rgb(), rampColour(ColourRamp::Viridis, 0.41).rgb());
    QCOMPARE(image->pixelColor(right.toPoint()).rgb(), rampColour(ColourRamp::Viridis, 0.82).rgb());
    QCOMPARE(rampColour(ColourRamp::Viridis, 0.0), QColor(68, 1, 84));
    QCOMPARE(rampColour(ColourRamp::Viridis, 1.0), QColor(253, 231, 37));
}

QTEST_GUILESS_MAIN(TestImagery)
#include "test_imagery.moc"
