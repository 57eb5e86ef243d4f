// SPDX-License-Identifier: GPL-3.0-or-later
// Unsaved work survives: a failed save keeps the window's project open and modified; autosave
// writes a recovery copy that a save or a clean close removes; a window killed after an
// autosave leaves a copy that the next start finds (with the project's path and the time it
// was written) and restores as modified changes bound to the original path; a second window
// is warned while the first holds the project, and the dead one's lock is ignored.

#include "app/autosaver.h"
#include "app/mainwindow.h"
#include "app/mapcontroller.h"
#include "app/maplayers.h"
#include "app/planscontroller.h"
#include "app/projectlock.h"
#include "app/recoverydialog.h"
#include "app/recoverystore.h"
#include "app/sessionguard.h"
#include "app/sitecontroller.h"
#include "planner/core/site/buildplan.h"
#include "planner/core/site/planheadline.h"
#include "planner/session/document.h"
#include "planner/session/plansmodel.h"
#include "planner/session/sitecommands.h"
#include "planner/store/durablefile.h"
#include "planner/store/projectfile.h"
#include "planner/store/sqlitedatabase.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QMessageBox>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cerrno>

class TestRecovery : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void failedSaveKeepsProjectOpenAndModified();
    void autosaveCopyGoesOnSaveAndOnCleanClose();
    void killedWindowIsRecovered();

private:
    // withClimate: with the demo's climate raster as a layer, so that plans have figures.
    QString makeProject(const QString &name, bool withClimate = false);
    // Closes the next modal box (with its escape or default button) and keeps its text.
    void closeNextBoxSoon(QMessageBox::StandardButton answer = QMessageBox::NoButton);
    QTemporaryDir m_dir;
    QString m_boxText;
    QString m_boxName;
};

void TestRecovery::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // This process's own recovery folder, apart from the user's.
    qputenv("XDG_DATA_HOME", m_dir.filePath("parent-data").toUtf8());
    qputenv("ENERGIZE_AUTOSAVE_SECONDS", "1");
}

QString TestRecovery::makeProject(const QString &name, bool withClimate)
{
    const QString path = m_dir.filePath(name);
    planner::ProjectData data;
    data.info.name = "recovery study";
    planner::Site site;
    site.id = 1;
    site.name = "Original site";
    site.longitude = -97.0;
    site.latitude = 32.0;
    data.sites.push_back(site);
    data.nextSiteId = 2;
    if (withClimate) {
        planner::LayerRef climate;
        climate.id = 1;
        climate.name = "synthetic_climate";
        climate.source = ENERGIZE_SOURCE_DIR "/maps/data/synthetic_climate.tif";
        climate.role = "climate";
        data.layers.push_back(climate);
        data.nextLayerId = 2;
    }
    auto saved = planner::saveProjectFile(path.toStdString(), data, "test");
    return saved ? path : QString();
}

void TestRecovery::closeNextBoxSoon(QMessageBox::StandardButton answer)
{
    m_boxText.clear();
    m_boxName.clear();
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [this, timer, answer] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        m_boxText = box->text() + "\n" + box->informativeText();
        m_boxName = box->objectName();
        if (answer != QMessageBox::NoButton)
            box->button(answer)->click();
        else
            box->reject();
        timer->deleteLater();
    });
    timer->start(50);
}

void TestRecovery::failedSaveKeepsProjectOpenAndModified()
{
    const QString path = makeProject("readonly.gpkg");
    QVERIFY(!path.isEmpty());
    app::MainWindow window;
    QVERIFY(window.openProject(path));
    planner::Document *doc = window.document();
    planner::commands::renameSite(*doc, 1, "Edited, not saved");
    QVERIFY(doc->isModified());
    // The rename step fails as it does on a read-only file system (root ignores chmod).
    planner::injectDurableFault(planner::DurableStep::Rename, EROFS);
    closeNextBoxSoon();
    window.findChild<QAction *>("actionSave")->trigger();
    planner::injectDurableFault(planner::DurableStep::Rename, 0);
    QCOMPARE(m_boxName, QString("saveFailedMessage"));
    QVERIFY2(m_boxText.contains(path) && m_boxText.contains("Read-only file system"),
             qPrintable(m_boxText));
    QVERIFY(doc->isModified());
    QVERIFY(window.isWindowModified());
    QCOMPARE(doc->filePath(), path);
    QCOMPARE(doc->sites().front().name, std::string("Edited, not saved"));
    QVERIFY(!QFile::exists(path + ".saving"));
    QCOMPARE(planner::loadProjectFile(path.toStdString())->sites.front().name,
             std::string("Original site"));
    // With the fault gone the same action saves and the document is clean.
    window.findChild<QAction *>("actionSave")->trigger();
    QVERIFY(!doc->isModified());
    QCOMPARE(planner::loadProjectFile(path.toStdString())->sites.front().name,
             std::string("Edited, not saved"));
}

