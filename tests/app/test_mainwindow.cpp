// SPDX-License-Identifier: GPL-3.0-or-later
// The real main window, offscreen: docks, menus, layout that survives a restart, a project with
// content that comes back whole through File > Save As and File > Open, and files that must be
// refused without losing the open project.

#include "app/commandline.h"
#include "app/mainwindow.h"
#include "app/mapcontroller.h"
#include "planner/core/site/buildplan.h"
#include "planner/session/document.h"
#include "planner/session/sitecommands.h"
#include "planner/session/sitesmodel.h"
#include "planner/store/projectfile.h"
#include "planner/store/sqlitedatabase.h"
#include "widgets/layerpanel.h"
#include "widgets/mapcanvas.h"
#include "widgets/planeditor.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

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
    void answerFileDialogSoon(const QString &path);
    QTemporaryDir m_dir;
    bool m_dialogAnswered = false;
    QString m_warning;
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

void TestMainWindow::answerFileDialogSoon(const QString &path)
{
    // The action opens a modal file dialog; type the path into it and press its default button
    // as a user would. A warning box instead (a failed save or open) is noted and closed.
    m_dialogAnswered = false;
    m_warning.clear();
    auto *poll = new QTimer(this);
    auto *deadline = new QElapsedTimer;
    deadline->start();
    connect(poll, &QTimer::timeout, this, [this, poll, deadline, path] {
        QWidget *modal = QApplication::activeModalWidget();
        if (auto *dialog = qobject_cast<QFileDialog *>(modal)) {
            auto *name = dialog->findChild<QLineEdit *>("fileNameEdit");
            if (name) {
                name->setText(path);
                QTest::keyClick(name, Qt::Key_Return);
                m_dialogAnswered = true;
            }
        } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            m_warning = box->text();
            box->accept();
        }
        if (deadline->elapsed() > 10000 || (m_dialogAnswered && !modal)) {
            poll->deleteLater();
            delete deadline;
        }
    });
    poll->start(20);
}

