// SPDX-License-Identifier: GPL-3.0-or-later
// Layer sources in a project file: relative to the project's folder where both share a tree,
// so a project folder can move; absolute or verbatim otherwise; resolved again on open.

#include "planner/store/layerpaths.h"
#include "planner/store/projectfile.h"
#include "planner/store/sqlitedatabase.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace planner;

class TestLayerPaths : public QObject
{
    Q_OBJECT
private slots:
    void portable_data();
    void portable();
    void movedFolderStillFindsItsLayers();
};

void TestLayerPaths::portable_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("projectDir");
    QTest::addColumn<QString>("stored");
    QTest::newRow("inside") << "/home/ana/study/data/dem.tif"
                            << "/home/ana/study"
                            << "data/dem.tif";
    QTest::newRow("beside") << "/home/ana/gis/grid.gpkg"
                            << "/home/ana/study"
                            << "../gis/grid.gpkg";
    QTest::newRow("unnormalised") << "/home/ana/study/./data/../dem.tif"
                                  << "/home/ana/study/"
                                  << "dem.tif";
    QTest::newRow("other tree") << "/usr/share/energize/demo/grid.gpkg"
                                << "/home/ana/study"
                                << "/usr/share/energize/demo/grid.gpkg";
    QTest::newRow("postgis") << "PG:dbname=grid host=db"
                             << "/home/ana/study"
                             << "PG:dbname=grid host=db";
    QTest::newRow("gpkg table") << "GPKG:/home/ana/study/a.gpkg:lines"
                                << "/home/ana/study"
                                << "GPKG:/home/ana/study/a.gpkg:lines";
    QTest::newRow("vsicurl") << "/vsicurl/https://example.org/dem.tif"
                             << "/home/ana/study"
                             << "/vsicurl/https://example.org/dem.tif";
    QTest::newRow("url") << "https://example.org/lines.geojson"
                         << "/home/ana/study"
                         << "https://example.org/lines.geojson";
    QTest::newRow("already relative") << "dem.tif"
                                      << "/home/ana/study"
                                      << "dem.tif";
}

void TestLayerPaths::portable()
{
    QFETCH(QString, source);
    QFETCH(QString, projectDir);
    QFETCH(QString, stored);
    const std::string written = portableLayerSource(source.toStdString(), projectDir.toStdString());
    QCOMPARE(QString::fromStdString(written), stored);
    // Read back from the same folder it names the same file (normalised).
    const std::string resolved = resolvedLayerSource(written, projectDir.toStdString());
    if (isLocalLayerPath(source.toStdString()) && QDir::isAbsolutePath(source))
        QCOMPARE(QString::fromStdString(resolved), QDir::cleanPath(source));
    else if (!isLocalLayerPath(source.toStdString()))
        QCOMPARE(QString::fromStdString(resolved), source);
}

void TestLayerPaths::movedFolderStillFindsItsLayers()
{
    QTemporaryDir root;
    QVERIFY(QDir(root.path()).mkpath("study/data"));
    const QString project = root.filePath("study/study.gpkg");
    ProjectData data;
    data.info.name = "study";
    LayerRef dem;
    dem.id = 1;
    dem.name = "dem";
    dem.source = root.filePath("study/data/dem.tif").toStdString();
    LayerRef postgis;
    postgis.id = 2;
    postgis.name = "lines";
    postgis.source = "PG:dbname=grid";
    data.layers = {dem, postgis};
    auto saved = saveProjectFile(project.toStdString(), data, "test");
    QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().message.c_str());
    {
        auto db = SqliteDatabase::open(project.toStdString(), SqliteDatabase::Mode::ReadOnly);
        auto stmt = db->prepare("SELECT source FROM energize_layers ORDER BY position");
        QVERIFY(stmt->step());
        QCOMPARE(stmt->text(0), std::string("data/dem.tif"));
        QVERIFY(stmt->step());
        QCOMPARE(stmt->text(0), std::string("PG:dbname=grid"));
    }

    QVERIFY(QDir(root.path()).rename("study", "moved"));
    auto opened = loadProjectFile(root.filePath("moved/study.gpkg").toStdString());
    QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
    QCOMPARE(QString::fromStdString(opened->layers.at(0).source),
             QDir::cleanPath(root.filePath("moved/data/dem.tif")));
    QCOMPARE(opened->layers.at(1).source, std::string("PG:dbname=grid"));
}

QTEST_APPLESS_MAIN(TestLayerPaths)
#include "test_layerpaths.moc"
