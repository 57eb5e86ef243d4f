// SPDX-License-Identifier: GPL-3.0-or-later
// Layer references in a project: the undo facade, drawing order, and the energize_layers table.

#include "planner/session/document.h"
#include "planner/session/layercommands.h"
#include "planner/store/projectfile.h"
#include "planner/store/projectschema.h"
#include "planner/store/sqlitedatabase.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace planner;

class TestLayerRefs : public QObject
{
    Q_OBJECT
private slots:
    void addReorderUpdateRemoveWithUndo();
    void invalidChangesPushNothing();
    void layersSurviveSaveAndLoad();
    void gridCaseLocationsAreOneUndoableCommand();
    void schema4FileOpensWithNoLocations();
    void fieldChoicesAreUndoableAndSurviveSaveAndLoad();
    void schema5FileOpensWithGuessedFields();
};

static LayerRef ref(const std::string &source, const std::string &layerName = {})
{
    LayerRef layer;
    layer.source = source;
    layer.layerName = layerName;
    return layer;
}

static std::vector<std::string> names(const Document &doc)
{
    std::vector<std::string> out;
    for (const LayerRef &l : doc.layers())
        out.push_back(l.name);
    return out;
}

void TestLayerRefs::addReorderUpdateRemoveWithUndo()
{
    Document doc;
    const auto dem = commands::addLayer(doc, ref("dem.tif"));
    const auto lines = commands::addLayer(doc, ref("grid.gpkg", "lines"));
    const auto subs = commands::addLayer(doc, ref("grid.gpkg", "substations"));
    QCOMPARE(names(doc), (std::vector<std::string>{"dem.tif", "lines", "substations"}));

    QSignalSpy moved(&doc, &Document::layerMoved);
    QVERIFY(commands::moveLayer(doc, subs, 0));
    QCOMPARE(moved.count(), 1);
    QCOMPARE(names(doc), (std::vector<std::string>{"substations", "dem.tif", "lines"}));
    LayerRef changed = *doc.layer(lines);
    changed.visible = false;
    changed.opacity = 0.4;
    changed.role = "transmission_lines";
    QVERIFY(commands::updateLayer(doc, changed));
    QCOMPARE(doc.layer(lines)->opacity, 0.4);
    QVERIFY(commands::removeLayer(doc, dem));
    QCOMPARE(doc.layers().size(), std::size_t(2));
    QCOMPARE(doc.undoStack()->count(), 6);

    doc.undoStack()->undo(); // remove
    QCOMPARE(names(doc), (std::vector<std::string>{"substations", "dem.tif", "lines"}));
    doc.undoStack()->undo(); // update
    QVERIFY(doc.layer(lines)->visible);
    QCOMPARE(doc.layer(lines)->opacity, 1.0);
    doc.undoStack()->undo(); // move
    QCOMPARE(names(doc), (std::vector<std::string>{"dem.tif", "lines", "substations"}));
}

void TestLayerRefs::invalidChangesPushNothing()
{
    Document doc;
    QCOMPARE(commands::addLayer(doc, ref("")), std::int64_t(0));
    const auto id = commands::addLayer(doc, ref("a.shp"));
    LayerRef bad = *doc.layer(id);
    bad.opacity = std::numeric_limits<double>::quiet_NaN();
    QVERIFY(!commands::updateLayer(doc, bad));
    bad.opacity = 1.5;
    QVERIFY(!commands::updateLayer(doc, bad));
    bad = *doc.layer(id);
    bad.source = "elsewhere.shp";
    QVERIFY(!commands::updateLayer(doc, bad));
    bad = *doc.layer(id);
    bad.locations = "buses.csv"; // only through setLayerLocations
    QVERIFY(!commands::updateLayer(doc, bad));
    QVERIFY(!commands::setLayerLocations(doc, id, ""));
    QVERIFY(!commands::setLayerLocations(doc, id + 7, "buses.csv"));
    QVERIFY(!commands::updateLayer(doc, *doc.layer(id))); // unchanged
    QVERIFY(!commands::moveLayer(doc, id, 1));
    QVERIFY(!commands::removeLayer(doc, id + 7));
    QCOMPARE(doc.undoStack()->count(), 1);
}

void TestLayerRefs::layersSurviveSaveAndLoad()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("layers.gpkg");
    Document doc;
    commands::addLayer(doc, ref("/data/dem.tif"));
    LayerRef lines = ref("/data/grid.gpkg", "lines");
    lines.role = "transmission_lines";
    lines.style = R"({"colour_by":"voltage"})";
    lines.crs = "EPSG:32614";
    const auto id = commands::addLayer(doc, lines);
    LayerRef hidden = *doc.layer(id);
    hidden.visible = false;
    hidden.opacity = 0.25;
    QVERIFY(commands::updateLayer(doc, hidden));
    QVERIFY(commands::moveLayer(doc, id, 0));
    LayerRef grid = ref("/data/case.m");
    grid.role = "grid case";
    grid.locations = "/data/buses.csv";
    commands::addLayer(doc, grid);
    QVERIFY2(doc.save(path).ok(), "save failed");

    Document reopened;
    QVERIFY2(reopened.load(path).ok(), "load failed");
    QCOMPARE(reopened.layers(), doc.layers());
    QVERIFY(commands::addLayer(reopened, ref("x.tif")) > id);
}

