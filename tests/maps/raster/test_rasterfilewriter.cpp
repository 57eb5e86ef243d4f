// SPDX-License-Identifier: GPL-3.0-or-later
// RasterFileWriter: windows that cover file blocks whole (written block by block) and windows
// that cut through blocks (merged in GDAL's block cache), from several threads at once, read
// back through GDAL pixel by pixel.

#include "../rasterfixtures.h"
#include "maps/raster/rasterfilewriter.h"
#include "maps/raster/rastertilerunner.h"

#include <QTemporaryDir>
#include <QtTest>

#include <array>
#include <cmath>

using namespace maps;
using namespace rasterfixtures;

namespace {

float valueAt(int col, int row)
{
    return float(col) * 0.5f + float(row) * 1000.0f;
}

} // namespace

class TestRasterFileWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void windowsReadBackExactly_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("tileWidth");
        QTest::addColumn<int>("tileHeight");
        QTest::addColumn<int>("threads");
        // 600 × 520: a right and a bottom edge block that stick out of the raster.
        QTest::newRow("whole rows of blocks") << 600 << 520 << 600 << 256 << 2;
        QTest::newRow("block-aligned tiles") << 600 << 520 << 256 << 256 << 2;
        QTest::newRow("tiles cutting blocks") << 600 << 520 << 70 << 45 << 2;
        QTest::newRow("mixed: half-width bands") << 600 << 520 << 300 << 256 << 2;
        QTest::newRow("one window") << 300 << 200 << 300 << 200 << 1;
    }

    void windowsReadBackExactly()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, tileWidth);
        QFETCH(int, tileHeight);
        QFETCH(int, threads);
        const std::array<double, 6> gt{500000.0, 30.0, 0.0, 4000000.0, 0.0, -30.0};
        const RasterGrid grid = RasterGrid::fromGeoTransform(gt.data(), width, height, {});
        const QString path = m_dir.filePath(QStringLiteral("%1.tif").arg(QTest::currentDataTag()));
        auto writer = RasterFileWriter::create(path, grid);
        QVERIFY(writer.ok());
        RasterJobControl control;
        control.threads = threads;
        auto status = RasterTileRunner::run(
                width, height, tileWidth, tileHeight, control,
                [&](const RasterTile &tile, int) -> Status {
                    std::vector<float> values(std::size_t(tile.width) * tile.height);
                    for (int r = 0; r < tile.height; ++r) {
                        for (int c = 0; c < tile.width; ++c) {
                            values[std::size_t(r) * tile.width + c] =
                                    valueAt(tile.col + c, tile.row + r);
                        }
                    }
                    return (*writer)->writeWindow(tile.col, tile.row, tile.width, tile.height,
                                                  values.data());
                });
        QVERIFY(status.ok());
        QVERIFY((*writer)->finish().ok());

        GDALDataset *ds = GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER);
        QVERIFY(ds);
        std::vector<float> back(std::size_t(width) * height);
        GDALRasterBand *band = ds->GetRasterBand(1);
        const CPLErr err = band->RasterIO(GF_Read, 0, 0, width, height, back.data(), width, height,
                                          GDT_Float32, 0, 0, nullptr);
        int noDataSet = 0;
        const double noData = band->GetNoDataValue(&noDataSet);
        int bw = 0;
        int bh = 0;
        band->GetBlockSize(&bw, &bh);
        GDALClose(ds);
        QCOMPARE(err, CE_None);
        QVERIFY(noDataSet && std::isnan(noData));
        QCOMPARE(bw, 256);
        QCOMPARE(bh, 256);
        for (int r = 0; r < height; ++r) {
            for (int c = 0; c < width; ++c) {
                const float v = back[std::size_t(r) * width + c];
                if (v != valueAt(c, r)) {
                    QFAIL(qPrintable(QStringLiteral("pixel %1,%2: %3, expected %4")
                                             .arg(c)
                                             .arg(r)
                                             .arg(v)
                                             .arg(valueAt(c, r))));
                }
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestRasterFileWriter)
#include "test_rasterfilewriter.moc"