void TestMainWindow::saveThenOpenRoundTrip()
{
    // A one-line GeoJSON layer made here.
    const QString layerFile = m_dir.filePath("lines.geojson");
    {
        QFile f(layerFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"type": "FeatureCollection", "features": [{"type": "Feature",
                    "properties": {"voltage": 345},
                    "geometry": {"type": "LineString",
                                 "coordinates": [[-99.8, 32.4], [-99.6, 32.5]]}}]})");
    }
    const QString path = m_dir.filePath("site-study.gpkg");
    const std::vector<planner::GeoPoint> parcel{
            {-97.10, 31.00}, {-97.00, 31.00}, {-97.00, 31.10}, {-97.10, 31.10}};
    std::vector<planner::Site> savedSites;
    std::vector<planner::LayerRef> savedLayers;
    QString savedPlan;
    {
        app::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        planner::Document *doc = window.document();
        // Two point sites and a parcel, through the undo facade the Sites tools call.
        QVERIFY(planner::commands::addSite(*doc, "Abilene North", -99.73, 32.45));
        QVERIFY(planner::commands::addParcelSite(*doc, "Parcel 7", parcel));
        QVERIFY(planner::commands::addSite(*doc, "Odessa", -102.37, 31.85));
        // A layer added as Map > Add Layers does, then hidden with its check box and given an
        // opacity, a colour and a role through the layer panel's requests (its context menu).
        QCOMPARE(window.mapController()->addLayerFiles({layerFile}), 1);
        QCOMPARE(int(doc->layers().size()), 1);
        const qint64 layerId = doc->layers().front().id;
        auto *panel = window.findChild<ui::LayerPanel *>();
        QVERIFY(panel);
        QTRY_COMPARE(panel->tree()->topLevelItemCount(), 1); // the panel follows on a timer
        panel->tree()->topLevelItem(0)->setCheckState(0, Qt::Unchecked);
        emit panel->opacityChangeRequested(layerId, 0.35);
        emit panel->styleChangeRequested(layerId, "colour", QString("#12ab34"));
        emit panel->roleChangeRequested(layerId, "transmission lines");
        // The plan: 60 MW typed into the plan editor and HGX B200 chosen in its list.
        auto *editor = window.findChild<ui::PlanEditor *>("planEditor");
        QVERIFY(editor);
        editor->itLoad()->setValue(60.0);
        const int b200 = editor->accelerator()->findData("hgx-b200");
        QVERIFY(b200 >= 0);
        editor->accelerator()->setCurrentIndex(b200);
        emit editor->accelerator()->activated(b200);
        QVERIFY(doc->isModified());

        answerFileDialogSoon(path);
        window.findChild<QAction *>("actionSaveAs")->trigger();
        QVERIFY(m_dialogAnswered);
        QVERIFY2(m_warning.isEmpty(), qPrintable(m_warning));
        QCOMPARE(doc->filePath(), path);
        QVERIFY(!doc->isModified());
        savedSites = doc->sites();
        savedLayers = doc->layers();
        QCOMPARE(int(doc->plans().size()), 1); // the edits made the selected site's own plan
        savedPlan = QString::fromStdString(planner::planSpecToJson(doc->plans().front().spec));
    }
    // What was saved is what was made.
    QCOMPARE(int(savedSites.size()), 3);
    QCOMPARE(savedSites[1].outline, parcel);
    QCOMPARE(int(savedLayers.size()), 1);
    const planner::LayerRef &layer = savedLayers.front();
    QCOMPARE(layer.source, QFileInfo(layerFile).absoluteFilePath().toStdString());
    QCOMPARE(layer.visible, false);
    QCOMPARE(layer.opacity, 0.35);
    QCOMPARE(layer.role, std::string("transmission lines"));
    QCOMPARE(layer.style, std::string(R"({"colour":"#12ab34"})"));
    const QJsonObject plan = QJsonDocument::fromJson(savedPlan.toUtf8()).object();
    QCOMPARE(plan.value("it_load_mw").toDouble(), 60.0);
    QCOMPARE(plan.value("accelerator").toString(), QString("hgx-b200"));
    // The example's 40 + 60 MW phases scale with the load to 24 + 36 MW.
    QCOMPARE(plan.value("phases_mw").toArray(), QJsonArray({24.0, 36.0}));

    // Reopened in a new window with File > Open.
    app::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    answerFileDialogSoon(path);
    window.findChild<QAction *>("actionOpen")->trigger();
    QVERIFY(m_dialogAnswered);
    QVERIFY2(m_warning.isEmpty(), qPrintable(m_warning));
    planner::Document *doc = window.document();
    QCOMPARE(doc->filePath(), path);
    QVERIFY(window.windowTitle().startsWith("site-study"));
    const QStringList recent = QSettings().value("recentFiles").toStringList();
    QVERIFY(recent.contains(QFileInfo(path).absoluteFilePath()));
    // Every field comes back.
    QCOMPARE(int(doc->sites().size()), 3);
    for (std::size_t i = 0; i < savedSites.size(); ++i) {
        const planner::Site &a = doc->sites()[i];
        const planner::Site &b = savedSites[i];
        QCOMPARE(a.id, b.id);
        QCOMPARE(a.name, b.name);
        QCOMPARE(a.longitude, b.longitude);
        QCOMPARE(a.latitude, b.latitude);
        QCOMPARE(a.outline, b.outline);
    }
    QCOMPARE(int(doc->layers().size()), 1);
    const planner::LayerRef &reopened = doc->layers().front();
    QCOMPARE(reopened.id, layer.id);
    QCOMPARE(reopened.name, std::string("lines"));
    QCOMPARE(reopened.source, layer.source);
    QCOMPARE(reopened.layerName, layer.layerName);
    QCOMPARE(reopened.role, layer.role);
    QCOMPARE(reopened.crs, layer.crs);
    QCOMPARE(reopened.visible, layer.visible);
    QCOMPARE(reopened.opacity, layer.opacity);
    QCOMPARE(reopened.style, layer.style);
    QCOMPARE(int(doc->plans().size()), 1);
    QCOMPARE(QString::fromStdString(planner::planSpecToJson(doc->plans().front().spec)), savedPlan);

    // The window shows them: the sites on the map and in a sites table, the layer's row, the
    // plan in the editor.
    const QList<ui::SiteMarker> markers = window.canvas()->sites();
    QCOMPARE(markers.size(), 3);
    QCOMPARE(markers[0].name, QString("Abilene North"));
    QCOMPARE(markers[1].name, QString("Parcel 7"));
    QCOMPARE(markers[1].outline.size(), 4);
    QCOMPARE(markers[1].outline[2], QPointF(-97.00, 31.10));
    planner::SitesModel sitesModel(doc);
    QAbstractItemModelTester tester(&sitesModel);
    QCOMPARE(sitesModel.rowCount(), 3);
    const QStringList expectedRows[] = {{"Abilene North", "-99.73000", "32.45000"},
                                        {"Parcel 7", "-97.05000", "31.05000"}, // vertex mean
                                        {"Odessa", "-102.37000", "31.85000"}};
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c)
            QCOMPARE(sitesModel.index(r, c).data().toString(), expectedRows[r][c]);
    }
    auto *panel = window.findChild<ui::LayerPanel *>();
    QTRY_COMPARE(panel->tree()->topLevelItemCount(), 1);
    QTRY_COMPARE(panel->tree()->topLevelItem(0)->text(0), QString("lines")); // loaded
    const QTreeWidgetItem *row = panel->tree()->topLevelItem(0);
    QCOMPARE(row->text(1), QString("transmission lines"));
    QCOMPARE(row->checkState(0), Qt::Unchecked);
    QVERIFY2(row->toolTip(0).contains("Opacity: 35 %"), qPrintable(row->toolTip(0)));
    QVERIFY2(row->toolTip(0).contains("1 features"), qPrintable(row->toolTip(0)));
    auto *editor = window.findChild<ui::PlanEditor *>("planEditor");
    QCOMPARE(editor->itLoad()->value(), 60.0);
    QCOMPARE(editor->accelerator()->currentData().toString(), QString("hgx-b200"));
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
