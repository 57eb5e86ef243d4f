// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled ACTIVSg2000 case as a map layer: its substation colours are the bins of an
// independently built HeadroomStudy, loading it reports the study's progress, and the demo
// scores its sites from the substations of that grid. Distances are checked with PROJ's
// geodesic (Karney), not the app's own code. The small hand-made case has test_gridlayer.cpp.

#include "app/demoproject.h"
#include "app/gridlayer.h"
#include "app/gridstyle.h"
#include "app/maplayers.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "planner/core/grid/matpowercase.h"
#include "planner/session/document.h"
#include "planner/session/layercommands.h"
#include "support_geodesic.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <map>

namespace {

using testsupport::geodesicKm;

QString demoFile(const char *name)
{
    return QString(ENERGIZE_SOURCE_DIR) + "/maps/data/" + name;
}

// The test's own bins, from the issue: <50, 50-200, 200-500, 500-1000, >=1000 MW, not servable.
app::HeadroomBin expectedBin(const planner::BusHeadroom &h)
{
    if (h.bindingN1.limit == planner::HeadroomLimit::NotServable)
        return app::HeadroomBin::NotServable;
    const double mw = h.headroomN1Mw;
    return mw < 50      ? app::HeadroomBin::Below50
            : mw < 200  ? app::HeadroomBin::From50To200
            : mw < 500  ? app::HeadroomBin::From200To500
            : mw < 1000 ? app::HeadroomBin::From500To1000
                        : app::HeadroomBin::From1000;
}

} // namespace

class TestGridDemo : public QObject
{
    Q_OBJECT
private slots:
    void headroomColoursMatchTheStudy();
    void loadingReportsItsProgress();
    void demoScoresFromTheGridCase();
};

void TestGridDemo::headroomColoursMatchTheStudy()
{
    planner::LayerRef ref;
    ref.name = "ACTIVSg2000";
    ref.role = app::kGridCaseRole;
    ref.source = demoFile("case_ACTIVSg2000.m").toStdString();
    ref.locations = demoFile("case_ACTIVSg2000_bus_locations.csv").toStdString();
    auto loaded = app::loadLayer(ref, {});
    QVERIFY2(loaded->state == app::LoadedLayer::State::Ready, qPrintable(loaded->error));
    const app::GridLayerData &grid = *loaded->grid;
    QVERIFY2(grid.study(), qPrintable(grid.headroomError()));
    QCOMPARE(grid.grid().buses.size(), std::size_t(2000));
    QCOMPARE(grid.substations().size(), std::size_t(1250)); // as sub.csv's Texas set
    QVERIFY(grid.placement().unplacedBusIds.empty());

    // An independent study of the same file.
    auto grid2 = planner::readMatpowerCase(ref.source);
    QVERIFY(grid2.ok());
    auto study = planner::HeadroomStudy::build(*grid2);
    QVERIFY(study.ok());
    const auto bins = grid.substationBins();
    QVERIFY(bins && bins->size() == grid.substations().size());
    const maps::LayerStyle style =
            app::gridPartStyle(grid, maps::LayerRole::Substations, maps::defaultStyle({}));
    int checked = 0;
    for (std::size_t s = 0; s < grid.substations().size() && checked < 12; s += 97) {
        const app::GridSubstation &sub = grid.substations()[s];
        std::optional<planner::BusHeadroom> best;
        for (int bus : sub.buses) {
            if (grid2->buses[std::size_t(bus)].baseKv < 115.0)
                continue;
            const planner::BusHeadroom h = study->headroomAt(bus);
            const double mw = h.bindingN1.limit == planner::HeadroomLimit::NotServable
                    ? -1.0
                    : h.headroomN1Mw;
            const double bestMw = !best ? -2.0
                    : best->bindingN1.limit == planner::HeadroomLimit::NotServable
                    ? -1.0
                    : best->headroomN1Mw;
            if (mw > bestMw)
                best = h;
        }
        const app::HeadroomBin expected = best ? expectedBin(*best) : app::HeadroomBin::NotStudied;
        QCOMPARE(int((*bins)[s]), int(expected));
        QCOMPARE(style.classes.colours[(*bins)[s]], app::headroomBinColour(expected));
        if (best)
            QCOMPARE(grid.substationLayer().features().value[s], float(best->headroomN1Mw));
        ++checked;
    }
    QCOMPARE(checked, 12);
}

void TestGridDemo::loadingReportsItsProgress()
{
    planner::Document doc;
    planner::LayerRef ref;
    ref.name = "ACTIVSg2000";
    ref.role = app::kGridCaseRole;
    ref.source = demoFile("case_ACTIVSg2000.m").toStdString();
    ref.locations = demoFile("case_ACTIVSg2000_bus_locations.csv").toStdString();
    app::MapLayers layers(&doc);
    QStringList seen;
    connect(&layers, &app::MapLayers::layerStateChanged, this, [&](qint64 id) {
        if (!layers.loadProgress(id).isEmpty())
            seen << layers.loadProgress(id);
    });
    planner::commands::addLayer(doc, ref);
    layers.waitForLoads();
    QVERIFY2(!seen.isEmpty(), "no progress while the headroom study ran");
    QVERIFY2(seen.last().contains("N-1 headroom of every bus") || seen.last().contains("N-1"),
             qPrintable(seen.join(" | ")));
    QVERIFY(seen.last().endsWith("%)"));
    QVERIFY(layers.loadProgress(doc.layers().front().id).isEmpty()); // done: nothing to say
}

