// SPDX-License-Identifier: GPL-3.0-or-later
// The grid-headroom score factor and the serving buses, on the demo's ACTIVSg2000 case:
// - the factor's value at a site is the N-1 headroom (at most the N figure; 0 when not
//   servable) of the best bus at the nearest place that has a bus at or above the factor's
//   voltage, found here by brute force over the case's buses and the location table with
//   Karney's geodesic distance, and it scores on the factor's worst-best line;
// - without a grid case the factor is not weighed and the score is the other factors' weighted
//   mean, recomputed here from the rows;
// - the serving bus at every voltage level of the case is the brute-force nearest bus at or
//   above that level;
// - a heatmap cell gives the headroom value of the point analysis at its centre, exactly.

#include "app/demoproject.h"
#include "app/gridlayer.h"
#include "app/maplayers.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "app/sitefactorvalues.h"
#include "maps/analysis/sitefactorgrid.h"
#include "planner/session/document.h"
#include "support_geodesic.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <set>

namespace {

using testsupport::geodesicKm;

struct Oracle
{
    double km = INFINITY;
    double headroomMw = NAN; // best bus at the nearest qualifying place
    double busKv = NAN;
};

// Brute force: every placed bus at or above minKv; buses at one place form one candidate, the
// one with the most N-1 headroom wins (the app's rule for a substation).
Oracle bruteForce(const app::GridLayerData &g, double lon, double lat, double minKv)
{
    Oracle best;
    const auto &buses = g.grid().buses;
    for (std::size_t b = 0; b < buses.size(); ++b) {
        const planner::PlacedGrid &at = g.placement();
        if (!at.placed[b] || !(buses[b].baseKv >= minKv))
            continue;
        const double km = geodesicKm(lon, lat, at.lon[b], at.lat[b]);
        const planner::BusHeadroom *h = g.headroomOf(int(b));
        double mw = NAN;
        if (h)
            mw = h->bindingN1.limit == planner::HeadroomLimit::NotServable
                    ? 0.0
                    : std::min(h->headroomN1Mw, h->headroomNMw);
        if (km < best.km - 1e-9) {
            best = {km, mw, buses[b].baseKv};
        } else if (std::abs(km - best.km) <= 1e-9 && mw > best.headroomMw) {
            best.headroomMw = mw;
            best.busKv = buses[b].baseKv;
        }
    }
    return best;
}

} // namespace

class TestHeadroomFactor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void factorIsTheServingBusHeadroom();
    void notWeighedWithoutAGridCase();
    void servingBusesAtEveryLevel();
    void heatmapCellsGiveThePointValue();

private:
    std::vector<std::pair<double, double>> samplePoints() const;

    planner::Document m_doc;
    std::unique_ptr<app::MapLayers> m_layers;
    std::unique_ptr<app::ScoringSettings> m_scoring;
    std::shared_ptr<const app::GridLayerData> m_grid;
};

void TestHeadroomFactor::initTestCase()
{
    app::DemoRegion region;
    QVERIFY(app::loadDemoRegion(m_doc, &region).ok());
    m_layers = std::make_unique<app::MapLayers>(&m_doc);
    m_layers->waitForLoads();
    QCOMPARE(m_layers->gridLayers().size(), std::size_t(1));
    m_grid = m_layers->gridLayers().front();
    QVERIFY(m_grid->study());
    m_scoring = std::make_unique<app::ScoringSettings>(&m_doc);
    const app::ScoringFactor *f = m_scoring->model().factor("grid_headroom");
    QVERIFY(f);
    QCOMPARE(f->minKv, 230.0);
    QVERIFY(f->weight > 0.0);
}

