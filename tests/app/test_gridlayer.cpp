// SPDX-License-Identifier: GPL-3.0-or-later
// A MATPOWER case as a map layer: added with its bus-location table (or asked for one), drawn as
// one symbol per substation and straight (schematic) branches, read by the site scorer as
// substations and lines with voltages, saved with both paths relative to the project and found
// again after the project folder moves; a missing table shows as missing and can be located, a
// malformed case fails on its own layer with its line. On the bundled ACTIVSg2000 case the
// substation colours are the bins of an independently built HeadroomStudy, and the demo scores
// its sites from the substations of that grid. Distances are checked with PROJ's geodesic
// (Karney), not the app's own code.

#include "app/demoproject.h"
#include "app/grididentify.h"
#include "app/gridlayer.h"
#include "app/gridstyle.h"
#include "app/mapcontroller.h"
#include "app/maplayers.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "planner/core/grid/matpowercase.h"
#include "planner/session/document.h"
#include "planner/session/layercommands.h"
#include "planner/store/sqlitedatabase.h"
#include "support_geodesic.h"
#include "widgets/layerpanel.h"
#include "widgets/mapcanvas.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <cmath>
#include <map>
#include <set>

namespace {

// Five buses at four places: 2 and 3 (345 and 138 kV) share substation "Bravo"; 2-3 is its
// transformer. A ring 1-2, 3-4, 4-1 and a spur 4-5.
const char kTinyCase[] = R"(function mpc = tiny
mpc.version = '2';
mpc.baseMVA = 100;
mpc.bus = [
	1	3	0	0	0	0	1	1	0	345	1	1.1	0.9;
	2	1	80	0	0	0	1	1	0	345	1	1.1	0.9;
	3	1	40	0	0	0	1	1	0	138	1	1.1	0.9;
	4	1	30	0	0	0	1	1	0	138	1	1.1	0.9;
	5	1	10	0	0	0	1	1	0	69	1	1.1	0.9;
];
mpc.gen = [
	1	160	0	100	-100	1	100	1	600	0;
];
mpc.branch = [
	1	2	0	0.02	0	400	0	0	0	0	1;
	2	3	0	0.01	0	300	0	0	1	0	1;
	3	4	0	0.05	0	150	0	0	0	0	1;
	4	1	0	0.08	0	150	0	0	0	0	1;
	4	5	0	0.10	0	60	0	0	0	0	1;
];
)";

const char kTinyLocations[] = "bus,lat,lon,substation,substation_id\n"
                              "1,31.00,-97.00,Alpha,11\n"
                              "2,31.20,-97.50,Bravo,12\n"
                              "3,31.20,-97.50,Bravo,12\n"
                              "4,31.50,-98.00,Charlie,13\n"
                              "5,31.60,-98.20,Delta,14\n";

using testsupport::geodesicKm;

bool write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

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

class TestGridLayer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void caseWithItsTableLoadsAsSubstationsAndBranches();
    void scorerReadsTheGridAsSubstationsAndLines();
    void caseAloneAsksForItsTable();
    void projectMovedElsewhereFindsBothFiles();
    void missingTableShowsAsMissingAndCanBeLocated();
    void badCaseFailsOnItsLayerWithItsLine();
    void tableOfAnotherCaseIsRefused();
    void unplacedBusesAreListedNotGuessed();
    void identifyListsTheBusesOfASubstation();
    void headroomColoursMatchTheStudy();
    void loadingReportsItsProgress();
    void demoScoresFromTheGridCase();

private:
    QString tinyFolder(const QString &name, bool withTable = true);
    std::shared_ptr<const app::LoadedLayer> loadTiny(const QString &folder);
    QTemporaryDir m_dir;
};

void TestGridLayer::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

// folder/tiny.m and (optionally) folder/tiny_locations.csv.
QString TestGridLayer::tinyFolder(const QString &name, bool withTable)
{
    const QString folder = m_dir.filePath(name);
    QDir().mkpath(folder);
    if (!write(QDir(folder).filePath("tiny.m"), kTinyCase))
        return {};
    if (withTable && !write(QDir(folder).filePath("tiny_locations.csv"), kTinyLocations))
        return {};
    return folder;
}

