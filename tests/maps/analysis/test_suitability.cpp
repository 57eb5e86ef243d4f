// SPDX-License-Identifier: GPL-3.0-or-later
// Suitability: the region raster and the point evaluation against the weighted-sum formula
// computed here pixel by pixel from GDAL reads, with exclusions, no-data, tiles on several
// threads, file output, cancel and progress, and the model's validation messages.

#include "../rasterfixtures.h"
#include "maps/analysis/suitabilitypoint.h"
#include "maps/analysis/suitabilityregion.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace maps;
using namespace rasterfixtures;

namespace {

std::vector<float> readAll(const QString &file)
{
    GDALDataset *ds = GDALDataset::Open(file.toUtf8().constData(), GDAL_OF_RASTER);
    const int w = ds->GetRasterXSize();
    const int h = ds->GetRasterYSize();
    std::vector<float> all(std::size_t(w) * h);
    if (ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, all.data(), w, h, GDT_Float32, 0, 0,
                                       nullptr)
        != CE_None) {
        all.clear();
    }
    GDALClose(ds);
    return all;
}

const int kLandClasses[] = {11, 21, 41, 82, 90};

} // namespace

class TestSuitability : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TiffSpec m_spec;
    QString m_price, m_elevation, m_land, m_flood;
    SuitabilityModel m_model;

    // The score of pixel p written out from the model's definition.
    std::optional<double> expected(std::size_t p, const std::vector<float> &price,
                                   const std::vector<float> &elev, const std::vector<float> &land,
                                   const std::vector<float> &flood, bool &excluded) const
    {
        excluded = flood[p] > 0.0f || land[p] == 11.0f;
        if (excluded) {
            return std::nullopt;
        }
        if (price[p] == -9999.0f) {
            return std::nullopt;
        }
        const double sPrice = std::clamp((price[p] - 500.0) / (50.0 - 500.0), 0.0, 1.0);
        const double sElev = std::clamp((elev[p] - 0.0) / (300.0 - 0.0), 0.0, 1.0);
        double sLand = 0.2;
        if (land[p] == 21.0f) {
            sLand = 0.8;
        } else if (land[p] == 41.0f) {
            sLand = 0.5;
        } else if (land[p] == 82.0f) {
            sLand = 1.0;
        }
        return (2.0 * sPrice + 1.0 * sElev + 1.0 * sLand) / 4.0;
    }

