// SPDX-License-Identifier: GPL-3.0-or-later
// The real main window, offscreen: docks, menus, layout that survives a restart, and files that
// must be refused without losing the open project.

#include "app/commandline.h"
#include "app/mainwindow.h"
#include "planner/session/document.h"
#include "planner/store/projectfile.h"
#include "planner/store/sqlitedatabase.h"

#include <QAction>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void docksAndMenusExist();
    void eventLoopRunsAndWindowClosesCleanly();
    void dockLayoutSurvivesRestart();
    void saveThenOpenRoundTrip();
    void newerProjectIsRefusedAndOpenProjectKept();
    void binaryAnswersVersionAndHelpWithoutDisplay();

private:
    void closeMessageBoxesSoon();
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    app::setApplicationIdentity();
}

void TestMainWindow::closeMessageBoxesSoon()
{
    // A refused file shows a modal warning; press its default button as a user would.
    QTimer::singleShot(50, [] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *box = qobject_cast<QMessageBox *>(w))
                box->accept();
        }
    });
}

void TestMainWindow::docksAndMenusExist()
{
    app::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (const char *name : {"layersDock", "scoreDock", "planDock", "chartsDock"}) {
        auto *dock = window.findChild<QDockWidget *>(name);
        QVERIFY2(dock, name);
        QVERIFY2(dock->isVisible(), name);
    }
    QVERIFY(window.centralWidget());
    QStringList menus;
    for (QAction *a : window.menuBar()->actions())
        menus << a->text().remove('&');
    QCOMPARE(menus, QStringList({"File", "Edit", "View", "Map", "Sites", "Help"}));
    for (const char *name : {"actionNew", "actionOpen", "actionSave", "actionSaveAs", "actionQuit",
                             "actionUndo", "actionRedo", "actionAbout"})
        QVERIFY2(window.findChild<QAction *>(name), name);
    QCOMPARE(window.findChild<QAction *>("actionSave")->shortcut(), QKeySequence::Save);
    QVERIFY(window.windowTitle().contains("Energize"));
}

void TestMainWindow::eventLoopRunsAndWindowClosesCleanly()
{
    auto *window = new app::MainWindow;
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    bool ticked = false;
    QTimer::singleShot(20, window, [&] { ticked = true; });
    QTimer::singleShot(60, window, &QWidget::close);
    QSignalSpy destroyed(window, &QObject::destroyed);
    QVERIFY(destroyed.wait(5000));
    QVERIFY(ticked);
}

void TestMainWindow::dockLayoutSurvivesRestart()
{
    {
        app::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QDockWidget *>("chartsDock")->hide();
        window.resize(1000, 700);
        window.close(); // saves layout
    }
    app::MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QVERIFY(!again.findChild<QDockWidget *>("chartsDock")->isVisible());
    QVERIFY(again.findChild<QDockWidget *>("layersDock")->isVisible());
    QCOMPARE(again.size(), QSize(1000, 700));
    again.findChild<QAction *>("actionResetLayout")->trigger();
    QVERIFY(again.findChild<QDockWidget *>("chartsDock")->isVisible());
}

void TestMainWindow::saveThenOpenRoundTrip()
{
    const QString path = m_dir.filePath("site-study.gpkg");
    {
        app::MainWindow window;
        QString error;
        QVERIFY2(window.document()->save(path, &error), qPrintable(error));
    }
    app::MainWindow window;
    QVERIFY(window.openProject(path));
    QCOMPARE(window.document()->filePath(), path);
    QVERIFY(window.windowTitle().startsWith("site-study"));
    const QStringList recent = QSettings().value("recentFiles").toStringList();
    QVERIFY(recent.contains(QFileInfo(path).absoluteFilePath()));
}

void TestMainWindow::newerProjectIsRefusedAndOpenProjectKept()
{
    const QString good = m_dir.filePath("current.gpkg");
    const QString newer = m_dir.filePath("from-the-future.gpkg");
    QVERIFY(planner::createProjectFile(good.toStdString(), "current", "test").ok());
    QVERIFY(planner::createProjectFile(newer.toStdString(), "future", "test").ok());
    {
        auto db = planner::SqliteDatabase::open(newer.toStdString(),
                                                planner::SqliteDatabase::Mode::ReadWrite);
        QVERIFY(db.ok());
        QVERIFY(db->execute("UPDATE energize_meta SET value = '99' WHERE key = "
                            "'schema_version'")
                        .ok());
    }
    app::MainWindow window;
    window.show();
    QVERIFY(window.openProject(good));
    closeMessageBoxesSoon();
    QVERIFY(!window.openProject(newer));
    QCOMPARE(window.document()->filePath(), good);
    closeMessageBoxesSoon();
    QVERIFY(!window.openProject(m_dir.filePath("missing.gpkg")));
    QCOMPARE(window.document()->filePath(), good);
}

void TestMainWindow::binaryAnswersVersionAndHelpWithoutDisplay()
{
    const QString exe = QCoreApplication::applicationDirPath() + "/../../app/energize";
    QVERIFY2(QFileInfo::exists(exe), qPrintable(exe));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    for (const QString &flag : {QString("--version"), QString("--help")}) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(exe, {flag});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(flag == "--version" ? "Energize " ENERGIZE_VERSION : "--demo"),
                 qPrintable(out));
    }
    QProcess bad;
    bad.setProcessEnvironment(env);
    bad.start(exe, {"--no-such-option"});
    QVERIFY(bad.waitForFinished(20000));
    QCOMPARE(bad.exitCode(), 2);
    QVERIFY(QString::fromUtf8(bad.readAllStandardError()).contains("no-such-option"));
}

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
