// SPDX-License-Identifier: GPL-3.0-or-later
// Sites: the undo facade (one command per edit, undo restores), the item model, and the
// GeoPackage `sites` feature table read back by SQLite and by GDAL; a document destroyed with
// unsaved edits signals nothing to its (half-destroyed) owner.

#include "planner/session/document.h"
#include "planner/session/sitecommands.h"
#include "planner/session/sitesmodel.h"
#include "planner/store/geopackagegeometry.h"
#include "planner/store/projectfile.h"

#include <QAbstractItemModelTester>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace planner;

class TestSites : public QObject
{
    Q_OBJECT
private slots:
    void addMoveRenameRemoveWithUndo();
    void invalidInputPushesNothing_data();
    void invalidInputPushesNothing();
    void modelFollowsDocument();
    void pointBlobRoundTrip();
    void sitesSurviveSaveAndLoad();
    void gdalReadsSitesTable();
    void parcelsMoveWholeAndSurviveSaving();
    void destroyingAModifiedDocumentSignalsNothing();

private:
    QTemporaryDir m_dir;
};

void TestSites::addMoveRenameRemoveWithUndo()
{
    Document doc;
    const auto id = commands::addSite(doc, "Abilene", -99.73, 32.45);
    QVERIFY(id > 0);
    QCOMPARE(doc.undoStack()->count(), 1);
    QVERIFY(doc.isModified());
    QVERIFY(commands::moveSite(doc, id, -99.5, 32.5));
    QCOMPARE(doc.site(id)->longitude, -99.5);
    QCOMPARE(doc.undoStack()->count(), 2);
    QVERIFY(commands::renameSite(doc, id, "  Abilene North "));
    QCOMPARE(doc.site(id)->name, std::string("Abilene North"));
    QVERIFY(commands::removeSite(doc, id));
    QVERIFY(!doc.site(id));

    doc.undoStack()->undo(); // remove
    QCOMPARE(doc.site(id)->name, std::string("Abilene North"));
    doc.undoStack()->undo(); // rename
    QCOMPARE(doc.site(id)->name, std::string("Abilene"));
    doc.undoStack()->undo(); // move
    QCOMPARE(doc.site(id)->longitude, -99.73);
    QCOMPARE(doc.site(id)->latitude, 32.45);
    doc.undoStack()->undo(); // add
    QVERIFY(doc.sites().empty());
    QVERIFY(!doc.isModified());
    doc.undoStack()->redo();
    QCOMPARE(doc.site(id)->name, std::string("Abilene"));

    // Ids are never reused, also after an undone add.
    const auto second = commands::addSite(doc, QString(), -97.0, 31.0);
    QVERIFY(second > id);
    QCOMPARE(doc.site(second)->name, "Site " + std::to_string(second));
}

void TestSites::invalidInputPushesNothing_data()
{
    QTest::addColumn<double>("lon");
    QTest::addColumn<double>("lat");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("NaN longitude") << nan << 30.0;
    QTest::newRow("NaN latitude") << -97.0 << nan;
    QTest::newRow("infinite") << inf << 30.0;
    QTest::newRow("latitude past the pole") << -97.0 << 91.0;
    QTest::newRow("longitude past 180") << 181.0 << 30.0;
}

void TestSites::invalidInputPushesNothing()
{
    QFETCH(double, lon);
    QFETCH(double, lat);
    Document doc;
    QCOMPARE(commands::addSite(doc, "x", lon, lat), std::int64_t(0));
    const auto id = commands::addSite(doc, "ok", -97.0, 30.0);
    QVERIFY(!commands::moveSite(doc, id, lon, lat));
    QVERIFY(!commands::moveSite(doc, id, -97.0, 30.0)); // unchanged
    QVERIFY(!commands::renameSite(doc, id, "   "));
    QVERIFY(!commands::removeSite(doc, id + 100));
    QCOMPARE(doc.undoStack()->count(), 1);
}

