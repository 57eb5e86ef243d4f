// SPDX-License-Identifier: GPL-3.0-or-later
// The project's score settings (weights, reaches, market): saved in the project file (table
// energize_scoring), opened from an older schema as the bundled defaults, changed only through
// undo commands, and bad values refused by the commands and skipped with a message when a file
// holds them.

#include "../support_oldproject.h"
#include "planner/session/document.h"
#include "planner/session/scoringcommands.h"
#include "planner/session/sitecommands.h"
#include "planner/store/projectfile.h"
#include "planner/store/sqlitedatabase.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace planner;

class TestProjectScoring : public QObject
{
    Q_OBJECT
private slots:
    void overridesSurviveSaveAndOpen();
    void previousSchemaOpensWithDefaults();
    void weightChangeUndoesAndRedoes();
    void reachChangeUndoesAndRedoes();
    void resetIsOneUndoStep();
    void badValuesAreRefused_data();
    void badValuesAreRefused();
    void badValuesInTheFileAreSkippedWithAMessage();
    void anotherProjectBringsItsOwnSettings();

private:
    QTemporaryDir m_dir;
};

static void exec(const QString &path, const std::string &sql)
{
    auto db = SqliteDatabase::open(path.toStdString(), SqliteDatabase::Mode::ReadWrite);
    QVERIFY(db.ok());
    auto ok = db->execute(sql);
    QVERIFY2(ok.ok(), ok.ok() ? "" : ok.error().message.c_str());
}

void TestProjectScoring::overridesSurviveSaveAndOpen()
{
    const QString path = m_dir.filePath("weights.gpkg");
    Document doc;
    QVERIFY(commands::setScoringWeight(doc, "slope", 2.5));
    QVERIFY(commands::setScoringWeight(doc, "hv_substation_distance", 0.0));
    QVERIFY(commands::setInterconnectionMarket(doc, "pjm"));
    QVERIFY(commands::setScoringReach(doc, "line_voltage", 12.5));
    QVERIFY2(doc.save(path).ok(), "save failed");

    Document reopened;
    QSignalSpy changed(&reopened, &Document::scoringChanged);
    QVERIFY2(reopened.load(path).ok(), "load failed");
    QCOMPARE(changed.count(), 1);
    QCOMPARE(reopened.scoring(), doc.scoring());
    QCOMPARE(reopened.scoring().weights.at("slope"), 2.5);
    QCOMPARE(reopened.scoring().weights.at("hv_substation_distance"), 0.0);
    QCOMPARE(reopened.scoring().market, std::string("pjm"));
    QCOMPARE(reopened.scoring().reachKm.at("line_voltage"), 12.5);
    QCOMPARE(reopened.scoring().reachKm.size(), std::size_t(1));
    QVERIFY(reopened.loadWarnings().isEmpty());
    QVERIFY(!reopened.isModified());
}

void TestProjectScoring::previousSchemaOpensWithDefaults()
{
    // A schema-1 file: schema 2 without energize_scoring, absolute layer paths.
    const QString path = m_dir.filePath("schema1.gpkg");
    const std::string written = fixtures::writeSchema2Project(path.toStdString(), "");
    QVERIFY2(written.empty(), written.c_str());
    exec(path,
         "DROP TABLE energize_scoring; DELETE FROM gpkg_contents WHERE table_name = "
         "'energize_scoring'; UPDATE energize_meta SET value = '1' WHERE key = "
         "'schema_version';");
    QCOMPARE(readProjectFile(path.toStdString())->schemaVersion, 1);

    Document reopened;
    QVERIFY2(reopened.load(path).ok(), "load failed");
    QVERIFY(reopened.scoring().empty());
    QCOMPARE(reopened.sites().size(), std::size_t(2));
    QCOMPARE(reopened.layers().at(0).source, std::string("/data/elsewhere/dem.tif"));
    // Opening never modifies the file: it is still schema 1, without the new table.
    QCOMPARE(readProjectFile(path.toStdString())->schemaVersion, 1);
    {
        auto db = SqliteDatabase::open(path.toStdString(), SqliteDatabase::Mode::ReadOnly);
        QCOMPARE(*db->queryInteger("SELECT count(*) FROM sqlite_master WHERE name = "
                                   "'energize_scoring'"),
                 std::int64_t(0));
    }
    // Saving writes the current schema, with the new settings.
    QVERIFY(commands::setScoringWeight(reopened, "slope", 4.0));
    QVERIFY2(reopened.save(path).ok(), "save failed");
    QCOMPARE(readProjectFile(path.toStdString())->schemaVersion, kProjectSchemaVersion);
    Document again;
    QVERIFY2(again.load(path).ok(), "load failed");
    QCOMPARE(again.scoring().weights.at("slope"), 4.0);
}

