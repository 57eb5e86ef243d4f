// SPDX-License-Identifier: GPL-3.0-or-later
// Land-cover class names: an NLCD palette takes the NLCD legend of resources/legends (checked
// against class names of MRLC's published legend, typed here), ESA WorldCover and CORINE
// palettes theirs (names and colours from ESA's and Copernicus' legends, typed here), a raster's
// own category names win over them, an unknown palette or known codes in other colours get no
// names, and a bad legend line or header is reported.
#include "app/landcoverlegend.h"

#include <QColor>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>
#include <map>
#include <ogr_spatialref.h>

namespace {

// A 16 x 16 Byte GeoTIFF with a palette colouring `codes` (each its colour from `colours`, or a
// purple no legend uses), and optional category names.
QString writeClasses(const QString &path, const std::vector<int> &codes, bool named,
                     const std::map<int, QColor> &colours = {})
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
        const QColor colour = colours.count(c) ? colours.at(c) : QColor(120, 60, 255);
        const GDALColorEntry e{short(colour.red()), short(colour.green()), short(colour.blue()),
                               255};
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
    const CPLErr written =
            band->RasterIO(GF_Write, 0, 0, 16, 16, pixels.data(), 16, 16, GDT_Byte, 0, 0, nullptr);
    GDALClose(ds);
    if (written != CE_None)
        return {};
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

    void worldCoverPaletteTakesItsLegend()
    {
        // Colours and names from ESA's WorldCover 2021 v200 Product User Manual.
        const std::map<int, QColor> colours{{10, QColor(0, 100, 0)},    {20, QColor(255, 187, 34)},
                                            {30, QColor(255, 255, 76)}, {40, QColor(240, 150, 255)},
                                            {50, QColor(250, 0, 0)},    {80, QColor(0, 100, 200)}};
        QTemporaryDir dir;
        auto layer = maps::RasterLayer::open(
                writeClasses(dir.filePath("wc.tif"), {10, 20, 30, 40, 50, 80}, false, colours));
        QVERIFY(layer);
        const QMap<int, QString> names = app::landCoverClassNames(**layer);
        QCOMPARE(names.value(10), "Tree cover");
        QCOMPARE(names.value(40), "Cropland");
        QCOMPARE(names.value(50), "Built-up");
        QCOMPARE(names.value(80), "Permanent water bodies");
        QCOMPARE(names.value(95), "Mangroves");
        QCOMPARE(names.size(), 11);
    }

    void corinePaletteTakesItsLegendByGridOrClcCode()
    {
        // Standard CLC colours of five classes, from the CLC legend (Copernicus).
        const std::map<int, QColor> grid{{1, QColor(230, 0, 77)},
                                         {12, QColor(255, 255, 168)},
                                         {23, QColor(128, 255, 0)},
                                         {24, QColor(0, 166, 0)},
                                         {41, QColor(128, 242, 230)}};
        QTemporaryDir dir;
        auto byGrid = maps::RasterLayer::open(
                writeClasses(dir.filePath("clc.tif"), {1, 12, 23, 24, 41}, false, grid));
        QVERIFY(byGrid);
        QMap<int, QString> names = app::landCoverClassNames(**byGrid);
        QCOMPARE(names.value(1), "Continuous urban fabric (CLC 111)");
        QCOMPARE(names.value(24), "Coniferous forest (CLC 312)");
        QCOMPARE(names.value(44), "Sea and ocean (CLC 523)");
        QCOMPARE(names.size(), 44);

        std::map<int, QColor> clc;
        for (const auto &[gridCode, code] : {std::pair{1, 111}, {12, 211}, {23, 311}, {41, 512}})
            clc[code] = grid.at(gridCode);
        auto byCode = maps::RasterLayer::open(
                writeClasses(dir.filePath("clc3.tif"), {111, 211, 311, 512}, false, clc));
        QVERIFY(byCode);
        names = app::landCoverClassNames(**byCode);
        QCOMPARE(names.value(211), "Non-irrigated arable land");
        QCOMPARE(names.value(512), "Water bodies");
        QCOMPARE(names.size(), 44);
    }

    void codesAloneDoNotMakeAColouredLegendFit()
    {
        // NLCD codes 11-43 are CORINE grid codes too, in CORINE's colours they are not: a small
        // NLCD extract is still NLCD, and CORINE's codes in other colours get no names.
        QTemporaryDir dir;
        auto nlcd = maps::RasterLayer::open(
                writeClasses(dir.filePath("few.tif"), {11, 21, 22, 41, 42}, false));
        QVERIFY(nlcd);
        const QMap<int, QString> names = app::landCoverClassNames(**nlcd);
        QCOMPARE(names.value(11), "Open Water");
        QCOMPARE(names.value(42), "Evergreen Forest");
        auto other = maps::RasterLayer::open(
                writeClasses(dir.filePath("clcish.tif"), {1, 5, 25, 33, 44}, false));
        QVERIFY(other);
        QVERIFY(app::landCoverClassNames(**other).isEmpty());
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
        QFile colour(dir.filePath("colour.csv"));
        QVERIFY(colour.open(QIODevice::WriteOnly));
        colour.write("code,colour,name\n10,#006400,Tree cover\n20,orange,Shrubland\n");
        colour.close();
        QVERIFY(app::readLegend(colour.fileName(), &error).isEmpty());
        QVERIFY2(error.contains("20,orange,Shrubland") && error.contains("#rrggbb"),
                 qPrintable(error));
        QFile header(dir.filePath("header.csv"));
        QVERIFY(header.open(QIODevice::WriteOnly));
        header.write("value,label\n10,Tree cover\n");
        header.close();
        QVERIFY(app::readLegend(header.fileName(), &error).isEmpty());
        QVERIFY2(error.contains("value,label"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestLandCoverLegend)
#include "test_landcoverlegend.moc"