void TestSites::modelFollowsDocument()
{
    Document doc;
    SitesModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto a = commands::addSite(doc, "A", -100.0, 31.0);
    commands::addSite(doc, "B", -98.0, 29.5);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, SitesModel::NameColumn).data().toString(), QString("B"));
    QCOMPARE(model.index(0, SitesModel::LatitudeColumn).data(Qt::EditRole).toDouble(), 31.0);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(model.index(0, SitesModel::NameColumn), "Alpha"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(doc.site(a)->name, std::string("Alpha"));
    QVERIFY(model.setData(model.index(0, SitesModel::LongitudeColumn), -101.25));
    QCOMPARE(doc.site(a)->longitude, -101.25);
    QVERIFY(!model.setData(model.index(0, SitesModel::LongitudeColumn), "east"));
    commands::removeSite(doc, a);
    QCOMPARE(model.rowCount(), 1);
    doc.undoStack()->undo();
    QCOMPARE(model.rowCount(), 2);
    doc.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestSites::pointBlobRoundTrip()
{
    const std::string blob = encodeGpkgPoint(-97.7431, 30.2672, 4326);
    QCOMPARE(blob.size(), std::size_t(8 + 21));
    auto p = decodeGpkgPoint(blob);
    QVERIFY(p.ok());
    QCOMPARE(p->first, -97.7431);
    QCOMPARE(p->second, 30.2672);
    QVERIFY(!decodeGpkgPoint("GP").ok());
    QVERIFY(!decodeGpkgPoint(blob.substr(0, 20)).ok());
}

void TestSites::sitesSurviveSaveAndLoad()
{
    const QString path = m_dir.filePath("sites.gpkg");
    Document doc;
    const auto a = commands::addSite(doc, "Abilene", -99.73, 32.45);
    commands::addSite(doc, "Temple", -97.34, 31.1);
    commands::removeSite(doc, a);
    QVERIFY2(doc.save(path).ok(), "save failed");
    QVERIFY(!doc.isModified());

    Document reopened;
    QVERIFY2(reopened.load(path).ok(), "load failed");
    QCOMPARE(reopened.sites().size(), std::size_t(1));
    QCOMPARE(reopened.sites()[0], doc.sites()[0]);
    // The removed site's id stays used.
    QVERIFY(commands::addSite(reopened, "New", -98.0, 30.0) > doc.sites()[0].id);
}

void TestSites::gdalReadsSitesTable()
{
    const QString ogrinfo = QStandardPaths::findExecutable("ogrinfo");
    if (ogrinfo.isEmpty())
        QSKIP("ogrinfo (Debian package gdal-bin) is not installed");
    const QString path = m_dir.filePath("gdal-sites.gpkg");
    Document doc;
    commands::addSite(doc, "Odessa", -102.37, 31.85);
    QVERIFY(doc.save(path).ok());
    QProcess p;
    p.start(ogrinfo, {"-ro", "-al", "-q", path, "sites"});
    QVERIFY(p.waitForFinished(30000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(out.contains("name (String) = Odessa"), qPrintable(out));
    QVERIFY2(out.contains("POINT (-102.37 31.85)"), qPrintable(out));
}

void TestSites::parcelsMoveWholeAndSurviveSaving()
{
    Document doc;
    const std::vector<GeoPoint> square = {
            {-99.0, 32.0}, {-98.9, 32.0}, {-98.9, 32.1}, {-99.0, 32.1}};
    QCOMPARE(commands::addParcelSite(doc, "too few", {{-99.0, 32.0}, {-98.9, 32.0}}),
             std::int64_t(0));
    QCOMPARE(commands::addParcelSite(doc, "NaN", {{-99.0, 32.0}, {NAN, 32.0}, {-98.9, 32.1}}),
             std::int64_t(0));
    const auto id = commands::addParcelSite(doc, "Parcel A", square);
    QVERIFY(id > 0);
    QCOMPARE(doc.undoStack()->count(), 1);
    QVERIFY(qAbs(doc.site(id)->longitude - -98.95) < 1e-12); // the vertex mean
    QVERIFY(qAbs(doc.site(id)->latitude - 32.05) < 1e-12);
    QVERIFY(commands::moveSite(doc, id, -97.95, 31.55));
    const Site moved = *doc.site(id);
    QVERIFY(qAbs(moved.outline[2].longitude - -97.9) < 1e-9);
    QVERIFY(qAbs(moved.outline[2].latitude - 31.6) < 1e-9);
    doc.undoStack()->undo();
    QCOMPARE(doc.site(id)->outline, square);
    doc.undoStack()->redo();

    const QString path = m_dir.filePath("parcel.gpkg");
    QVERIFY2(doc.save(path).ok(), "save failed");
    Document reopened;
    QVERIFY2(reopened.load(path).ok(), "load failed");
    QCOMPARE(reopened.sites().size(), std::size_t(1));
    const Site back = reopened.sites().front();
    QCOMPARE(back.outline.size(), std::size_t(4));
    for (std::size_t i = 0; i < 4; ++i) {
        QCOMPARE(back.outline[i].longitude, moved.outline[i].longitude);
        QCOMPARE(back.outline[i].latitude, moved.outline[i].latitude);
    }
    const QString ogrinfo = QStandardPaths::findExecutable("ogrinfo");
    if (ogrinfo.isEmpty())
        QSKIP("ogrinfo (Debian package gdal-bin) is not installed");
    QProcess p;
    p.start(ogrinfo, {"-ro", "-al", "-q", path, "sites"});
    QVERIFY(p.waitForFinished(30000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(out.contains("POLYGON ((-98 31.5,-97.9 31.5,-97.9 31.6,-98 31.6,-98 31.5))"),
             qPrintable(out));
}

void TestSites::destroyingAModifiedDocumentSignalsNothing()
{
    // The main window owns its document as a child: by the time the document goes, the window
    // is a plain QWidget, and a modifiedChanged() from the undo stack's own destructor reached
    // a MainWindow slot on it (UBSan: downcast of an object that is not a MainWindow).
    QObject owner;
    int signalled = 0;
    auto *doc = new Document;
    QObject::connect(doc, &Document::modifiedChanged, &owner, [&] { ++signalled; });
    QObject::connect(doc, &Document::changed, &owner, [&] { ++signalled; });
    commands::addSite(*doc, "Unsaved", -99.7, 32.4);
    QVERIFY(doc->isModified());
    signalled = 0;
    delete doc;
    QCOMPARE(signalled, 0);
}

QTEST_GUILESS_MAIN(TestSites)
#include "test_sites.moc"