void TestProjectScoring::weightChangeUndoesAndRedoes()
{
    Document doc;
    QSignalSpy changed(&doc, &Document::scoringChanged);
    QVERIFY(commands::setScoringWeight(doc, "slope", 20.0));
    QVERIFY(commands::setScoringWeight(doc, "slope", 25.0)); // typing on: the same edit
    QVERIFY(commands::setScoringWeight(doc, "land_price", 5.0));
    QCOMPARE(doc.undoStack()->count(), 2);
    QCOMPARE(changed.count(), 3);
    QVERIFY(!commands::setScoringWeight(doc, "land_price", 5.0)); // unchanged
    QCOMPARE(doc.undoStack()->count(), 2);

    doc.undoStack()->undo();
    QVERIFY(!doc.scoring().weights.contains("land_price"));
    QCOMPARE(doc.scoring().weights.at("slope"), 25.0);
    doc.undoStack()->undo();
    QVERIFY(doc.scoring().empty());
    QCOMPARE(changed.count(), 5);
    doc.undoStack()->redo();
    QCOMPARE(doc.scoring().weights.at("slope"), 25.0);
    doc.undoStack()->redo();
    QCOMPARE(doc.scoring().weights.at("land_price"), 5.0);
    QVERIFY(commands::clearScoringWeight(doc, "slope"));
    QVERIFY(!doc.scoring().weights.contains("slope"));
    doc.undoStack()->undo();
    QCOMPARE(doc.scoring().weights.at("slope"), 25.0);
}

void TestProjectScoring::reachChangeUndoesAndRedoes()
{
    Document doc;
    QVERIFY(commands::setScoringReach(doc, "line_voltage", 4.0));
    QVERIFY(commands::setScoringReach(doc, "line_voltage", 45.0)); // typing on: the same edit
    QVERIFY(commands::setScoringWeight(doc, "line_voltage", 2.0)); // another field: a new step
    QVERIFY(commands::setScoringReach(doc, "hv_substation_distance", 80.0));
    QCOMPARE(doc.undoStack()->count(), 3);
    QVERIFY(!commands::setScoringReach(doc, "line_voltage", 45.0)); // unchanged
    doc.undoStack()->undo();
    QVERIFY(!doc.scoring().reachKm.contains("hv_substation_distance"));
    doc.undoStack()->undo();
    QVERIFY(doc.scoring().weights.empty());
    QCOMPARE(doc.scoring().reachKm.at("line_voltage"), 45.0);
    doc.undoStack()->undo();
    QVERIFY(doc.scoring().empty());
    doc.undoStack()->redo();
    QCOMPARE(doc.scoring().reachKm.at("line_voltage"), 45.0);
    // Cleared right after, it is the same edit taken back to where it began: no step is left.
    QVERIFY(commands::clearScoringReach(doc, "line_voltage"));
    QVERIFY(doc.scoring().empty());
    QCOMPARE(doc.undoStack()->count(), 0);
    QVERIFY(!commands::clearScoringReach(doc, "line_voltage"));
    // Cleared after another edit, it is a step of its own.
    QVERIFY(commands::setScoringReach(doc, "line_voltage", 45.0));
    QVERIFY(commands::setScoringWeight(doc, "slope", 1.0));
    QVERIFY(commands::clearScoringReach(doc, "line_voltage"));
    QVERIFY(!doc.scoring().reachKm.contains("line_voltage"));
    doc.undoStack()->undo();
    QCOMPARE(doc.scoring().reachKm.at("line_voltage"), 45.0);
}

void TestProjectScoring::resetIsOneUndoStep()
{
    Document doc;
    QVERIFY(!commands::resetScoring(doc)); // nothing to reset
    QVERIFY(commands::setScoringWeight(doc, "slope", 1.0));
    QVERIFY(commands::setScoringWeight(doc, "land_class", 2.0));
    QVERIFY(commands::setInterconnectionMarket(doc, "miso"));
    QVERIFY(commands::setScoringReach(doc, "hv_substation_distance", 25.0));
    const ScoringOverrides before = doc.scoring();
    const int steps = doc.undoStack()->count();
    QVERIFY(commands::resetScoring(doc));
    QVERIFY(doc.scoring().empty());
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    doc.undoStack()->undo();
    QCOMPARE(doc.scoring(), before);
    doc.undoStack()->redo();
    QVERIFY(doc.scoring().empty());
}

