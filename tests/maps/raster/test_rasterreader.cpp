// SPDX-License-Identifier: GPL-3.0-or-later
// RasterReader: windows on the raster's own grid, coarser grids, and grids in another CRS,
// each checked pixel by pixel against GDAL reads or an exact per-pixel transform done here.

#include "../rasterfixtures.h"
#include "maps/raster/rasterreader.h"

#include <QRect>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace maps;
using namespace rasterfixtures;

class TestRasterReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TiffSpec m_spec;
    QString m_file;
    RasterLayerPtr m_layer;

    // A plane in map coordinates, so bilinear reads of it are exact away from the edges.
    static double plane(double x, double y) { return 0.01 * (x - 500000.0) + 0.02 * (y - 3.9e6); }

private slots:
    void initTestCase()
    {
        m_spec.width = 200;
        m_spec.height = 150;
        m_spec.blockWidth = 64;
        m_spec.blockHeight = 32;
        m_spec.noData = -1.0e9;
        m_file = m_dir.filePath("plane.tif");
        const RasterGrid g = RasterGrid::fromGeoTransform(m_spec.geoTransform.data(), m_spec.width,
                                                          m_spec.height, {});
        QVERIFY(writeTiff(m_file, m_spec, [&](int c, int r) {
            const QPointF p = g.pixelCentre(c, r);
            return (c == 50 && r == 60) ? -1.0e9 : plane(p.x(), p.y());
        }));
        auto layer = RasterLayer::open(m_file);
        QVERIFY(layer.ok());
        m_layer = *layer;
    }

    void windowPartlyOutsideTheRaster()
    {
        auto reader = RasterReader::create(m_layer);
        QVERIFY(reader.ok());
        const RasterGrid window = m_layer->grid().subGrid(-10, 40, 60, 30);
        auto buffer = reader->read(window, Interpolation::Nearest);
        QVERIFY(buffer.ok());
        for (int r = 0; r < window.height; ++r) {
            for (int c = 0; c < window.width; ++c) {
                const int sc = c - 10;
                const int sr = r + 40;
                const float v = buffer->at(c, r);
                if (sc < 0 || (sc == 50 && sr == 60)) {
                    QVERIFY(std::isnan(v));
                } else {
                    QCOMPARE(v, float(readPixel(m_file, sc, sr)));
                }
            }
        }
    }

    void coarserGridTakesTheCentrePixel()
    {
        auto reader = RasterReader::create(m_layer);
        QVERIFY(reader.ok());
        // Three source pixels per target pixel: each target centre is a source centre.
        RasterGrid coarse = m_layer->grid();
        coarse.pixelWidth *= 3;
        coarse.pixelHeight *= 3;
        coarse.width = m_spec.width / 3;
        coarse.height = m_spec.height / 3;
        auto buffer = reader->read(coarse, Interpolation::Nearest);
        QVERIFY(buffer.ok());
        for (int r = 0; r < coarse.height; ++r) {
            for (int c = 0; c < coarse.width; ++c) {
                const int sc = 3 * c + 1;
                const int sr = 3 * r + 1;
                const float v = buffer->at(c, r);
                if (sc == 50 && sr == 60) {
                    QVERIFY(std::isnan(v));
                } else {
                    QCOMPARE(v, float(readPixel(m_file, sc, sr)));
                }
            }
        }
    }

    void gridInAnotherCrsMatchesAnExactTransform()
    {
        auto reader = RasterReader::create(m_layer);
        QVERIFY(reader.ok());
        // A lon/lat grid inside the raster's extent.
        OGRSpatialReference utm;
        utm.importFromEPSG(32614);
        OGRSpatialReference wgs;
        wgs.importFromEPSG(4326);
        wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRCoordinateTransformation *toWgs = OGRCreateCoordinateTransformation(&utm, &wgs);
        OGRCoordinateTransformation *toUtm = OGRCreateCoordinateTransformation(&wgs, &utm);
        QVERIFY(toWgs && toUtm);
        double x0 = 500000.0 + 600;
        double y0 = 4000000.0 - 600;
        double x1 = 500000.0 + 5400;
        double y1 = 4000000.0 - 3900;
        toWgs->Transform(1, &x0, &y0);
        toWgs->Transform(1, &x1, &y1);
        RasterGrid grid = RasterGrid::covering(QRectF(QPointF(x0, y1), QPointF(x1, y0)),
                                               (x1 - x0) / 97, epsgWkt(4326));
        auto buffer = reader->read(grid, Interpolation::Bilinear);
        QVERIFY(buffer.ok());
        int checked = 0;
        for (int r = 0; r < grid.height; ++r) {
            for (int c = 0; c < grid.width; ++c) {
                const QPointF p = grid.pixelCentre(c, r);
                double x = p.x();
                double y = p.y();
                QVERIFY(toUtm->Transform(1, &x, &y));
                const QPointF s = m_layer->grid().mapToPixel(x, y);
                const float v = buffer->at(c, r);
                if (std::abs(s.x() - 50.5) < 2.5 && std::abs(s.y() - 60.5) < 2.5) {
                    continue; // next to the no-data pixel the plane is not sampled whole
                }
                QVERIFY2(!std::isnan(v), qPrintable(QStringLiteral("%1,%2").arg(c).arg(r)));
                // Positions come from a lattice: allow 1/20 of a pixel of plane change.
                QVERIFY2(std::abs(v - plane(x, y)) < 0.05 * 30 * 0.02,
                         qPrintable(QString::number(v - plane(x, y))));
                ++checked;
            }
        }
        QVERIFY(checked > grid.pixelCount() / 2);
        OGRCoordinateTransformation::DestroyCT(toWgs);
        OGRCoordinateTransformation::DestroyCT(toUtm);
    }

    // Windows on the raster's own pixel grid are read block by block; every block layout,
    // data type and window shape must give what a plain GDAL read of the pixels gives.
    void ownGridWindowsMatchGdal_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("blockWidth"); // 0: GDAL's default strips
        QTest::addColumn<int>("blockHeight");
        QTest::addColumn<QRect>("window");
        const QRect whole(0, 0, 200, 150);
        QTest::newRow("float tiles, whole raster") << int(GDT_Float32) << 64 << 32 << whole;
        QTest::newRow("float tiles, off-block window")
                << int(GDT_Float32) << 64 << 32 << QRect(30, 20, 150, 120);
        QTest::newRow("float tiles, window past the edges")
                << int(GDT_Float32) << 64 << 32 << QRect(-10, -5, 220, 170);
        QTest::newRow("float strips, full-width band")
                << int(GDT_Float32) << 0 << 0 << QRect(0, 20, 200, 100);
        QTest::newRow("float 16 × 16 tiles, one row of blocks")
                << int(GDT_Float32) << 16 << 16 << QRect(0, 16, 200, 16);
        QTest::newRow("int16 tiles, whole raster") << int(GDT_Int16) << 64 << 32 << whole;
        QTest::newRow("int16 strips, band") << int(GDT_Int16) << 0 << 0 << QRect(0, 7, 200, 131);
        QTest::newRow("byte tiles, off-block window")
                << int(GDT_Byte) << 32 << 32 << QRect(5, 3, 190, 140);
    }

    void ownGridWindowsMatchGdal()
    {
        QFETCH(int, type);
        QFETCH(int, blockWidth);
        QFETCH(int, blockHeight);
        QFETCH(QRect, window);
        TiffSpec spec;
        spec.width = 200;
        spec.height = 150;
        spec.type = GDALDataType(type);
        spec.blockWidth = blockWidth;
        spec.blockHeight = blockHeight;
        spec.noData = 7.0;
        const QString path =
                m_dir.filePath(QStringLiteral("own-%1.tif").arg(QTest::currentDataTag()));
        QVERIFY(writeTiff(path, spec, [](int c, int r) { return double((c * 7 + r * 13) % 250); }));
        auto layer = RasterLayer::open(path);
        QVERIFY(layer.ok());
        std::vector<float> expected(std::size_t(spec.width) * spec.height);
        GDALDataset *ds = GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER);
        QVERIFY(ds);
        const CPLErr err = ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, spec.width, spec.height,
                                                          expected.data(), spec.width, spec.height,
                                                          GDT_Float32, 0, 0, nullptr);
        GDALClose(ds);
        QCOMPARE(err, CE_None);

        auto reader = RasterReader::create(*layer);
        QVERIFY(reader.ok());
        const RasterGrid grid =
                (*layer)->grid().subGrid(window.x(), window.y(), window.width(), window.height());
        for (const auto interpolation : {Interpolation::Nearest, Interpolation::Bilinear}) {
            auto buffer = reader->read(grid, interpolation);
            QVERIFY(buffer.ok());
            for (int r = 0; r < grid.height; ++r) {
                for (int c = 0; c < grid.width; ++c) {
                    const int sc = c + window.x();
                    const int sr = r + window.y();
                    const float v = buffer->at(c, r);
                    const bool inside = sc >= 0 && sr >= 0 && sc < spec.width && sr < spec.height;
                    const float want = inside ? expected[std::size_t(sr) * spec.width + sc] : 7.0f;
                    if (want == 7.0f ? !std::isnan(v) : v != want) {
                        QFAIL(qPrintable(QStringLiteral("pixel %1,%2: %3, expected %4")
                                                 .arg(sc)
                                                 .arg(sr)
                                                 .arg(v)
                                                 .arg(want)));
                    }
                }
            }
        }
    }

    void refusesReadsOverTheLimit()
    {
        auto reader = RasterReader::create(m_layer);
        QVERIFY(reader.ok());
        auto buffer = reader->read(m_layer->grid(), Interpolation::Nearest, 1000);
        QVERIFY(!buffer.ok());
        QVERIFY(maps::errorText(buffer.error()).contains("plane.tif"));
    }
};

QTEST_APPLESS_MAIN(TestRasterReader)
#include "test_rasterreader.moc"