void TestLayerRefs::gridCaseLocationsAreOneUndoableCommand()
{
    Document doc;
    LayerRef grid = ref("/data/case.m");
    grid.role = "grid case";
    const auto id = commands::addLayer(doc, grid);
    QVERIFY(commands::setLayerLocations(doc, id, "/data/buses.csv"));
    QCOMPARE(doc.layer(id)->locations, std::string("/data/buses.csv"));
    QVERIFY(!commands::setLayerLocations(doc, id, "/data/buses.csv")); // unchanged
    QVERIFY(commands::setLayerLocations(doc, id, "/moved/buses.csv"));
    QCOMPARE(doc.undoStack()->count(), 3);
    doc.undoStack()->undo();
    QCOMPARE(doc.layer(id)->locations, std::string("/data/buses.csv"));
    doc.undoStack()->undo();
    QVERIFY(doc.layer(id)->locations.empty());
}

void TestLayerRefs::schema4FileOpensWithNoLocations()
{
    // A schema 4 file is today's file without energize_layers.locations.
    QTemporaryDir dir;
    const QString path = dir.filePath("schema4.gpkg");
    Document doc;
    commands::addLayer(doc, ::ref(dir.filePath("dem.tif").toStdString()));
    QVERIFY(doc.save(path).ok());
    {
        auto db = SqliteDatabase::open(path.toStdString(), SqliteDatabase::Mode::ReadWrite);
        QVERIFY(db.ok());
        QVERIFY(db->execute("ALTER TABLE energize_layers DROP COLUMN locations; "
                            "DROP TABLE energize_layer_fields; DELETE FROM gpkg_contents WHERE "
                            "table_name = 'energize_layer_fields'; UPDATE "
                            "energize_meta SET value = '4' WHERE key = 'schema_version';")
                        .ok());
    }
    Document reopened;
    QVERIFY(reopened.load(path).ok());
    QCOMPARE(reopened.layers().size(), std::size_t(1));
    QVERIFY(reopened.layers().front().locations.empty());
    QCOMPARE(reopened.layers().front().source, doc.layers().front().source);
    QCOMPARE(readProjectFile(path.toStdString())->schemaVersion, 4); // opening changes nothing
    // Saved again, it is today's schema.
    QVERIFY(reopened.save(path).ok());
    QCOMPARE(readProjectFile(path.toStdString())->schemaVersion, kProjectSchemaVersion);
}

void TestLayerRefs::fieldChoicesAreUndoableAndSurviveSaveAndLoad()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("fields.gpkg");
    Document doc;
    const auto lines = commands::addLayer(doc, ref("/data/lines.shp"));
    const auto subs = commands::addLayer(doc, ref("/data/subs.csv"));
    const std::map<std::string, std::string> chosen{
            {"voltage", "Voltage (kV)"}, {"name", ""}, {"voltage_unit", "V"}};
    QVERIFY(commands::setLayerFields(doc, lines, chosen));
    QVERIFY(!commands::setLayerFields(doc, lines, chosen)); // unchanged
    QVERIFY(!commands::setLayerFields(doc, lines + 99, chosen)); // no such layer
    QCOMPARE(doc.layer(lines)->fields, chosen);
    QVERIFY(doc.layer(subs)->fields.empty());
    doc.undoStack()->undo();
    QVERIFY(doc.layer(lines)->fields.empty());
    doc.undoStack()->redo();
    QCOMPARE(doc.layer(lines)->fields, chosen);

    QVERIFY2(doc.save(path).ok(), "save failed");
    Document reopened;
    QVERIFY2(reopened.load(path).ok(), "load failed");
    QCOMPARE(reopened.layer(lines)->fields, chosen);
    QVERIFY(reopened.layer(subs)->fields.empty());
    // A GIS user sees the choices as a plain table.
    auto db = SqliteDatabase::open(path.toStdString(), SqliteDatabase::Mode::ReadOnly);
    QVERIFY(db.ok());
    QCOMPARE(*db->queryInteger("SELECT COUNT(*) FROM energize_layer_fields WHERE layer_id = "
                               + std::to_string(lines)),
             std::int64_t(3));
}

void TestLayerRefs::schema5FileOpensWithGuessedFields()
{
    // A schema 5 file is today's file without energize_layer_fields.
    QTemporaryDir dir;
    const QString path = dir.filePath("schema5.gpkg");
    Document doc;
    commands::addLayer(doc, ::ref(dir.filePath("lines.gpkg").toStdString()));
    QVERIFY(doc.save(path).ok());
    {
        auto db = SqliteDatabase::open(path.toStdString(), SqliteDatabase::Mode::ReadWrite);
        QVERIFY(db.ok());
        QVERIFY(db->execute("DROP TABLE energize_layer_fields; DELETE FROM gpkg_contents WHERE "
                            "table_name = 'energize_layer_fields'; UPDATE energize_meta SET "
                            "value = '5' WHERE key = 'schema_version';")
                        .ok());
    }
    Document reopened;
    QVERIFY(reopened.load(path).ok());
    QCOMPARE(reopened.layers().size(), std::size_t(1));
    QVERIFY(reopened.layers().front().fields.empty());
    QCOMPARE(readProjectFile(path.toStdString())->schemaVersion, 5);
    LayerRef chosen = reopened.layers().front();
    chosen.fields["voltage"] = "kv";
    QVERIFY(commands::updateLayer(reopened, chosen));
    QVERIFY(reopened.save(path).ok());
    QCOMPARE(readProjectFile(path.toStdString())->schemaVersion, kProjectSchemaVersion);
    Document again;
    QVERIFY(again.load(path).ok());
    QCOMPARE(again.layers().front().fields.at("voltage"), std::string("kv"));
}

QTEST_GUILESS_MAIN(TestLayerRefs)
#include "test_layerrefs.moc"