void TestGridDemo::demoScoresFromTheGridCase()
{
    planner::Document doc;
    app::DemoRegion region;
    QVERIFY(app::loadDemoRegion(doc, &region).ok());
    QVERIFY(region.attribution.contains("ACTIVSg2000"));
    QVERIFY(region.attribution.contains("CC BY 4.0"));
    QVERIFY(region.attribution.contains("SYNTHETIC"));
    for (const planner::LayerRef &ref : doc.layers()) { // the home-made grid is gone
        QVERIFY(ref.name != "synthetic_substations");
        QVERIFY(ref.name != "synthetic_transmission_lines");
    }
    app::MapLayers layers(&doc);
    layers.waitForLoads();
    QCOMPARE(layers.gridLayers().size(), std::size_t(1));
    const auto grid = layers.gridLayers().front();
    QVERIFY(grid->study());

    // The substations at or above 230 kV, from the CSV and the case: the oracle.
    auto grid2 = planner::readMatpowerCase(demoFile("case_ACTIVSg2000.m").toStdString());
    QVERIFY(grid2.ok());
    std::map<int, double> kvOf;
    for (const planner::GridBus &b : grid2->buses)
        kvOf[b.id] = b.baseKv;
    QFile csv(demoFile("case_ACTIVSg2000_bus_locations.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    csv.readLine();
    struct Place
    {
        QString name;
        double lon, lat, kv = 0;
    };
    std::map<QString, Place> subs;
    while (!csv.atEnd()) {
        const QStringList f = QString::fromUtf8(csv.readLine()).trimmed().split(',');
        Place &p = subs[f[4]];
        p = {f[3], f[2].toDouble(), f[1].toDouble(), std::max(p.kv, kvOf[f[0].toInt()])};
    }

    app::ScoringSettings scoring(&doc);
    app::SiteAnalyzer analyzer(*layers.scene(), scoring.model());
    for (const planner::Site &site : doc.sites()) {
        const app::SiteAnalysis a =
                analyzer.analyze(QString::fromStdString(site.name), site.longitude, site.latitude);
        const maps::NearestFeature &hv = a.factors.hvSubstation;
        QCOMPARE(hv.layer, QString("synthetic_grid_ACTIVSg2000: substations"));
        double nearest = INFINITY;
        QString name;
        for (const auto &[id, p] : subs) {
            if (p.kv < 230.0)
                continue;
            const double km = geodesicKm(site.longitude, site.latitude, p.lon, p.lat);
            if (km < nearest) {
                nearest = km;
                name = p.name;
            }
        }
        QCOMPARE(hv.feature, name);
        QVERIFY2(std::abs(hv.distanceM / 1000.0 - nearest) < 1e-3,
                 qPrintable(QString("%1: %2 km vs %3 km")
                                    .arg(QString::fromStdString(site.name))
                                    .arg(hv.distanceM / 1000.0)
                                    .arg(nearest)));
        QVERIFY2(nearest < 6.0,
                 qPrintable(QString::fromStdString(site.name) + " is far from "
                            + name)); // the demo's sites are near one
        QVERIFY(a.breakdown.score.has_value());
        const auto bus = grid->nearestBus(site.longitude, site.latitude, 230.0);
        QVERIFY(bus);
        QVERIFY(std::abs(bus->distanceKm - nearest) < 1e-3);
        QVERIFY(grid->headroomOf(bus->busIndex));
        // The plan sees the same bus: its site conditions carry that bus's headroom, at the
        // distance PROJ gives (the wiring; the figures are checked by brute force elsewhere).
        QVERIFY(a.conditions.gridHeadroom.has_value());
        const planner::GridHeadroom &h = *a.conditions.gridHeadroom;
        QCOMPARE(*h.busId, grid->grid().buses[std::size_t(bus->busIndex)].id);
        QVERIFY(h.busVoltage && h.busVoltage->value() >= 230.0);
        QVERIFY(std::abs(h.distance->value() - nearest) < 1e-3);
        QCOMPARE(h.n1.value(), grid->headroomOf(bus->busIndex)->headroomN1Mw);
        QCOMPARE(h.n.value(), grid->headroomOf(bus->busIndex)->headroomNMw);
        QVERIFY(!h.bindingN1.empty());
        QVERIFY(h.busName.find("(bus") == std::string::npos); // the name alone
        // The Site Score dock's line names the same bus and the binding element.
        QVERIFY2(a.breakdown.gridHeadroom.contains(QString::fromStdString(h.busName)),
                 qPrintable(a.breakdown.gridHeadroom));
        QVERIFY(a.breakdown.gridHeadroomDetail.contains(QString::fromStdString(h.bindingN1)));
    }
}

QTEST_MAIN(TestGridDemo)
#include "test_griddemo.moc"