void TestRecovery::autosaveCopyGoesOnSaveAndOnCleanClose()
{
    const QString path = makeProject("autosaved.gpkg", true);
    QVERIFY(!path.isEmpty());
    auto *window = new app::MainWindow;
    window->setAttribute(Qt::WA_DeleteOnClose);
    QVERIFY(window->openProject(path));
    planner::Document *doc = window->document();
    app::Autosaver *autosaver = window->session()->autosaver();
    QCOMPARE(autosaver->interval(), 1); // from ENERGIZE_AUTOSAVE_SECONDS
    QSignalSpy spy(autosaver, &app::Autosaver::autosaved);
    window->mapController()->layers()->waitForLoads();
    planner::commands::addSite(*doc, "Autosaved site", -98.0, 31.0);
    // A plan whose headline the list shows: the copy's plans layer carries its figures.
    window->siteController()->select(doc->sites().back().id);
    window->plansController()->newPlan();
    window->plansController()->refreshNow();
    QCOMPARE(doc->plans().size(), std::size_t(1));
    const planner::PlanHeadline *shown =
            window->plansController()->model()->headline(doc->plans().front().id);
    QVERIFY(shown);
    QVERIFY2(shown->itMw && shown->capexUsd, shown->error.c_str());
    QVERIFY(spy.wait(20000));
    const QString copy = spy.takeFirst().at(0).toString();
    {
        auto db = planner::SqliteDatabase::open(copy.toStdString(),
                                                planner::SqliteDatabase::Mode::ReadOnly);
        QVERIFY(db.ok());
        auto row = db->prepare("SELECT mw_it, capex_usd FROM plans");
        QVERIFY(row.ok() && row->step());
        QVERIFY(row->isNumber(0) && row->isNumber(1)); // NULL before this change
        QCOMPARE(row->real(0), *shown->itMw);
        QCOMPARE(row->real(1), *shown->capexUsd);
    }
    const QString note = QString(copy).replace(".gpkg", ".json");
    QVERIFY(copy.startsWith(m_dir.filePath("parent-data")));
    auto recovered = planner::loadProjectFile(copy.toStdString());
    QVERIFY(recovered.ok());
    QCOMPARE(recovered->sites.size(), std::size_t(2));
    QCOMPARE(recovered->plans.size(), std::size_t(1));
    QCOMPARE(recovered->sites.back().name, std::string("Autosaved site"));
    // The project itself is untouched, and a running window's copy is not offered.
    QCOMPARE(planner::loadProjectFile(path.toStdString())->sites.size(), std::size_t(1));
    QVERIFY(QFile::exists(note));
    QVERIFY(autosaver->store().pending().isEmpty());

    window->findChild<QAction *>("actionSave")->trigger();
    QVERIFY(!doc->isModified());
    QVERIFY(!QFile::exists(copy));
    QVERIFY(!QFile::exists(note));

    planner::commands::addSite(*doc, "Second autosaved site", -98.5, 31.0);
    QVERIFY(spy.wait(20000));
    QVERIFY(QFile::exists(copy));
    closeNextBoxSoon(QMessageBox::Discard); // "unsaved changes": discard them
    QVERIFY(window->close());
    QVERIFY(!QFile::exists(copy));
    QVERIFY(!QFile::exists(note));
}

