// SPDX-License-Identifier: GPL-3.0-or-later
// RasterLayer::open: metadata of GeoTIFFs written here, real rasters from ../shared/data, and
// the bad inputs of issue 5 (missing, not a raster, truncated, no georeferencing, huge).

#include "../rasterfixtures.h"
#include "maps/raster/blockcache.h"
#include "maps/raster/rasterlayer.h"
#include "maps/raster/rasterreader.h"
#include "tests/support/shareddata.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <gdal_utils.h>

using namespace maps;
using namespace rasterfixtures;

class TestRasterLayer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void readsMetadataOfAGeoTiff()
    {
        TiffSpec spec;
        spec.type = GDT_Int16;
        spec.noData = -9999;
        spec.blockWidth = 16;
        spec.blockHeight = 16;
        const QString file = path("meta.tif");
        QVERIFY(writeTiff(file, spec, [](int c, int r) { return c + 100 * r; }));
        auto layer = RasterLayer::open(file, LayerRole::Elevation);
        QVERIFY2(layer.ok(), qPrintable(layer ? QString() : maps::errorText(layer.error())));
        const RasterLayer &l = **layer;
        QCOMPARE(l.width(), spec.width);
        QCOMPARE(l.height(), spec.height);
        QCOMPARE(l.grid().originX, spec.geoTransform[0]);
        QCOMPARE(l.grid().pixelWidth, spec.geoTransform[1]);
        QCOMPARE(l.grid().originY, spec.geoTransform[3]);
        QCOMPARE(l.grid().pixelHeight, spec.geoTransform[5]);
        QCOMPARE(l.dataType(), GDT_Int16);
        QVERIFY(l.noData().has_value());
        QCOMPARE(*l.noData(), -9999.0);
        QCOMPARE(l.blockWidth(), 16);
        QCOMPARE(l.blockHeight(), 16);
        QCOMPARE(l.role(), LayerRole::Elevation);
        QVERIFY(!l.isCategorical());
        QVERIFY(!l.grid().isGeographic());
        QVERIFY(l.isNoData(-9999));
        QVERIFY(!l.isNoData(0));
    }

    void reportsAMissingFile()
    {
        auto layer = RasterLayer::open(path("nowhere.tif"));
        QVERIFY(!layer.ok());
        QCOMPARE(layer.error().code, ErrorCode::NotFound);
        QVERIFY(maps::errorText(layer.error()).contains("nowhere.tif"));
    }

    void reportsAFileThatIsNotARaster()
    {
        const QString file = path("notes.tif");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("these are meeting notes, not pixels\n");
        f.close();
        auto layer = RasterLayer::open(file);
        QVERIFY(!layer.ok());
        QCOMPARE(layer.error().code, ErrorCode::NotReadable);
        QVERIFY(maps::errorText(layer.error()).startsWith("notes.tif: "));
    }

    void reportsATruncatedGeoTiff_data()
    {
        QTest::addColumn<int>("blockWidth");
        QTest::addRow("strips") << 0;
        QTest::addRow("tiles") << 64;
    }
    void reportsATruncatedGeoTiff()
    {
        QFETCH(int, blockWidth);
        TiffSpec spec;
        spec.width = 256;
        spec.height = 256;
        spec.blockWidth = blockWidth;
        spec.blockHeight = blockWidth;
        const QString whole = path(QStringLiteral("whole%1.tif").arg(blockWidth));
        QVERIFY(writeTiff(whole, spec, [](int c, int r) { return c * r; }));
        QFile in(whole);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray bytes = in.readAll();
        const QString cut = path(QStringLiteral("cut%1.tif").arg(blockWidth));
        QFile out(cut);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.left(bytes.size() / 2));
        out.close();

        auto layer = RasterLayer::open(cut);
        QVERIFY(!layer.ok());
        QVERIFY2(maps::errorText(layer.error()).contains("truncated"),
                 qPrintable(maps::errorText(layer.error())));
    }

    void reportsARasterWithoutGeoreferencing()
    {
        TiffSpec spec;
        spec.georeferenced = false;
        const QString file = path("plain.tif");
        QVERIFY(writeTiff(file, spec, [](int, int) { return 1.0; }));
        auto layer = RasterLayer::open(file);
        QVERIFY(!layer.ok());
        QVERIFY(maps::errorText(layer.error()).contains("georeferencing"));
    }

    void opensAHugeRasterWithoutReadingItWhole()
    {
        // 50,000 × 50,000 bytes = 2.5 GB of pixels; sparse, so the file itself is tiny.
        TiffSpec spec;
        spec.width = 50000;
        spec.height = 50000;
        spec.type = GDT_Byte;
        spec.blockWidth = 256;
        spec.blockHeight = 256;
        spec.sparse = true;
        const QString file = path("huge.tif");
        QVERIFY(writeTiff(file, spec));
        QVERIFY(QFileInfo(file).size() < 10 * 1024 * 1024);
        auto layer = RasterLayer::open(file, LayerRole::LandCover);
        QVERIFY2(layer.ok(), qPrintable(layer ? QString() : maps::errorText(layer.error())));

        auto cache = BlockCache::create(*layer, 1 << 20);
        QVERIFY(cache.ok());
        QCOMPARE((*cache)->pixel(49999, 49999), 0.0f); // sparse blocks read as zero
        QCOMPARE((*cache)->blocksRead(), std::size_t(1));

        auto reader = RasterReader::create(*layer);
        QVERIFY(reader.ok());
        auto whole = reader->read((*layer)->grid(), Interpolation::Nearest);
        QVERIFY(!whole.ok());
        QVERIFY2(maps::errorText(whole.error()).contains("windows"),
                 qPrintable(maps::errorText(whole.error())));
        auto window = reader->read((*layer)->grid().subGrid(30000, 40000, 300, 200),
                                   Interpolation::Nearest);
        QVERIFY(window.ok());
        QCOMPARE(window->values.size(), std::size_t(300 * 200));
        QCOMPARE(window->values.front(), 0.0f);
    }

    void opensAVrt()
    {
        TiffSpec spec;
        const QString tif = path("forvrt.tif");
        QVERIFY(writeTiff(tif, spec, [](int c, int r) { return c - r; }));
        const QString vrt = path("mosaic.vrt");
        const QByteArray src = tif.toUtf8();
        const char *sources[] = {src.constData()};
        GDALDatasetH out =
                GDALBuildVRT(vrt.toUtf8().constData(), 1, nullptr, sources, nullptr, nullptr);
        QVERIFY(out);
        GDALClose(out);
        auto layer = RasterLayer::open(vrt);
        QVERIFY(layer.ok());
        auto cache = BlockCache::create(*layer);
        QVERIFY(cache.ok());
        for (int r = 0; r < spec.height; r += 7) {
            for (int c = 0; c < spec.width; c += 5) {
                QCOMPARE((*cache)->pixel(c, r), float(readPixel(tif, c, r)));
            }
        }
    }

    void opensRealLuxembourgDem()
    {
        const QString file = sharedData("dem-luxembourg-30s/elev_luxembourg.tif");
        if (!QFile::exists(file)) {
            MISSING_SHARED_DATA(file.toStdString() + " not found");
        }
        auto layer = RasterLayer::open(file, LayerRole::Elevation);
        QVERIFY(layer.ok());
        QCOMPARE((*layer)->width(), 95);
        QCOMPARE((*layer)->height(), 90);
        QVERIFY((*layer)->noData().has_value());
        QCOMPARE(*(*layer)->noData(), -32768.0);
        QVERIFY((*layer)->grid().isGeographic());
    }

    void opensRealNlcdWithItsColourTable()
    {
        const QString file = sharedData("nlcd-puerto-rico-3km/nlcd_puerto_rico_3km.tif");
        if (!QFile::exists(file)) {
            MISSING_SHARED_DATA(file.toStdString() + " not found");
        }
        auto layer = RasterLayer::open(file, LayerRole::LandCover);
        QVERIFY(layer.ok());
        QVERIFY((*layer)->isCategorical());
        // Compare each palette entry with GDAL's own colour table.
        GDALDataset *ds = GDALDataset::Open(file.toUtf8().constData(), GDAL_OF_RASTER);
        QVERIFY(ds);
        const GDALColorTable *ct = ds->GetRasterBand(1)->GetColorTable();
        QVERIFY(ct);
        QVERIFY(!(*layer)->colorTable().empty());
        for (const auto &[value, colour] : (*layer)->colorTable()) {
            const GDALColorEntry *e = ct->GetColorEntry(value);
            QCOMPARE(colour, QColor(e->c1, e->c2, e->c3, e->c4));
        }
        GDALClose(ds);
        QVERIFY((*layer)->colorTable().count(41)); // deciduous forest is present in NLCD
        QVERIFY(!(*layer)->grid().isGeographic());
    }
};

QTEST_APPLESS_MAIN(TestRasterLayer)
#include "test_rasterlayer.moc"
