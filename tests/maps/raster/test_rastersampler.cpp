// SPDX-License-Identifier: GPL-3.0-or-later
// RasterSampler and BlockCache: point samples against values read straight through GDAL and a
// bilinear interpolation computed here; no-data and NaN; cache reuse; queries in another CRS.

#include "../rasterfixtures.h"
#include "maps/raster/rastersampler.h"
#include "tests/support/shareddata.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace maps;
using namespace rasterfixtures;

namespace {

double field(int c, int r)
{
    return 100.0 + 3.0 * c - 2.0 * r + 0.5 * ((c * 7 + r * 13) % 11);
}

} // namespace

class TestRasterSampler : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TiffSpec m_spec;
    QString m_file;
    RasterLayerPtr m_layer;

private slots:
    void initTestCase()
    {
        m_spec.blockWidth = 16;
        m_spec.blockHeight = 16;
        m_spec.width = 70; // not a multiple of the block size: partial edge blocks
        m_spec.height = 50;
        m_file = m_dir.filePath("field.tif");
        QVERIFY(writeTiff(m_file, m_spec, field));
        auto layer = RasterLayer::open(m_file);
        QVERIFY(layer.ok());
        m_layer = *layer;
    }

    void nearestMatchesGdalEverywhere()
    {
        auto sampler = RasterSampler::create(m_layer);
        QVERIFY(sampler.ok());
        QRandomGenerator rng(7);
        const RasterGrid &g = m_layer->grid();
        for (int r = 0; r < m_spec.height; ++r) {
            for (int c = 0; c < m_spec.width; ++c) {
                // Anywhere inside the pixel, not only at its centre.
                const QPointF p = g.pixelToMap(c + rng.generateDouble(), r + rng.generateDouble());
                const auto v = sampler->sample(p.x(), p.y(), Interpolation::Nearest);
                QVERIFY(v.has_value());
                QCOMPARE(*v, readPixel(m_file, c, r));
            }
        }
    }

    void bilinearMatchesTheFormula()
    {
        auto sampler = RasterSampler::create(m_layer);
        QVERIFY(sampler.ok());
        QRandomGenerator rng(11);
        const RasterGrid &g = m_layer->grid();
        for (int i = 0; i < 500; ++i) {
            // Stay half a pixel inside so all four neighbours exist.
            const double px = 0.5 + rng.generateDouble() * (m_spec.width - 1);
            const double py = 0.5 + rng.generateDouble() * (m_spec.height - 1);
            const int c0 = int(std::floor(px - 0.5));
            const int r0 = int(std::floor(py - 0.5));
            const double tx = px - 0.5 - c0;
            const double ty = py - 0.5 - r0;
            auto f = [](int c, int r) {
                return double(float(field(c, r)));
            };
            const double expected = f(c0, r0) * (1 - tx) * (1 - ty) + f(c0 + 1, r0) * tx * (1 - ty)
                    + f(c0, r0 + 1) * (1 - tx) * ty + f(c0 + 1, r0 + 1) * tx * ty;
            const QPointF p = g.pixelToMap(px, py);
            const auto v = sampler->sample(p.x(), p.y(), Interpolation::Bilinear);
            QVERIFY(v.has_value());
            QVERIFY2(std::abs(*v - expected) < 1e-6, qPrintable(QString::number(*v - expected)));
        }
    }

    void outsideHasNoValue()
    {
        auto sampler = RasterSampler::create(m_layer);
        QVERIFY(sampler.ok());
        const QPointF left = m_layer->grid().pixelToMap(-0.5, 10);
        const QPointF below = m_layer->grid().pixelToMap(10, m_spec.height + 0.1);
        QVERIFY(!sampler->sample(left.x(), left.y()).has_value());
        QVERIFY(!sampler->sample(below.x(), below.y()).has_value());
    }

    void noDataAndNanHaveNoValue_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<double>("noData");
        QTest::addRow("int16 -32768") << int(GDT_Int16) << -32768.0;
        QTest::addRow("float32 -9999") << int(GDT_Float32) << -9999.0;
        QTest::addRow("float32 NaN") << int(GDT_Float32) << std::nan("");
    }
    void noDataAndNanHaveNoValue()
    {
        QFETCH(int, type);
        QFETCH(double, noData);
        TiffSpec spec;
        spec.width = 20;
        spec.height = 20;
        spec.type = GDALDataType(type);
        spec.noData = noData;
        // No value on the diagonal band |c - r| <= 1, a value elsewhere.
        const QString file =
                m_dir.filePath(QStringLiteral("holes%1.tif").arg(QTest::currentDataTag()));
        QVERIFY(writeTiff(file, spec, [&](int c, int r) {
            return std::abs(c - r) <= 1 ? noData : double(c + r);
        }));
        auto layer = RasterLayer::open(file);
        QVERIFY(layer.ok());
        auto sampler = RasterSampler::create(*layer);
        QVERIFY(sampler.ok());
        const RasterGrid &g = (*layer)->grid();
        for (int r = 0; r < spec.height; ++r) {
            for (int c = 0; c < spec.width; ++c) {
                const QPointF p = g.pixelCentre(c, r);
                const auto nearest = sampler->sample(p.x(), p.y(), Interpolation::Nearest);
                const auto bilinear = sampler->sample(p.x(), p.y(), Interpolation::Bilinear);
                QCOMPARE(nearest.has_value(), std::abs(c - r) > 1);
                QCOMPARE(bilinear.has_value(), std::abs(c - r) > 1);
                if (nearest) {
                    QCOMPARE(*nearest, double(c + r));
                }
            }
        }
        // Between a valued pixel and a hole, bilinear uses only the valued neighbours.
        const QPointF edge = g.pixelToMap(5.5 + 0.5, 2.5 + 0.5); // between (5,2),(6,2),(5,3),(6,3)
        const auto v = sampler->sample(edge.x(), edge.y(), Interpolation::Bilinear);
        QVERIFY(v.has_value());
        QCOMPARE(*v, (7.0 + 8.0 + 9.0) / 3.0); // (5,2)=7, (6,2)=8, (6,3)=9; (5,3) is no-data
    }

    void allNanRasterHasNoValueAnywhere()
    {
        TiffSpec spec;
        spec.noData = std::nan("");
        const QString file = m_dir.filePath("allnan.tif");
        QVERIFY(writeTiff(file, spec, [](int, int) { return std::nan(""); }));
        auto layer = RasterLayer::open(file);
        QVERIFY(layer.ok());
        auto sampler = RasterSampler::create(*layer);
        QVERIFY(sampler.ok());
        for (int r = 0; r < spec.height; r += 3) {
            for (int c = 0; c < spec.width; c += 3) {
                const QPointF p = (*layer)->grid().pixelCentre(c, r);
                QVERIFY(!sampler->sample(p.x(), p.y()).has_value());
            }
        }
        QVERIFY(sampler->lastError().isEmpty()); // no value is not an error
    }

    void cacheReadsEachBlockOnceWhileItFits()
    {
        auto sampler = RasterSampler::create(m_layer);
        QVERIFY(sampler.ok());
        const RasterGrid &g = m_layer->grid();
        const int blocksX = (m_spec.width + 15) / 16;
        const int blocksY = (m_spec.height + 15) / 16;
        for (int pass = 0; pass < 3; ++pass) {
            for (int r = 0; r < m_spec.height; ++r) {
                for (int c = 0; c < m_spec.width; ++c) {
                    const QPointF p = g.pixelCentre(c, r);
                    sampler->sample(p.x(), p.y(), Interpolation::Nearest);
                }
            }
            QCOMPARE(sampler->cache().blocksRead(), std::size_t(blocksX * blocksY));
        }
    }

    void smallCacheEvictsButStaysCorrect()
    {
        // Room for the minimum of four 16 × 16 blocks.
        auto sampler = RasterSampler::create(m_layer, {}, 1);
        QVERIFY(sampler.ok());
        QRandomGenerator rng(3);
        for (int i = 0; i < 2000; ++i) {
            const int c = rng.bounded(m_spec.width);
            const int r = rng.bounded(m_spec.height);
            QCOMPARE(sampler->pixel(c, r), float(field(c, r)));
            QVERIFY(sampler->cache().blocksCached() <= 4);
        }
    }

    void samplesInTheQueryCrs()
    {
        // The raster is UTM 14N; query in WGS84 lon/lat and compare with a transform done here.
        auto sampler = RasterSampler::create(m_layer, epsgWkt(4326));
        QVERIFY(sampler.ok());
        OGRSpatialReference utm;
        utm.importFromEPSG(32614);
        OGRSpatialReference wgs;
        wgs.importFromEPSG(4326);
        wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRCoordinateTransformation *toWgs = OGRCreateCoordinateTransformation(&utm, &wgs);
        QVERIFY(toWgs);
        for (int r = 2; r < m_spec.height; r += 9) {
            for (int c = 3; c < m_spec.width; c += 11) {
                const QPointF centre = m_layer->grid().pixelCentre(c, r);
                double x = centre.x();
                double y = centre.y();
                QVERIFY(toWgs->Transform(1, &x, &y));
                QVERIFY(x < -90 && x > -102 && y > 30 && y < 40); // Texas, lon/lat order
                const auto v = sampler->sample(x, y, Interpolation::Nearest);
                QVERIFY(v.has_value());
                QCOMPARE(*v, readPixel(m_file, c, r));
            }
        }
        OGRCoordinateTransformation::DestroyCT(toWgs);
    }

    void samplesRealDemAtEveryPixel()
    {
        const QString file = sharedData("dem-austria-switzerland-30s/ch.tif");
        if (!QFile::exists(file)) {
            MISSING_SHARED_DATA(file.toStdString() + " not found");
        }
        auto layer = RasterLayer::open(file, LayerRole::Elevation);
        QVERIFY(layer.ok());
        auto sampler = RasterSampler::create(*layer);
        QVERIFY(sampler.ok());
        GDALDataset *ds = GDALDataset::Open(file.toUtf8().constData(), GDAL_OF_RASTER);
        QVERIFY(ds);
        const int w = ds->GetRasterXSize();
        const int h = ds->GetRasterYSize();
        std::vector<float> all(std::size_t(w) * h);
        QCOMPARE(ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, all.data(), w, h, GDT_Float32,
                                                0, 0, nullptr),
                 CE_None);
        GDALClose(ds);
        int valued = 0;
        for (int r = 0; r < h; ++r) {
            for (int c = 0; c < w; ++c) {
                const QPointF p = (*layer)->grid().pixelCentre(c, r);
                const auto v = sampler->sample(p.x(), p.y(), Interpolation::Nearest);
                const float expected = all[std::size_t(r) * w + c];
                QCOMPARE(v.has_value(), !std::isnan(expected));
                if (v) {
                    QCOMPARE(float(*v), expected);
                    ++valued;
                }
            }
        }
        QVERIFY(valued > 0 && valued < w * h); // Switzerland inside, NaN outside its border
    }
};

QTEST_APPLESS_MAIN(TestRasterSampler)
#include "test_rastersampler.moc"