// The demo's sites and random places over the part of Texas the case covers.
std::vector<std::pair<double, double>> TestHeadroomFactor::samplePoints() const
{
    std::vector<std::pair<double, double>> points;
    for (const planner::Site &site : m_doc.sites())
        points.emplace_back(site.longitude, site.latitude);
    QRandomGenerator rng(14);
    for (int k = 0; k < 150; ++k)
        points.emplace_back(-103.0 + 8.0 * rng.generateDouble(), 29.0 + 4.5 * rng.generateDouble());
    return points;
}

void TestHeadroomFactor::factorIsTheServingBusHeadroom()
{
    const app::ScoringModel model = m_scoring->model();
    const app::ScoringFactor &spec = *model.factor("grid_headroom");
    app::SiteAnalyzer analyzer(*m_layers->scene(), model);
    const int k = analyzer.scoreModel().indexOf("grid_headroom");
    QVERIFY(k >= 0);
    QCOMPARE(analyzer.scoreModel().factors[std::size_t(k)].weight, spec.weight);
    int capped = 0, between = 0, beyond = 0;
    auto row = [](const app::SiteAnalysis &a, int k) {
        return a.breakdown.rows.at(k);
    };
    for (const auto &[lon, lat] : samplePoints()) {
        const app::SiteAnalysis a = analyzer.analyze(QString(), lon, lat);
        const Oracle o = bruteForce(*m_grid, lon, lat, spec.minKv);
        const planner::FactorScore &s = a.score.factors[std::size_t(k)];
        QVERIFY(s.value.has_value());
        QCOMPARE(*s.value, o.headroomMw);
        QVERIFY(a.conditions.gridHeadroom);
        QVERIFY(std::abs(a.conditions.gridHeadroom->distance->value() - o.km) < 1e-3);
        // Linear from worst (0 MW) to best, clamped; 0 past the reach (a bus farther away).
        const bool past = spec.reachKm && o.km > *spec.reachKm;
        const double expected = past
                ? 0.0
                : std::clamp((o.headroomMw - spec.worst) / (spec.best - spec.worst), 0.0, 1.0);
        QVERIFY(s.normalised.has_value());
        QVERIFY(std::abs(*s.normalised - expected) < 1e-12);
        QCOMPARE(s.beyondReach, past);
        if (past)
            QVERIFY2(row(a, k).value.startsWith("none within"), qPrintable(row(a, k).value));
        capped += expected == 1.0;
        between += expected > 0.0 && expected < 1.0;
        beyond += past;
        // The row says the figure, the bus and the case.
        const ui::FactorRow &row = a.breakdown.rows.at(k);
        QVERIFY2(row.value.contains(QString::fromStdString(a.conditions.gridHeadroom->busName)),
                 qPrintable(row.value));
        QCOMPARE(row.source, m_grid->name());
    }
    qInfo("%d places scored at the best end, %d between worst and best, %d past the reach", capped,
          between, beyond);
    // The sample exercises both parts of the line and the reach.
    QVERIFY(capped > 0 && between > 0 && beyond > 0);
}

void TestHeadroomFactor::notWeighedWithoutAGridCase()
{
    app::MapScene hidden = *m_layers->scene();
    for (app::MapScene::Entry &e : hidden.entries) {
        if (e.layer->grid)
            e.visible = false;
    }
    const app::ScoringModel model = m_scoring->model();
    app::SiteAnalyzer analyzer(hidden, model);
    const int k = analyzer.scoreModel().indexOf("grid_headroom");
    QCOMPARE(analyzer.scoreModel().factors[std::size_t(k)].weight, 0.0);
    for (const planner::Site &site : m_doc.sites()) {
        const app::SiteAnalysis a = analyzer.analyze(QString(), site.longitude, site.latitude);
        QVERIFY(!a.conditions.gridHeadroom);
        QVERIFY(a.conditions.servingBuses.empty());
        QCOMPARE(a.breakdown.rows.at(k).value, QString("no grid case"));
        QVERIFY(a.breakdown.rows.at(k).reason.contains("not weighed"));
        QVERIFY2(a.score.score.has_value(), "a project without a grid case still scores");
        // Σ w·s / Σ w over the other factors, from the spec's weights and the rows' scores.
        double sum = 0.0, weights = 0.0;
        for (int i = 0; i < model.factors.size(); ++i) {
            if (i == k)
                continue;
            const auto &f = a.score.factors[std::size_t(i)];
            QVERIFY(f.normalised.has_value());
            sum += model.factors[i].weight * *f.normalised;
            weights += model.factors[i].weight;
        }
        QVERIFY(std::abs(*a.score.score - sum / weights) < 1e-12);
    }
}