std::shared_ptr<const app::LoadedLayer> TestGridLayer::loadTiny(const QString &folder)
{
    planner::LayerRef ref;
    ref.name = "tiny";
    ref.role = app::kGridCaseRole;
    ref.source = QDir(folder).filePath("tiny.m").toStdString();
    ref.locations = QDir(folder).filePath("tiny_locations.csv").toStdString();
    return app::loadLayer(ref, {});
}

void TestGridLayer::caseWithItsTableLoadsAsSubstationsAndBranches()
{
    const QString folder = tinyFolder("added");
    QVERIFY(!folder.isEmpty());
    planner::Document doc;
    ui::MapCanvas canvas;
    ui::LayerPanel panel;
    app::MapController map(&doc, &canvas, &panel);
    // Dropped together: the table belongs to the case, it is not a layer of its own.
    QCOMPARE(map.addLayerFiles({QDir(folder).filePath("tiny.m"),
                                QDir(folder).filePath("tiny_locations.csv")}),
             1);
    map.layers()->waitForLoads();
    const planner::LayerRef ref = doc.layers().front();
    QCOMPARE(ref.role, std::string(app::kGridCaseRole));
    QCOMPARE(QString::fromStdString(ref.locations), QDir(folder).filePath("tiny_locations.csv"));
    auto loaded = map.layers()->layer(ref.id);
    QVERIFY2(loaded->state == app::LoadedLayer::State::Ready, qPrintable(loaded->error));
    QVERIFY(loaded->grid);
    const app::GridLayerData &grid = *loaded->grid;

    // One symbol per substation; Bravo holds buses 2 and 3 and is drawn at 345 kV.
    QCOMPARE(grid.substations().size(), std::size_t(4));
    std::map<QString, const app::GridSubstation *> byName;
    for (const app::GridSubstation &s : grid.substations())
        byName[s.name] = &s;
    QVERIFY(byName.count("Bravo"));
    QCOMPARE(byName["Bravo"]->buses.size(), std::size_t(2));
    QCOMPARE(byName["Bravo"]->maxKv, 345.0);
    QCOMPARE(byName["Delta"]->maxKv, 69.0);
    QCOMPARE(grid.substationOfBus(1), grid.substationOfBus(2)); // bus indices of ids 2 and 3

    // Branches between places only: the transformer 2-3 inside Bravo is not a line.
    const maps::FeatureStore &lines = grid.branchLayer().features();
    QCOMPARE(lines.featureCount(), std::size_t(4));
    std::multiset<float> kv(lines.kv.begin(), lines.kv.end());
    QCOMPARE(kv, (std::multiset<float>{345.0F, 138.0F, 138.0F, 69.0F}));
    for (std::size_t f = 0; f < lines.featureCount(); ++f)
        QCOMPARE(lines.part(lines.featureParts[f]).size(), std::size_t(2)); // straight

    // The scene draws the branches, then the substations on top; the names say what is drawn.
    const auto scene = map.layers()->scene();
    QCOMPARE(scene->entries.size(), std::size_t(2));
    QCOMPARE(scene->entries[0].layer->vector->role(), maps::LayerRole::TransmissionLines);
    QCOMPARE(scene->entries[1].layer->vector->role(), maps::LayerRole::Substations);
    QVERIFY(scene->entries[0].vectorStyle.dashed);
    QVERIFY(QString::fromStdString(scene->entries[0].layer->ref.name).contains("schematic"));
    // The legend on the map says so too.
    bool schematic = false;
    for (const ui::LegendSection &s : canvas.legend())
        schematic |= s.note.contains("not routes");
    QVERIFY(schematic);
    // The Layers dock: one row, a grid case, its table and the summary in its tooltip.
    QTRY_COMPARE(panel.tree()->topLevelItemCount(), 1);
    QCOMPARE(panel.tree()->topLevelItem(0)->text(1), QString("grid case"));
    QVERIFY(panel.tree()->topLevelItem(0)->toolTip(0).contains("tiny_locations.csv"));
    QVERIFY(panel.tree()->topLevelItem(0)->toolTip(0).contains("not their routes"));
}