private slots:
    void initTestCase()
    {
        m_spec.width = 300;
        m_spec.height = 700; // several 256-row tiles
        QRandomGenerator rng(42);
        const auto cells = std::size_t(m_spec.width) * m_spec.height;
        std::vector<double> price(cells), elev(cells), land(cells), flood(cells);
        for (std::size_t i = 0; i < cells; ++i) {
            price[i] = rng.bounded(100) < 3 ? -9999.0 : rng.bounded(600.0);
            elev[i] = -20.0 + rng.bounded(350.0);
            land[i] = kLandClasses[rng.bounded(5)];
            flood[i] = rng.bounded(100) < 10 ? rng.bounded(2.0) : 0.0;
        }
        auto write = [&](const QString &name, GDALDataType type, std::optional<double> noData,
                         const std::vector<double> &v) {
            TiffSpec s = m_spec;
            s.type = type;
            s.noData = noData;
            const QString file = m_dir.filePath(name);
            const bool ok = writeTiff(
                    file, s, [&](int c, int r) { return v[std::size_t(r) * m_spec.width + c]; });
            return ok ? file : QString();
        };
        m_price = write("price.tif", GDT_Float32, -9999.0, price);
        m_elevation = write("elevation.tif", GDT_Float32, std::nullopt, elev);
        m_land = write("land.tif", GDT_Byte, std::nullopt, land);
        m_flood = write("flood.tif", GDT_Float32, std::nullopt, flood);
        QVERIFY(!m_price.isEmpty() && !m_elevation.isEmpty() && !m_land.isEmpty()
                && !m_flood.isEmpty());

        auto price_ = RasterLayer::open(m_price, LayerRole::LandPrice);
        auto elev_ = RasterLayer::open(m_elevation, LayerRole::Elevation);
        auto land_ = RasterLayer::open(m_land, LayerRole::LandCover);
        auto flood_ = RasterLayer::open(m_flood, LayerRole::FloodZones);
        QVERIFY(price_ && elev_ && land_ && flood_);
        m_model.criteria.push_back(
                SuitabilityCriterion::linear("land price", *price_, 500.0, 50.0, 2.0));
        m_model.criteria.push_back(
                SuitabilityCriterion::linear("elevation", *elev_, 0.0, 300.0, 1.0));
        m_model.criteria.push_back(SuitabilityCriterion::categorical(
                "land cover", *land_, {{21, 0.8}, {41, 0.5}, {82, 1.0}}, 0.2, 1.0));
        m_model.exclusions.push_back(SuitabilityExclusion::above("flood depth", *flood_, 0.0));
        m_model.exclusions.push_back(SuitabilityExclusion::inClasses("land cover", *land_, {11}));
    }

    void regionMatchesTheFormulaAtEveryPixel()
    {
        const RasterGrid grid = m_model.criteria[0].layer->grid();
        RasterJobControl control;
        control.threads = 4;
        std::vector<double> progress;
        control.progress = [&](double f) {
            progress.push_back(f);
        };
        auto region = SuitabilityRegion::evaluate(m_model, grid, control);
        QVERIFY2(region.ok(), qPrintable(region ? QString() : maps::errorText(region.error())));
        const auto price = readAll(m_price);
        const auto elev = readAll(m_elevation);
        const auto land = readAll(m_land);
        const auto flood = readAll(m_flood);
        int excludedCount = 0;
        int missingCount = 0;
        for (std::size_t p = 0; p < region->values.size(); ++p) {
            bool excluded = false;
            const auto want = expected(p, price, elev, land, flood, excluded);
            const float got = region->values[p];
            if (excluded) {
                QCOMPARE(got, SuitabilityModel::kExcluded);
                ++excludedCount;
            } else if (!want) {
                QVERIFY(std::isnan(got));
                ++missingCount;
            } else {
                QVERIFY2(std::abs(got - *want) < 1e-5, qPrintable(QString::number(p)));
            }
        }
        QVERIFY(excludedCount > 0 && missingCount > 0);
        QVERIFY(!progress.empty());
        QVERIFY(std::is_sorted(progress.begin(), progress.end()));
        QCOMPARE(progress.back(), 1.0);
    }

    void pointEvaluationExplainsTheSameScore()
    {
        const RasterGrid grid = m_model.criteria[0].layer->grid();
        auto region = SuitabilityRegion::evaluate(m_model, grid);
        QVERIFY(region.ok());
        auto evaluator = SuitabilityPointEvaluator::create(m_model, grid.crsWkt);
        QVERIFY(evaluator.ok());
        for (int r = 0; r < grid.height; r += 3) {
            for (int c = 0; c < grid.width; c += 2) {
                const QPointF p = grid.pixelCentre(c, r);
                const SuitabilityScore s = evaluator->evaluate(p.x(), p.y());
                const float inRegion = region->at(c, r);
                QCOMPARE(s.excluded, inRegion == SuitabilityModel::kExcluded);
                QCOMPARE(s.excluded, !s.exclusionReasons.isEmpty());
                QCOMPARE(s.score.has_value(), !std::isnan(inRegion) && !s.excluded);
                QCOMPARE(s.criteria.size(), std::size_t(3));
                if (s.score) {
                    QVERIFY(std::abs(*s.score - inRegion) < 1e-5);
                    double sum = 0;
                    for (const auto &part : s.criteria) {
                        QVERIFY(part.contribution.has_value());
                        sum += *part.contribution;
                    }
                    QVERIFY(std::abs(sum - *s.score) < 1e-12);
                    QCOMPARE(s.criteria[0].weightShare, 0.5);
                } else if (!s.excluded) {
                    QVERIFY(s.missing.join(' ').contains("land price"));
                }
                if (s.excluded) {
                    QVERIFY(s.exclusionReasons.join(' ').contains("flood depth")
                            || s.exclusionReasons.join(' ').contains("class 11"));
                }
            }
        }
    }

    void fileOutputEqualsMemory()
    {
        const RasterGrid grid = m_model.criteria[0].layer->grid().subGrid(17, 33, 250, 600);
        RasterJobControl control;
        control.threads = 3;
        auto memory = SuitabilityRegion::evaluate(m_model, grid, control);
        QVERIFY(memory.ok());
        const QString path = m_dir.filePath("suitability.tif");
        auto file = SuitabilityRegion::evaluateToFile(m_model, grid, path, control);
        QVERIFY2(file.ok(), qPrintable(file ? QString() : maps::errorText(file.error())));
        QCOMPARE((*file)->width(), 250);
        QCOMPARE((*file)->grid().originX, grid.originX);
        const auto onDisk = readAll(path);
        QCOMPARE(onDisk.size(), memory->values.size());
        for (std::size_t i = 0; i < onDisk.size(); ++i) {
            const float a = onDisk[i];
            const float b = memory->values[i];
            QVERIFY((std::isnan(a) && std::isnan(b)) || a == b);
        }
    }

    void cancelReportsCancelled()
    {
        std::atomic<bool> cancel{false};
        RasterJobControl control;
        control.threads = 2;
        control.cancel = &cancel;
        control.progress = [&](double) {
            cancel = true;
        }; // stop after the first tile
        auto region =
                SuitabilityRegion::evaluate(m_model, m_model.criteria[0].layer->grid(), control);
        QVERIFY(!region.ok());
        QCOMPARE(region.error().code, ErrorCode::Cancelled);
    }

    void validationSaysWhatToFix()
    {
        SuitabilityModel empty;
        QVERIFY(maps::errorText(empty.validate().error()).contains("no criteria"));
        SuitabilityModel zero = m_model;
        for (auto &c : zero.criteria) {
            c.weight = 0;
        }
        QVERIFY(maps::errorText(zero.validate().error()).contains("weight"));
        SuitabilityModel flat = m_model;
        flat.criteria[1].best = flat.criteria[1].worst;
        QVERIFY(maps::errorText(flat.validate().error()).contains("elevation"));
        auto region = SuitabilityRegion::evaluate(flat, m_model.criteria[0].layer->grid());
        QVERIFY(!region.ok());
        auto point = SuitabilityPointEvaluator::create(flat, {});
        QVERIFY(!point.ok());
    }

    void hugeRasterIsEvaluatedInAWindowOnly()
    {
        TiffSpec spec;
        spec.width = 50000;
        spec.height = 50000;
        spec.type = GDT_Byte;
        spec.blockWidth = 256;
        spec.blockHeight = 256;
        spec.sparse = true;
        const QString file = m_dir.filePath("huge.tif");
        QVERIFY(writeTiff(file, spec));
        auto layer = RasterLayer::open(file, LayerRole::Climate);
        QVERIFY(layer.ok());
        SuitabilityModel model;
        model.criteria.push_back(SuitabilityCriterion::linear("climate", *layer, 10.0, 0.0, 1.0));
        auto whole = SuitabilityRegion::evaluate(model, (*layer)->grid());
        QVERIFY(!whole.ok());
        QVERIFY(maps::errorText(whole.error()).contains("file"));
        auto window =
                SuitabilityRegion::evaluate(model, (*layer)->grid().subGrid(40000, 100, 512, 300));
        QVERIFY(window.ok());
        for (float v : window->values) {
            QCOMPARE(v, 1.0f); // sparse pixels are 0: the best end of 10 → 0
        }
    }
};

QTEST_APPLESS_MAIN(TestSuitability)
#include "test_suitability.moc"
