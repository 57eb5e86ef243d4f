// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison view's choice in the project file (energize_comparison, schema 4): it
// round-trips in order, and a schema 3 file (no such table) opens with no choice and the rest
// of the project intact.

#include "planner/store/projectfile.h"
#include "planner/store/projectschema.h"
#include "planner/store/sqlitedatabase.h"

#include <QTemporaryDir>
#include <QTest>

using namespace planner;

class TestComparisonStore : public QObject
{
    Q_OBJECT
private slots:
    void choiceRoundTrips();
    void schema3FileOpensWithNoChoice();

private:
    QTemporaryDir m_dir;
};

namespace {

ProjectData project()
{
    ProjectData data;
    data.info.name = "compare";
    Site site;
    site.id = 1;
    site.name = "Abilene";
    site.longitude = -99.7;
    site.latitude = 32.4;
    data.sites.push_back(site);
    data.nextSiteId = 2;
    // Out of alphabetical order on purpose: the column order is the user's.
    data.comparison.plans = {"Temple", "Abilene", "Amarillo, air"};
    data.comparison.baseline = "Abilene";
    data.comparison.hiddenRows = {"water_m3_per_year", "land_ha"};
    return data;
}

} // namespace

void TestComparisonStore::choiceRoundTrips()
{
    const std::string path = m_dir.filePath("choice.gpkg").toStdString();
    QVERIFY(saveProjectFile(path, project(), "test").ok());
    auto read = loadProjectFile(path);
    QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
    QCOMPARE(read->info.schemaVersion, kProjectSchemaVersion);
    QVERIFY(read->comparison == project().comparison);
    QVERIFY(read->warnings.empty());
}

void TestComparisonStore::schema3FileOpensWithNoChoice()
{
    // A schema 3 file is today's file without the table (and without schema 5's column and
    // schema 6's field table).
    const std::string path = m_dir.filePath("schema3.gpkg").toStdString();
    QVERIFY(saveProjectFile(path, project(), "test").ok());
    {
        auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite);
        QVERIFY(db.ok());
        QVERIFY(db->execute("DROP TABLE energize_layer_fields; DELETE FROM gpkg_contents "
                            "WHERE table_name = 'energize_layer_fields';"
                            "DROP TABLE energize_comparison; DELETE FROM gpkg_contents WHERE "
                            "table_name = 'energize_comparison'; ALTER TABLE energize_layers "
                            "DROP COLUMN locations; UPDATE energize_meta SET value "
                            "= '3' WHERE key = 'schema_version';")
                        .ok());
    }
    auto read = loadProjectFile(path);
    QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
    QCOMPARE(read->info.schemaVersion, 3);
    QVERIFY(read->comparison == SavedComparison{});
    QCOMPARE(read->sites.size(), std::size_t(1));
    QCOMPARE(read->sites.front().name, std::string("Abilene"));
    // Opening never modifies the file.
    auto again = readProjectFile(path);
    QVERIFY(again.ok());
    QCOMPARE(again->schemaVersion, 3);
}

QTEST_APPLESS_MAIN(TestComparisonStore)
#include "test_comparisonstore.moc"
