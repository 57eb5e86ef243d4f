// SPDX-License-Identifier: GPL-3.0-or-later
// A MATPOWER case as a map layer: added with its bus-location table (or asked for one), drawn as
// one symbol per substation and straight (schematic) branches, read by the site scorer as
// substations and lines with voltages, saved with both paths relative to the project and found
// again after the project folder moves; a missing table shows as missing and can be located, a
// malformed case fails on its own layer with its line. Distances are checked with PROJ's
// geodesic (Karney), not the app's own code. The bundled ACTIVSg2000 case has test_griddemo.cpp.

#include "app/grididentify.h"
#include "app/gridlayer.h"
#include "app/mapcontroller.h"
#include "app/maplayers.h"
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

QTEST_MAIN(TestGridLayer)
#include "test_gridlayer.moc"