void TestGridLayer::scorerReadsTheGridAsSubstationsAndLines()
{
    auto loaded = loadTiny(tinyFolder("scored"));
    QVERIFY2(loaded->state == app::LoadedLayer::State::Ready, qPrintable(loaded->error));
    app::MapScene scene;
    for (const auto &part : loaded->parts)
        scene.entries.push_back({part, true, 1.0, {}, {}});
    const maps::SiteFactorGridInputs inputs = app::siteFactorInputs(scene);
    maps::SiteFactorCalculator calculator(inputs.vectors);
    // A point near Charlie (138 kV) and farther from Bravo (345 kV).
    const double lon = -97.95, lat = 31.45;
    const maps::SiteFactors f = calculator.at({lon, lat});
    QCOMPARE(f.substation.feature, QString("Charlie"));
    QVERIFY(std::abs(f.substation.distanceM / 1000.0 - geodesicKm(lon, lat, -98.0, 31.5)) < 1e-3);
    QCOMPARE(f.hvSubstation.feature, QString("Bravo")); // the nearest at 230 kV or more
    QVERIFY(std::abs(f.hvSubstation.distanceM / 1000.0 - geodesicKm(lon, lat, -97.5, 31.2)) < 1e-3);
    QCOMPARE(f.hvSubstation.layer, QString("tiny: substations"));
    QCOMPARE(f.line.kv, 138.0F); // Charlie-Bravo or Charlie-Alpha, both 138 kV

    // The API the site score will use: the nearest bus at or above a voltage.
    const auto bus = loaded->grid->nearestBus(lon, lat, 230.0);
    QVERIFY(bus);
    QCOMPARE(loaded->grid->grid().buses[std::size_t(bus->busIndex)].id, 2);
    QVERIFY(std::abs(bus->distanceKm - geodesicKm(lon, lat, -97.5, 31.2)) < 1e-3);
    const auto low = loaded->grid->nearestBus(lon, lat, 100.0);
    QVERIFY(low);
    QCOMPARE(loaded->grid->grid().buses[std::size_t(low->busIndex)].id, 4);
    QVERIFY(!loaded->grid->nearestBus(lon, lat, 500.0));
}

void TestGridLayer::caseAloneAsksForItsTable()
{
    const QString folder = tinyFolder("asks");
    planner::Document doc;
    ui::MapCanvas canvas;
    ui::LayerPanel panel;
    app::MapController map(&doc, &canvas, &panel);
    QSignalSpy asked(&map, &app::MapController::locationsNeeded);
    QCOMPARE(map.addLayerFiles({QDir(folder).filePath("tiny.m")}), 1);
    map.layers()->waitForLoads();
    const qint64 id = doc.layers().front().id;
    auto loaded = map.layers()->layer(id);
    QCOMPARE(loaded->state, app::LoadedLayer::State::Failed);
    QVERIFY(loaded->needsLocations);
    QCOMPARE(asked.count(), 1);
    QVERIFY(asked.at(0).at(1).toString().contains("bus-location table"));
    QTRY_COMPARE(panel.tree()->topLevelItemCount(), 1);
    QCOMPARE(panel.tree()->topLevelItem(0)->text(1), QString("no locations"));

    QVERIFY(map.setLayerLocations(id, QDir(folder).filePath("tiny_locations.csv")));
    map.layers()->waitForLoads();
    QCOMPARE(map.layers()->layer(id)->state, app::LoadedLayer::State::Ready);
    doc.undoStack()->undo(); // back to no table: it asks again
    map.layers()->waitForLoads();
    QVERIFY(map.layers()->layer(id)->needsLocations);
    QCOMPARE(asked.count(), 2);
}

void TestGridLayer::projectMovedElsewhereFindsBothFiles()
{
    const QString folder = tinyFolder("project");
    const QString project = QDir(folder).filePath("study.gpkg");
    {
        planner::Document doc;
        planner::LayerRef ref;
        ref.name = "tiny";
        ref.role = app::kGridCaseRole;
        ref.source = QDir(folder).filePath("tiny.m").toStdString();
        ref.locations = QDir(folder).filePath("tiny_locations.csv").toStdString();
        planner::commands::addLayer(doc, ref);
        QVERIFY(doc.save(project).ok());
    }
    { // Both are stored relative to the project's folder.
        auto db = planner::SqliteDatabase::open(project.toStdString(),
                                                planner::SqliteDatabase::Mode::ReadOnly);
        QVERIFY(db.ok());
        auto row = db->prepare("SELECT source, locations FROM energize_layers");
        QVERIFY(row.ok() && row->step());
        QCOMPARE(row->text(0), std::string("tiny.m"));
        QCOMPARE(row->text(1), std::string("tiny_locations.csv"));
    }
    const QString moved = m_dir.filePath("elsewhere/project-moved");
    QVERIFY(QDir().mkpath(m_dir.filePath("elsewhere")));
    QVERIFY(QDir().rename(folder, moved));

    planner::Document doc;
    QVERIFY(doc.load(QDir(moved).filePath("study.gpkg")).ok());
    const planner::LayerRef ref = doc.layers().front();
    QCOMPARE(QString::fromStdString(ref.source), QDir(moved).filePath("tiny.m"));
    QCOMPARE(QString::fromStdString(ref.locations), QDir(moved).filePath("tiny_locations.csv"));
    app::MapLayers layers(&doc);
    layers.waitForLoads();
    auto loaded = layers.layer(ref.id);
    QVERIFY2(loaded->state == app::LoadedLayer::State::Ready, qPrintable(loaded->error));
    QCOMPARE(loaded->grid->substations().size(), std::size_t(4));
}

