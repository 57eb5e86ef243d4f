// SPDX-License-Identifier: GPL-3.0-or-later
// A raster's role guessed from its data when the user gave none: an NLCD-style palette is land
// cover, a float band of plausible metres is elevation, a band description names its role, and
// values that fit no rule stay unknown (the user chooses). GeoTIFFs written through GDAL here;
// the NLCD Puerto Rico extract of the shared data when present.
#include "../rasterfixtures.h"
#include "maps/raster/rasterlayer.h"
#include "tests/support/shareddata.h"

#include <QTemporaryDir>
#include <QTest>

using namespace maps;
using namespace rasterfixtures;

namespace {

// Adds a colour table and/or a band description to a written GeoTIFF.
void decorate(const QString &path, const std::vector<int> &palette, const char *description)
{
    GDALDataset *ds = GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_UPDATE);
    QVERIFY(ds);
    if (!palette.empty()) {
        GDALColorTable ct;
        for (int code : palette) {
            const GDALColorEntry e{short(code), 100, 50, 255};
            ct.SetColorEntry(code, &e);
        }
        ds->GetRasterBand(1)->SetColorTable(&ct);
    }
    if (description)
        ds->GetRasterBand(1)->SetDescription(description);
    GDALClose(ds);
}

LayerRole guessed(const QString &path)
{
    auto layer = RasterLayer::open(path);
    if (!layer)
        qFatal("%s", qPrintable(errorText(layer.error())));
    return (*layer)->role();
}

} // namespace

class TestRasterRole : public QObject
{
    Q_OBJECT
private slots:
    void nlcdPaletteIsLandCover()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("classes.tif");
        TiffSpec spec;
        spec.type = GDT_Byte;
        const int classes[] = {11, 21, 41, 52, 71, 82};
        QVERIFY(writeTiff(path, spec, [&](int c, int r) { return classes[(c + r) % 6]; }));
        decorate(path, {11, 21, 22, 41, 42, 52, 71, 81, 82, 90}, nullptr);
        auto layer = RasterLayer::open(path);
        QVERIFY(layer);
        QCOMPARE((*layer)->role(), LayerRole::LandCover);
        QVERIFY((*layer)->roleReason().contains("NLCD"));
        // A palette of other codes (a classified image of 1..8) is not NLCD.
        const QString other = dir.filePath("other.tif");
        QVERIFY(writeTiff(other, spec, [](int c, int) { return 1 + c % 8; }));
        decorate(other, {1, 2, 3, 4, 5, 6, 7, 8}, nullptr);
        QCOMPARE(guessed(other), LayerRole::Unknown);
    }

    void floatMetresAreElevation()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("surface.tif");
        TiffSpec spec; // Float32
        spec.noData = -9999.0;
        QVERIFY(writeTiff(path, spec,
                          [](int c, int r) { return c == 0 ? -9999.0 : 200.0 + c + r; }));
        QCOMPARE(guessed(path), LayerRole::Elevation);
        // Int16 heights too; values far beyond any ground height are not.
        TiffSpec int16 = spec;
        int16.type = GDT_Int16;
        const QString heights = dir.filePath("heights.tif");
        QVERIFY(writeTiff(heights, int16, [](int c, int) { return 1200 + c; }));
        QCOMPARE(guessed(heights), LayerRole::Elevation);
        const QString big = dir.filePath("values.tif");
        QVERIFY(writeTiff(big, spec, [](int c, int) { return 50000.0 * c; }));
        QCOMPARE(guessed(big), LayerRole::Unknown);
    }

    void bandDescriptionNamesTheRole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("band1.tif");
        TiffSpec spec;
        QVERIFY(writeTiff(path, spec, [](int c, int) { return 50000.0 * c; }));
        decorate(path, {}, "Annual mean temperature (degC)");
        QCOMPARE(guessed(path), LayerRole::Climate);
        // A role given by the user is kept, whatever the data suggests.
        auto kept = RasterLayer::open(path, LayerRole::LandPrice);
        QVERIFY(kept);
        QCOMPARE((*kept)->role(), LayerRole::LandPrice);
        QVERIFY((*kept)->roleReason().isEmpty());
    }

    void realNlcdExtractIsLandCover()
    {
        const QString path = sharedData("nlcd-puerto-rico-3km");
        QDir folder(path);
        const QStringList tifs = folder.entryList({"*.tif"});
        if (tifs.isEmpty())
            MISSING_SHARED_DATA("../shared/data/nlcd-puerto-rico-3km/*.tif");
        // Renamed in a temporary folder so that the file name cannot give the answer.
        QTemporaryDir dir;
        const QString copy = dir.filePath("raster.tif");
        QVERIFY(QFile::copy(folder.filePath(tifs.first()), copy));
        QCOMPARE(guessed(copy), LayerRole::LandCover);
    }
};

QTEST_GUILESS_MAIN(TestRasterRole)
#include "test_rasterrole.moc"