void TestHeadroomFactor::servingBusesAtEveryLevel()
{
    std::set<double> levels;
    const auto &buses = m_grid->grid().buses;
    for (std::size_t b = 0; b < buses.size(); ++b) {
        if (m_grid->placement().placed[b] && buses[b].baseKv > 0.0)
            levels.insert(buses[b].baseKv);
    }
    QVERIFY(levels.size() >= 3);
    QVERIFY(std::vector<double>(levels.begin(), levels.end()) == m_grid->voltageLevels());
    app::SiteAnalyzer analyzer(*m_layers->scene(), m_scoring->model());
    int points = 0;
    for (const auto &[lon, lat] : samplePoints()) {
        if (++points > 40)
            break;
        const auto serving = analyzer.analyze(QString(), lon, lat).conditions.servingBuses;
        QCOMPARE(serving.size(), levels.size());
        auto level = levels.begin();
        for (const planner::ServingBus &s : serving) {
            QCOMPARE(s.atOrAbove.value(), *level++);
            const Oracle o = bruteForce(*m_grid, lon, lat, s.atOrAbove.value());
            QVERIFY(s.headroom.busVoltage->value() >= s.atOrAbove.value());
            QVERIFY(std::abs(s.headroom.distance->value() - o.km) < 1e-3);
            QCOMPARE(s.headroom.n1.value(), o.headroomMw);
        }
    }
}

void TestHeadroomFactor::heatmapCellsGiveThePointValue()
{
    // A 60 x 40 grid of 5 km cells (EPSG:4326 degrees, so cell centres are exact lon/lat)
    // over central-west Texas: the factor column equals the point analysis at every centre.
    maps::RasterGrid grid;
    grid.width = 60;
    grid.height = 40;
    grid.crsWkt = "EPSG:4326";
    const double step = 0.05;
    grid.originX = -102.0;
    grid.originY = 32.5;
    grid.pixelWidth = step;
    grid.pixelHeight = -step;
    const auto grids = app::sceneGrids(*m_layers->scene());
    const app::ScoringModel model = m_scoring->model();
    maps::SiteFactorGridInputs inputs;
    app::headroomValuePoints(grids, model.factor("grid_headroom")->minKv, inputs);
    QVERIFY(!inputs.valuePoints.empty());
    maps::SiteFactorGridRequest request;
    request.nearestPointValue = true;
    auto cells = maps::SiteFactorGrid::compute(inputs, grid, request);
    QVERIFY2(cells.ok(), cells.ok() ? "" : cells.error().message.c_str());
    app::SiteAnalyzer analyzer(*m_layers->scene(), model);
    const int k = analyzer.scoreModel().indexOf("grid_headroom");
    int mismatches = 0;
    for (int r = 0; r < grid.height; ++r) {
        for (int c = 0; c < grid.width; ++c) {
            const double lon = -102.0 + (c + 0.5) * step;
            const double lat = 32.5 - (r + 0.5) * step;
            const auto point = analyzer.analyze(QString(), lon, lat).score.factors[std::size_t(k)];
            const float cell = cells->nearestPointValue[std::size_t(r) * grid.width + c];
            mismatches += !(point.value && float(*point.value) == cell);
        }
    }
    QCOMPARE(mismatches, 0);
}

QTEST_MAIN(TestHeadroomFactor)
#include "test_headroomfactor.moc"