void TestGridLayer::missingTableShowsAsMissingAndCanBeLocated()
{
    const QString folder = tinyFolder("missing");
    const QString table = QDir(folder).filePath("tiny_locations.csv");
    const QString found = QDir(folder).filePath("moved/locations.csv");
    QDir(folder).mkpath("moved");
    planner::Document doc;
    ui::MapCanvas canvas;
    ui::LayerPanel panel;
    app::MapController map(&doc, &canvas, &panel);
    QCOMPARE(map.addLayerFiles({QDir(folder).filePath("tiny.m"), table}), 1);
    map.layers()->waitForLoads();
    const qint64 id = doc.layers().front().id;
    QCOMPARE(map.layers()->layer(id)->state, app::LoadedLayer::State::Ready);

    const QString project = QDir(folder).filePath("study.gpkg");
    QVERIFY(doc.save(project).ok());
    QVERIFY(QFile::rename(table, found));
    // The project opens again with the table gone: that layer shows it, nothing else is lost.
    planner::Document reopened;
    QVERIFY(reopened.load(project).ok());
    QCOMPARE(QString::fromStdString(reopened.layer(id)->locations), table);
    app::MapLayers layers(&reopened);
    layers.waitForLoads();
    auto missing = layers.layer(id);
    QCOMPARE(missing->state, app::LoadedLayer::State::Failed);
    QVERIFY(missing->missing);
    QVERIFY(missing->locationsMissing);
    QCOMPARE(missing->lookedFor, QDir::cleanPath(table));
    QVERIFY(missing->error.contains("Bus-location table not found"));

    // Locate…: the table's new place, in one undo command; undo makes it missing again.
    QVERIFY(planner::commands::setLayerLocations(reopened, id, found.toStdString()));
    layers.waitForLoads();
    QCOMPARE(layers.layer(id)->state, app::LoadedLayer::State::Ready);
    reopened.undoStack()->undo();
    layers.waitForLoads();
    QVERIFY(layers.layer(id)->locationsMissing);
}

void TestGridLayer::badCaseFailsOnItsLayerWithItsLine()
{
    const QString folder = tinyFolder("bad");
    QByteArray bad(kTinyCase);
    bad.replace("4	1	30	0", "4	1	thirty	0"); // line 8 of the file
    QVERIFY(write(QDir(folder).filePath("bad.m"), bad));
    planner::Document doc;
    ui::MapCanvas canvas;
    ui::LayerPanel panel;
    app::MapController map(&doc, &canvas, &panel);
    const QString table = QDir(folder).filePath("tiny_locations.csv");
    QCOMPARE(map.addLayerFiles({QDir(folder).filePath("tiny.m"), table}), 1);
    QCOMPARE(map.addLayerFiles({QDir(folder).filePath("bad.m"), table}), 1);
    map.layers()->waitForLoads();
    auto good = map.layers()->layer(doc.layers()[0].id);
    auto failed = map.layers()->layer(doc.layers()[1].id);
    QCOMPARE(good->state, app::LoadedLayer::State::Ready);
    QCOMPARE(failed->state, app::LoadedLayer::State::Failed);
    QVERIFY2(failed->error.contains("bad.m line 8"), qPrintable(failed->error));
    QVERIFY(!failed->missing && !failed->needsLocations);
    QCOMPARE(map.layers()->scene()->entries.size(), std::size_t(2)); // the good layer's parts
    QTRY_COMPARE(panel.tree()->topLevelItemCount(), 2);
    QCOMPARE(panel.tree()->topLevelItem(0)->text(1), QString("failed")); // the top row
    QVERIFY(panel.tree()->topLevelItem(0)->toolTip(0).contains("line 8"));
}

