// SPDX-License-Identifier: GPL-3.0-or-later
// Land-cover class names: an NLCD palette takes the NLCD legend of resources/legends (checked
// against class names of MRLC's published legend, typed here), a raster's own category names
// win over it, an unknown palette gets no names, and a bad legend line is reported.
#include "app/landcoverlegend.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

namespace {

// A 16 x 16 Byte GeoTIFF with a palette colouring `codes`, and optional category names.
QString writeClasses(const QString &path, const std::vector<int> &codes, bool named)
{
    GDALAllRegister();
    GDALDataset *ds = GetGDALDriverManager()->GetDriverByName("GTiff")->Create(
            path.toUtf8().constData(), 16, 16, 1, GDT_Byte, nullptr);
    double gt[6] = {-99.0, 0.01, 0, 31.0, 0, -0.01};
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    ds->SetSpatialRef(&srs);
    GDALColorTable ct;
    for (int c : codes) {
        const GDALColorEntry e{short(c), 120, 60, 255};
        ct.SetColorEntry(c, &e);
    }
    GDALRasterBand *band = ds->GetRasterBand(1);
    band->SetColorTable(&ct);
    if (named) {
        CPLStringList names;
        for (int i = 0; i <= 41; ++i)
            names.AddString(i == 41 ? "Hardwood stand (survey)" : "");
        band->SetCategoryNames(names.List());
    }
    std::vector<GByte> pixels(256, GByte(codes.front()));
    band->RasterIO(GF_Write, 0, 0, 16, 16, pixels.data(), 16, 16, GDT_Byte, 0, 0, nullptr);
    GDALClose(ds);
    return path;
}

const std::vector<int> kNlcd{11, 21, 22, 23, 24, 31, 41, 42, 43, 52, 71, 81, 82, 90, 95};

} // namespace

class TestLandCoverLegend : public QObject
{
    Q_OBJECT
private slots:
    void nlcdPaletteTakesTheNlcdLegend()
    {
        QTemporaryDir dir;
        auto layer = maps::RasterLayer::open(writeClasses(dir.filePath("lc.tif"), kNlcd, false));
        QVERIFY(layer);
        const QMap<int, QString> names = app::landCoverClassNames(**layer);
        // MRLC, NLCD class legend and description (mrlc.gov).
        QCOMPARE(names.value(11), "Open Water");
        QCOMPARE(names.value(21), "Developed, Open Space");
        QCOMPARE(names.value(41), "Deciduous Forest");
        QCOMPARE(names.value(52), "Shrub/Scrub");
        QCOMPARE(names.value(71), "Grassland/Herbaceous");
        QCOMPARE(names.value(81), "Pasture/Hay");
        QCOMPARE(names.value(82), "Cultivated Crops");
        QCOMPARE(names.value(90), "Woody Wetlands");
        QCOMPARE(names.value(95), "Emergent Herbaceous Wetlands");
        QCOMPARE(names.size(), 20); // every class of the legend, not only those seen
    }

    void ownCategoryNamesWin()
    {
        QTemporaryDir dir;
        auto layer = maps::RasterLayer::open(writeClasses(dir.filePath("own.tif"), kNlcd, true));
        QVERIFY(layer);
        const QMap<int, QString> names = app::landCoverClassNames(**layer);
        QCOMPARE(names.value(41), "Hardwood stand (survey)");
        QVERIFY(!names.contains(11)); // its own names only
    }

    void unknownPaletteHasNoNames()
    {
        QTemporaryDir dir;
        auto layer = maps::RasterLayer::open(
                writeClasses(dir.filePath("other.tif"), {1, 2, 3, 4, 5, 6}, false));
        QVERIFY(layer);
        QVERIFY(app::landCoverClassNames(**layer).isEmpty());
    }

    void badLegendLineIsReported()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath("bad.csv"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# a legend\ncode,name\n10,Tree cover\nforty,Shrubland\n");
        f.close();
        QString error;
        QVERIFY(app::readLegend(f.fileName(), &error).isEmpty());
        QVERIFY2(error.contains("forty,Shrubland"), qPrintable(error));
        QCOMPARE(app::readLegend(dir.filePath("none.csv"), &error).size(), 0);
        QVERIFY(error.contains("none.csv"));
    }
};

QTEST_GUILESS_MAIN(TestLandCoverLegend)
#include "test_landcoverlegend.moc"