void TestProjectScoring::badValuesAreRefused_data()
{
    QTest::addColumn<QString>("factor");
    QTest::addColumn<double>("weight");
    QTest::newRow("NaN") << "slope" << std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("infinite") << "slope" << std::numeric_limits<double>::infinity();
    QTest::newRow("negative") << "slope" << -1.0;
    QTest::newRow("empty id") << "" << 3.0;
    QTest::newRow("id with spaces") << "land class" << 3.0;
}

void TestProjectScoring::badValuesAreRefused()
{
    QFETCH(QString, factor);
    QFETCH(double, weight);
    Document doc;
    QVERIFY(!commands::setScoringWeight(doc, factor.toStdString(), weight));
    QVERIFY(!commands::setInterconnectionMarket(doc, "no such; market"));
    // A reach is a distance: more than 0, finite, at most a quarter of the Earth's girth.
    QVERIFY(!commands::setScoringReach(doc, factor.toStdString(), weight));
    QVERIFY(!commands::setScoringReach(doc, "slope", 0.0));
    QVERIFY(!commands::setScoringReach(doc, "slope", kMaxScoringReachKm * 1.01));
    QCOMPARE(doc.undoStack()->count(), 0);
    QVERIFY(doc.scoring().empty());
}

void TestProjectScoring::badValuesInTheFileAreSkippedWithAMessage()
{
    const QString path = m_dir.filePath("bad.gpkg");
    Document doc;
    commands::addSite(doc, "Temple", -97.30, 31.05);
    QVERIFY(commands::setScoringWeight(doc, "slope", 3.0));
    QVERIFY2(doc.save(path).ok(), "save failed");
    // As a hand edit in sqlite3 or QGIS could leave it (SQLite keeps NaN only as text).
    exec(path,
         "INSERT INTO energize_scoring (setting, weight) VALUES ('weight/land_price', -4), "
         "('weight/line_voltage', 'NaN'), ('weight/mean_temperature', 1e999), "
         "('weight/bad id!', 1); INSERT INTO energize_scoring (setting, value) VALUES "
         "('colour', 'red'), ('interconnection_market', 'not a market'); "
         "INSERT INTO energize_scoring (setting, weight) VALUES ('reach_km/line_voltage', 0), "
         "('reach_km/hv_substation_distance', 'far'), ('reach_km/grid_headroom', 40);");

    Document reopened;
    QVERIFY2(reopened.load(path).ok(), "load failed");
    QCOMPARE(reopened.sites().size(), std::size_t(1));
    ScoringOverrides expected;
    expected.weights["slope"] = 3.0;
    expected.reachKm["grid_headroom"] = 40.0;
    QCOMPARE(reopened.scoring(), expected);
    const QStringList warnings = reopened.loadWarnings();
    QCOMPARE(warnings.size(), 8);
    QVERIFY(warnings.join('\n').contains("score reach of 'line_voltage' is '0"));
    QVERIFY(warnings.join('\n').contains("score reach of 'hv_substation_distance' is 'far'"));
    QVERIFY2(warnings.join('\n').contains("land_price"), qPrintable(warnings.join('\n')));
    QVERIFY(warnings.join('\n').contains("'NaN'"));
    QVERIFY(warnings.join('\n').contains("mean_temperature"));
    QVERIFY(warnings.join('\n').contains("not a market"));
}

void TestProjectScoring::anotherProjectBringsItsOwnSettings()
{
    const QString a = m_dir.filePath("a.gpkg");
    const QString b = m_dir.filePath("b.gpkg");
    Document doc;
    QVERIFY(commands::setScoringWeight(doc, "slope", 7.0));
    QVERIFY(doc.save(a).ok());
    doc.clear();
    QVERIFY(doc.scoring().empty());
    QVERIFY(doc.save(b).ok());
    QVERIFY(doc.load(a).ok());
    QCOMPARE(doc.scoring().weights.at("slope"), 7.0);
    QVERIFY(doc.load(b).ok());
    QVERIFY(doc.scoring().empty());
}

QTEST_APPLESS_MAIN(TestProjectScoring)
#include "test_projectscoring.moc"