void TestGridLayer::tableOfAnotherCaseIsRefused()
{
    const QString folder = tinyFolder("other");
    QVERIFY(write(QDir(folder).filePath("tiny_locations.csv"),
                  "bus,lat,lon\n101,31.0,-97.0\n102,31.2,-97.5\n"));
    auto loaded = loadTiny(folder);
    QCOMPARE(loaded->state, app::LoadedLayer::State::Failed);
    // The message names the table and says that none of its buses is in the case.
    QVERIFY2(loaded->error.startsWith("tiny_locations.csv: none of its 2"),
             qPrintable(loaded->error));
    QVERIFY(!loaded->grid);
}

void TestGridLayer::unplacedBusesAreListedNotGuessed()
{
    const QString folder = tinyFolder("unplaced");
    QByteArray table(kTinyLocations);
    table.replace("5,31.60,-98.20,Delta,14\n", "");
    QVERIFY(write(QDir(folder).filePath("tiny_locations.csv"), table));
    auto loaded = loadTiny(folder);
    QVERIFY2(loaded->state == app::LoadedLayer::State::Ready, qPrintable(loaded->error));
    const app::GridLayerData &grid = *loaded->grid;
    QCOMPARE(grid.substations().size(), std::size_t(3));
    QCOMPARE(grid.substationOfBus(4), -1);
    QCOMPARE(grid.branchLayer().featureCount(), std::size_t(3)); // 4-5 has no end to draw
    const QString notes = grid.notes().join('\n');
    QVERIFY2(notes.contains("1 of 5 buses have no row in tiny_locations.csv and are not drawn: 5"),
             qPrintable(notes));
    QVERIFY(notes.contains("1 branches are not drawn"));
}

void TestGridLayer::identifyListsTheBusesOfASubstation()
{
    const QString folder = tinyFolder("identify");
    planner::Document doc;
    ui::MapCanvas canvas;
    ui::LayerPanel panel;
    app::MapController map(&doc, &canvas, &panel);
    map.addLayerFiles(
            {QDir(folder).filePath("tiny.m"), QDir(folder).filePath("tiny_locations.csv")});
    map.layers()->waitForLoads();
    auto loaded = map.layers()->layer(doc.layers().front().id);
    QVERIFY(loaded->grid && loaded->grid->study());
    const QList<ui::IdentifiedFeature> found = map.identifyAt(-97.5, 31.2, 500.0);
    const ui::IdentifiedFeature *bravo = nullptr;
    for (const ui::IdentifiedFeature &f : found) {
        if (f.title == "Bravo")
            bravo = &f;
    }
    QVERIFY(bravo);
    QCOMPARE(bravo->layer, QString("tiny: substations"));
    // Each bus with its kV, then its N and N-1 headroom as the study gives them.
    const auto &rows = bravo->attributes;
    int buses = 0;
    for (int i = 0; i < rows.size(); ++i) {
        if (!rows[i].first.startsWith("bus "))
            continue;
        ++buses;
        const int busIndex = rows[i].first == "bus 2" ? 1 : 2;
        QCOMPARE(rows[i].second.left(6), busIndex == 1 ? QString("345 kV") : QString("138 kV"));
        QVERIFY(i + 2 < rows.size());
        QCOMPARE(rows[i + 1].first.trimmed(), QString("N headroom"));
        QCOMPARE(rows[i + 2].first.trimmed(), QString("N-1 headroom"));
        const planner::BusHeadroom h = loaded->grid->study()->headroomAt(busIndex);
        QVERIFY2(rows[i + 1].second.startsWith(app::headroomText(h.headroomNMw, h.bindingN.limit)
                                               + ", limited by "),
                 qPrintable(rows[i + 1].second));
        QVERIFY2(rows[i + 2].second.startsWith(
                         app::headroomText(h.headroomN1Mw, h.bindingN1.limit) + ", limited by "
                         + app::bindingText(*loaded->grid->study(), h.bindingN1)),
                 qPrintable(rows[i + 2].second));
    }
    QCOMPARE(buses, 2);
}

void TestGridLayer::headroomColoursMatchTheStudy()
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

void TestGridLayer::loadingReportsItsProgress()
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

void TestGridLayer::demoScoresFromTheGridCase()
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

QTEST_MAIN(TestGridLayer)
#include "test_gridlayer.moc"
