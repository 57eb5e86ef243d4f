// SPDX-License-Identifier: GPL-3.0-or-later
// Project files are GeoPackages: GDAL must see one, and what is not a project is refused with a
// message, never modified.

#include "planner/store/projectfile.h"
#include "planner/store/sqlitedatabase.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace planner;

class TestProjectFile : public QObject
{
    Q_OBJECT
private slots:
    void createThenRead();
    void gdalSeesAGeoPackage();
    void refusesWhatIsNotAProject_data();
    void refusesWhatIsNotAProject();
    void failedSaveKeepsPreviousFile();
    void sqliteStatementsOnMemory();

private:
    QTemporaryDir m_dir;
};

void TestProjectFile::createThenRead()
{
    const std::string path = m_dir.filePath("a.gpkg").toStdString();
    auto created = createProjectFile(path, "Abilene study", "0.1.0");
    QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
    auto read = readProjectFile(path);
    QVERIFY(read.ok());
    QCOMPARE(read->name, std::string("Abilene study"));
    QCOMPARE(read->schemaVersion, kProjectSchemaVersion);
    QCOMPARE(read->createdBy, std::string("Energize 0.1.0"));
}

void TestProjectFile::gdalSeesAGeoPackage()
{
    const QString ogrinfo = QStandardPaths::findExecutable("ogrinfo");
    if (ogrinfo.isEmpty())
        QSKIP("ogrinfo (Debian package gdal-bin) is not installed");
    const QString path = m_dir.filePath("gdal.gpkg");
    QVERIFY(createProjectFile(path.toStdString(), "g", "0.1.0").ok());
    QProcess p;
    p.start(ogrinfo, {"-ro", "-so", path});
    QVERIFY(p.waitForFinished(30000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(out.contains("using driver `GPKG'"), qPrintable(out));
}

void TestProjectFile::refusesWhatIsNotAProject_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text file") << QByteArray("site,lon,lat\n") << "not a GeoPackage";
    QTest::newRow("empty file") << QByteArray() << "is empty (0 bytes)";
    QTest::newRow("truncated sqlite")
            << QByteArray("SQLite format 3\0\x10\0", 19) << "not a GeoPackage";
}

void TestProjectFile::refusesWhatIsNotAProject()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(QString("bad-%1.gpkg").arg(QTest::currentDataTag()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    auto read = readProjectFile(path.toStdString());
    QVERIFY(!read.ok());
    QVERIFY2(QString::fromStdString(read.error().message).contains(expected),
             read.error().message.c_str());
    QFile again(path);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), content); // never modified
}

void TestProjectFile::failedSaveKeepsPreviousFile()
{
    const std::string path = m_dir.filePath("keep.gpkg").toStdString();
    QVERIFY(createProjectFile(path, "first", "0.1.0").ok());
    // A directory where the temporary file must go makes the save fail.
    QVERIFY(QDir().mkpath(QString::fromStdString(path + ".saving/blocker")));
    auto second = createProjectFile(path, "second", "0.1.0");
    QVERIFY(!second.ok());
    QCOMPARE(readProjectFile(path)->name, std::string("first"));
}

void TestProjectFile::sqliteStatementsOnMemory()
{
    auto db = SqliteDatabase::open(":memory:", SqliteDatabase::Mode::Create);
    QVERIFY(db.ok());
    QVERIFY(db->execute("CREATE TABLE t (k TEXT, v REAL)").ok());
    auto insert = db->prepare("INSERT INTO t VALUES (?, ?)");
    QVERIFY(insert.ok());
    insert->bind(1, std::string("pue"));
    insert->bind(2, 1.25);
    QVERIFY(!insert->step());
    QVERIFY(insert->ok());
    auto select = db->prepare("SELECT k, v FROM t");
    QVERIFY(select->step());
    QCOMPARE(select->text(0), std::string("pue"));
    QCOMPARE(select->real(1), 1.25);
    QVERIFY(!db->execute("SELECT * FROM missing").ok());
    QCOMPARE(*db->queryInteger("SELECT count(*) FROM t"), std::int64_t(1));
}

QTEST_APPLESS_MAIN(TestProjectFile)
#include "test_projectfile.moc"