void TestRecovery::killedWindowIsRecovered()
{
    const QString path = makeProject("crashed.gpkg");
    QVERIFY(!path.isEmpty());
    const QString childData = m_dir.filePath("child-data");
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_DATA_HOME", childData);
    env.insert("QT_QPA_PLATFORM", "offscreen");
    env.insert("ENERGIZE_AUTOSAVE_SECONDS", "1");
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QDateTime started = QDateTime::currentDateTimeUtc().addSecs(-1);
    child.start(AUTOSAVE_CHILD, {path});
    QVERIFY(child.waitForStarted(20000));
    const qint64 childPid = child.processId();
    QByteArray out;
    while (!out.contains("autosaved ") || !out.endsWith('\n')) {
        QVERIFY2(child.state() == QProcess::Running, out.constData());
        child.waitForReadyRead(1000);
        out += child.readAllStandardOutput();
    }
    const QString copy = QString::fromLocal8Bit(out.mid(out.indexOf("autosaved ") + 10)).trimmed();
    const QString folder = QFileInfo(copy).absolutePath();
    QVERIFY2(folder.startsWith(childData), qPrintable(folder));

    // A second window is warned while the first one runs.
    planner::Document doc;
    QWidget parent;
    app::SessionGuard guard(&doc, &parent, folder);
    const auto holder = guard.lock()->heldByOther(path);
    QVERIFY(holder);
    QCOMPARE(holder->pid, childPid);
    closeNextBoxSoon(QMessageBox::Cancel);
    QVERIFY(!guard.confirmOpen(path));
    QCOMPARE(m_boxName, QString("projectLockedWarning"));
    QVERIFY2(m_boxText.contains(path) && m_boxText.contains(QString::number(childPid)),
             qPrintable(m_boxText));
    QVERIFY(guard.autosaver()->store().pending().isEmpty()); // its writer still runs

    child.kill(); // SIGKILL: no destructor, no clean close
    QVERIFY(child.waitForFinished(20000));
    const QDateTime killed = QDateTime::currentDateTimeUtc().addSecs(1);

    // The next start: the dead window's lock is stale, its copy is offered.
    QVERIFY(!guard.lock()->heldByOther(path));
    const QList<app::RecoveryEntry> entries = guard.autosaver()->store().pending();
    QCOMPARE(entries.size(), 1);
    const app::RecoveryEntry &entry = entries.front();
    QCOMPARE(entry.originalPath, QFileInfo(path).absoluteFilePath());
    QCOMPARE(entry.projectFile, copy);
    QVERIFY(entry.writtenAt >= started && entry.writtenAt <= killed);
    QCOMPARE(entry.pid, childPid);
    const QString question = app::recoveryQuestion(entry);
    QVERIFY2(question.contains(path), qPrintable(question));

    QSignalSpy rewritten(guard.autosaver(), &app::Autosaver::autosaved);
    QVERIFY(guard.restore(entry).ok());
    // The copy is rewritten at once by this process, so another start does not offer it again.
    QVERIFY(rewritten.wait(20000));
    QVERIFY(guard.autosaver()->store().pending().isEmpty());
    QCOMPARE(doc.filePath(), entry.originalPath);
    QVERIFY(doc.isModified());
    QCOMPARE(doc.sites().size(), std::size_t(2));
    QCOMPARE(doc.sites().front().name, std::string("Renamed before the crash"));
    QCOMPARE(doc.sites().back().name, std::string("Added before the crash"));
    QCOMPARE(guard.lock()->lockedPath(), entry.originalPath);
    // The original file has not been touched; saving the restored document writes it.
    QCOMPARE(planner::loadProjectFile(path.toStdString())->sites.front().name,
             std::string("Original site"));
    QVERIFY(doc.save(doc.filePath()).ok());
    QCOMPARE(planner::loadProjectFile(path.toStdString())->sites.size(), std::size_t(2));
    // Saved: the adopted copy is gone and nothing is offered any more.
    QVERIFY(!QFile::exists(copy));
    QVERIFY(guard.autosaver()->store().pending().isEmpty());
}

QTEST_MAIN(TestRecovery)
#include "test_recovery.moc"
