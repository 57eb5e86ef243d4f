// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mainwindow.h"

#include "app/recentfiles.h"

#include "app/comparisoncontroller.h"
#include "app/demoproject.h"
#include "app/distanceraster.h"
#include "app/export/exportactions.h"
#include "app/heatmapcontroller.h"
#include "app/mapcontroller.h"
#include "app/maplayers.h"
#include "app/planscontroller.h"
#include "app/report/reportexport.h"
#include "app/scoringsettings.h"
#include "app/sessionguard.h"
#include "app/sitecontroller.h"
#include "planner/core/site/planheadline.h"
#include "planner/session/document.h"
#include "widgets/chartspanel.h"
#include "widgets/emptystate.h"
#include "widgets/layerpanel.h"
#include "widgets/mapcanvas.h"
#include "widgets/planeditor.h"
#include "widgets/planpanel.h"
#include "widgets/planspanel.h"
#include "widgets/scorepanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QUndoStack>

namespace app {
namespace {

const char *const kProjectFilter =
        QT_TRANSLATE_NOOP("app::MainWindow", "Energize projects (*.gpkg);;All files (*)");

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_document(new planner::Document(this)),
      m_canvas(new ui::MapCanvas(this)), m_layerPanel(new ui::LayerPanel(this)),
      m_scorePanel(new ui::ScorePanel(this)), m_planPanel(new ui::PlanPanel(this)),
      m_plansPanel(new ui::PlansPanel(this)), m_chartsPanel(new ui::ChartsPanel(this))
{
    setObjectName("MainWindow");
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    setCentralWidget(m_canvas);
    m_map = new MapController(m_document, m_canvas, m_layerPanel, this);
    m_scoring = new ScoringSettings(m_document, this);
    m_session = new SessionGuard(m_document, this);
    auto *planEditor = new ui::PlanEditor(this);
    planEditor->setObjectName("planEditor");
    // The inputs above what they need; the user moves the line between them. Each of the
    // editor's tabs scrolls, so its rows never set the window's height.
    auto *planSplit = new QSplitter(Qt::Vertical, this);
    planSplit->setObjectName("planSplit");
    planSplit->setChildrenCollapsible(false);
    planSplit->addWidget(planEditor);
    planSplit->addWidget(m_planPanel);
    planSplit->setSizes({55, 45}); // shares of the dock's height
    m_planDock = planSplit;
    m_sites = new SiteController(m_document, m_map, m_scoring, m_canvas, m_scorePanel, m_planPanel,
                                 m_chartsPanel, planEditor, this);
    m_plans = new PlansController(m_document, m_map, m_scoring, m_sites, m_plansPanel, this);
    m_session->autosaver()->setHeadlineSource([this] { return m_plans->currentHeadlines(); });
    m_comparison = new ComparisonController(m_document, m_map, m_scoring, m_sites, this, this);
    m_heatmap = new HeatmapController(m_map->layers(), m_scoring, m_canvas, this);
    connect(m_heatmap->toggleAction(), &QAction::toggled, m_map, &MapController::setHeatmapLegend);
    m_distance = new DistanceRasterController(this, this);
    m_report = new ReportExporter(m_document, m_map, m_scoring, m_canvas, this);
    connect(m_report, &ReportExporter::message, statusBar(), &QStatusBar::showMessage);
    connect(m_distance, &DistanceRasterController::finished, this,
            [this](const QString &path, const QString &error, const maps::RasterGrid &grid) {
                if (!error.isEmpty()) {
                    statusBar()->showMessage(tr("Distance raster: %1").arg(error), 10000);
                    return;
                }
                m_map->addLayerFiles({path});
                statusBar()->showMessage(tr("Distance raster written: %1 (%2 × %3 pixels of %4 m)")
                                                 .arg(QDir::toNativeSeparators(path))
                                                 .arg(grid.width)
                                                 .arg(grid.height)
                                                 .arg(grid.pixelWidth),
                                         15000);
            });
    m_canvas->setFullExtent({-125.0, 24.0, -66.0, 50.0});
    m_canvas->zoomToFullExtent();
    createActions();
    createMapActions();
    createDocks();
    m_cursorLabel = new QLabel(this);
    m_cursorLabel->setMinimumWidth(340);
    statusBar()->addPermanentWidget(m_cursorLabel);
    m_projectLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_heatmap->progressWidget());
    connect(m_heatmap, &HeatmapController::exported, this,
            [this](const QString &path, const QString &error) {
                if (!error.isEmpty())
                    QMessageBox::warning(this, tr("Export Heatmap"), error);
                else
                    statusBar()->showMessage(
                            tr("Heatmap written: %1").arg(QDir::toNativeSeparators(path)), 10000);
            });
    statusBar()->addPermanentWidget(m_projectLabel);
    connect(m_canvas, &ui::MapCanvas::cursorMoved, this,
            [this](double lon, double lat, QPointF mercator) {
                m_cursorLabel->setText(tr("%1°, %2°   EPSG:3857 %3, %4")
                                               .arg(lat, 0, 'f', 5)
                                               .arg(lon, 0, 'f', 5)
                                               .arg(mercator.x(), 0, 'f', 0)
                                               .arg(mercator.y(), 0, 'f', 0));
            });
    connect(m_map, &MapController::message, statusBar(), &QStatusBar::showMessage);
    connect(m_map, &MapController::crsNeeded, this, [this](qint64 id, const QString &message) {
        // Queued: never open a modal dialog from inside a load notification.
        QMetaObject::invokeMethod(
                this,
                [this, id, message] {
                    bool ok = false;
                    const QString crs = QInputDialog::getItem(
                            this, tr("Choose a Coordinate System"),
                            message
                                    + tr("\n\nCoordinate system of this layer (EPSG code, WKT "
                                         "or PROJ string):"),
                            {"EPSG:4326", "EPSG:3857", "EPSG:4269", "EPSG:32614", "EPSG:5070"}, 0,
                            true, &ok);
                    if (ok)
                        m_map->setLayerCrs(id, crs);
                },
                Qt::QueuedConnection);
    });
    connect(m_map, &MapController::locationsNeeded, this,
            [this](qint64 id, const QString &message) {
                statusBar()->showMessage(message, 15000);
                // Queued, as above: the file dialog opens once the load notification is done.
                QMetaObject::invokeMethod(
                        this, [this, id] { m_map->chooseLayerLocations(id); },
                        Qt::QueuedConnection);
            });
    statusBar()->showMessage(tr("Ready"), 3000);
    connect(m_document, &planner::Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &planner::Document::filePathChanged, this, &MainWindow::updateTitle);
    m_defaultState = saveState();
    restoreLayout();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName("fileMenu");
    auto add = [this](QMenu *menu, const QString &name, const QString &text, QKeySequence shortcut,
                      auto slot) {
        QAction *action = menu->addAction(text, this, slot);
        action->setObjectName(name);
        action->setShortcut(shortcut);
        return action;
    };
    add(file, "actionNew", tr("&New Project"), QKeySequence::New, &MainWindow::newProject);
    add(file, "actionOpen", tr("&Open…"), QKeySequence::Open, &MainWindow::open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName("recentMenu");
    connect(m_recentMenu, &QMenu::aboutToShow, this, [this] {
        fillRecentMenu(m_recentMenu, [this](const QString &path) {
            if (maybeSave())
                openProject(path);
        });
    });
    file->addSeparator();
    add(file, "actionSave", tr("&Save"), QKeySequence::Save, &MainWindow::save);
    add(file, "actionSaveAs", tr("Save &As…"), QKeySequence::SaveAs, &MainWindow::saveAs);
    file->addAction(m_session->intervalAction());
    file->addSeparator();
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    exportMenu->setObjectName("exportMenu");
    exportMenu->addAction(m_report->action());
    auto *exports =
            new ExportActions(m_document, m_map, m_scoring, m_plans, m_canvas, exportMenu, this);
    connect(exports, &ExportActions::message, statusBar(), &QStatusBar::showMessage);
    connect(m_session, &SessionGuard::message, statusBar(), &QStatusBar::showMessage);
    file->addSeparator();
    QAction *quit = add(file, "actionQuit", tr("&Quit"), QKeySequence::Quit, &MainWindow::close);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName("actionUndo");
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName("actionRedo");
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName("viewMenu");

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    add(help, "actionAbout", tr("&About Energize"), QKeySequence(), &MainWindow::about);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createDocks()
{
    struct DockSpec
    {
        const char *name;
        QString title;
        QString hint;
        Qt::DockWidgetArea area;
        QKeySequence shortcut;
        QWidget *widget = nullptr;
    };
    const DockSpec specs[] = {
            {"layersDock", tr("Layers"),
             tr("Grid and land layers you add are listed here, with their role, coordinate "
                "system and source."),
             Qt::LeftDockWidgetArea, QKeySequence(tr("Ctrl+1")), m_layerPanel},
            {"scoreDock", tr("Site Score"),
             tr("Place a site on the map to see its score: each factor, its value and its "
                "weight."),
             Qt::RightDockWidgetArea, QKeySequence(tr("Ctrl+2")), m_scorePanel},
            {"planDock", tr("Plan"),
             tr("The selected site's plan appears here: racks, power, cooling and land."),
             Qt::RightDockWidgetArea, QKeySequence(tr("Ctrl+3")), m_planDock},
            {"plansDock", tr("Plans"),
             tr("The project's build plans, each at a site, with their headline figures."),
             Qt::LeftDockWidgetArea, QKeySequence(tr("Ctrl+5")), m_plansPanel},
            {"chartsDock", tr("Charts"),
             tr("Cost and time-to-power charts appear here once a plan exists."),
             Qt::BottomDockWidgetArea, QKeySequence(tr("Ctrl+4")), m_chartsPanel},
    };
    for (const DockSpec &spec : specs) {
        auto *dock = new QDockWidget(spec.title, this);
        dock->setObjectName(spec.name);
        dock->setWidget(spec.widget ? spec.widget
                                    : new ui::EmptyState(spec.title, spec.hint, dock));
        addDockWidget(spec.area, dock);
        QAction *toggle = dock->toggleViewAction();
        toggle->setShortcut(spec.shortcut);
        m_viewMenu->addAction(toggle);
    }
    // The Plans dock's list shows a plan's headline in one row: the left column is wide enough.
    resizeDocks({findChild<QDockWidget *>("layersDock"), findChild<QDockWidget *>("scoreDock")},
                {430, 440}, Qt::Horizontal);
    resizeDocks({findChild<QDockWidget *>("chartsDock")}, {280}, Qt::Vertical);
    m_viewMenu->addSeparator();
    QAction *compare =
            m_viewMenu->addAction(tr("&Compare Plans…"), m_comparison, &ComparisonController::open);
    compare->setObjectName("actionComparePlans");
    compare->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    compare->setStatusTip(tr("The project's plans side by side: figures, differences to a "
                             "baseline and overlaid charts"));
    connect(m_plansPanel, &ui::PlansPanel::compareRequested, m_comparison,
            &ComparisonController::open);
    m_viewMenu->addSeparator();
    QAction *reset = m_viewMenu->addAction(tr("Reset Layout"), this,
                                           [this] { restoreState(m_defaultState); });
    reset->setObjectName("actionResetLayout");
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    const QByteArray geometry = settings.value("mainWindow/geometry").toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        // First start: most of the screen, since the map and four docks share it.
        const QScreen *screen = QGuiApplication::primaryScreen();
        const QSize available = screen ? screen->availableSize() : QSize(1280, 800);
        resize(std::max(1024, available.width() * 9 / 10),
               std::max(700, available.height() * 9 / 10));
    }
    restoreState(settings.value("mainWindow/state").toByteArray());
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue("mainWindow/geometry", saveGeometry());
    settings.setValue("mainWindow/state", saveState());
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Energize").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
    m_projectLabel->setText(m_document->filePath().isEmpty() ? tr("Not saved yet")
                                                             : m_document->filePath());
}

bool MainWindow::openProject(const QString &path)
{
    if (!m_session->confirmOpen(path))
        return false;
    if (const energize::Status loaded = m_document->load(path); !loaded) {
        const QString error = QString::fromStdString(loaded.error().message);
        QMessageBox::warning(this, tr("Cannot open project"), error);
        statusBar()->showMessage(error, 10000);
        return false;
    }
    addRecentFile(path);
    // The project keeps no view: show its layers once they have loaded.
    m_map->zoomToAllWhenLoaded();
    const QStringList warnings = m_document->loadWarnings() + m_scoring->warnings();
    for (const QString &warning : warnings)
        qWarning("%s: %s", qPrintable(path), qPrintable(warning));
    if (warnings.isEmpty())
        statusBar()->showMessage(tr("Opened %1").arg(path), 5000);
    else
        statusBar()->showMessage(tr("Opened %1 — %2").arg(path, warnings.join(' ')), 20000);
    return true;
}

bool MainWindow::offerRecovery()
{
    return m_session->offerRecovery();
}

void MainWindow::openDemo()
{
    if (!maybeSave())
        return;
    DemoRegion region;
    if (const energize::Status loaded = loadDemoRegion(*m_document, &region); !loaded) {
        QMessageBox::warning(this, tr("Cannot open the demo"),
                             QString::fromStdString(loaded.error().message));
        return;
    }
    m_map->setDemoAttribution(region.directory, region.attribution);
    m_canvas->setFullExtent(region.bounds);
    m_canvas->zoomToFullExtent();
    if (!m_document->sites().empty())
        m_sites->select(m_document->sites().front().id);
    statusBar()->showMessage(
            tr("Texas demo region: the grid, land and climate layers are SYNTHETIC"), 15000);
}

void MainWindow::newProject()
{
    if (maybeSave())
        m_document->clear();
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString path =
            QFileDialog::getOpenFileName(this, tr("Open Project"), QString(), tr(kProjectFilter));
    if (!path.isEmpty())
        openProject(path);
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    if (const energize::Status saved =
                m_document->save(m_document->filePath(), m_plans->headlinesForSave());
        !saved) {
        m_session->reportSaveFailure(QString::fromStdString(saved.error().message));
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(m_document->filePath()), 5000);
    return true;
}

bool MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(
            this, tr("Save Project As"), m_document->displayName() + ".gpkg", tr(kProjectFilter));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += ".gpkg";
    if (const energize::Status saved = m_document->save(path, m_plans->headlinesForSave());
        !saved) {
        m_session->reportSaveFailure(QString::fromStdString(saved.error().message));
        return false;
    }
    addRecentFile(path);
    statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::question(
            this, tr("Unsaved changes"),
            tr("%1 has unsaved changes. Save them first?").arg(m_document->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::about()
{
    QMessageBox::about(
            this, tr("About Energize"),
            tr("<h3>Energize %1</h3><p>Plans AI data centres: where to build, what to build, and "
               "when it powers on.</p><p>Free software under the GNU GPL, version 3 or later. "
               "Built with Qt, QCustomPlot, GDAL, PROJ, Eigen and SQLite.</p>")
                    .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveLayout();
    m_session->closedCleanly();
    event->accept();
}

} // namespace app
