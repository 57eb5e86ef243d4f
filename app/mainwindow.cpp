// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mainwindow.h"

#include "planner/session/document.h"
#include "widgets/emptystate.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

namespace app {
namespace {

constexpr int kMaxRecentFiles = 8;
const char *const kProjectFilter =
        QT_TRANSLATE_NOOP("app::MainWindow", "Energize projects (*.gpkg);;All files (*)");

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_document(new planner::Document(this))
{
    setObjectName("MainWindow");
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    setCentralWidget(new ui::EmptyState(
            tr("Map"),
            tr("The map of grid and land layers appears here. Add GeoPackage, Shapefile, GeoTIFF "
               "or CSV layers, or start from the Texas demo region (energize --demo)."),
            this));
    centralWidget()->setObjectName("mapArea");
    createActions();
    createDocks();
    m_projectLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_projectLabel);
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
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    file->addSeparator();
    add(file, "actionSave", tr("&Save"), QKeySequence::Save, &MainWindow::save);
    add(file, "actionSaveAs", tr("Save &As…"), QKeySequence::SaveAs, &MainWindow::saveAs);
    file->addSeparator();
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    exportMenu->setObjectName("exportMenu");
    QAction *pdf = exportMenu->addAction(tr("PDF &Report…"));
    pdf->setObjectName("actionExportPdf");
    pdf->setEnabled(false);
    pdf->setStatusTip(tr("Reports become available once the project has a plan."));
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
    };
    const DockSpec specs[] = {
            {"layersDock", tr("Layers"),
             tr("Grid and land layers you add are listed here, with their role, coordinate "
                "system and source."),
             Qt::LeftDockWidgetArea, QKeySequence(tr("Ctrl+1"))},
            {"scoreDock", tr("Site Score"),
             tr("Place a site on the map to see its score: each factor, its value and its "
                "weight."),
             Qt::RightDockWidgetArea, QKeySequence(tr("Ctrl+2"))},
            {"planDock", tr("Plan"),
             tr("The selected site's plan appears here: racks, power, cooling and land."),
             Qt::RightDockWidgetArea, QKeySequence(tr("Ctrl+3"))},
            {"chartsDock", tr("Charts"),
             tr("Cost and time-to-power charts appear here once a plan exists."),
             Qt::BottomDockWidgetArea, QKeySequence(tr("Ctrl+4"))},
    };
    for (const DockSpec &spec : specs) {
        auto *dock = new QDockWidget(spec.title, this);
        dock->setObjectName(spec.name);
        dock->setWidget(new ui::EmptyState(spec.title, spec.hint, dock));
        addDockWidget(spec.area, dock);
        QAction *toggle = dock->toggleViewAction();
        toggle->setShortcut(spec.shortcut);
        m_viewMenu->addAction(toggle);
    }
    m_viewMenu->addSeparator();
    QAction *reset = m_viewMenu->addAction(tr("Reset Layout"), this,
                                           [this] { restoreState(m_defaultState); });
    reset->setObjectName("actionResetLayout");
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    const QByteArray geometry = settings.value("mainWindow/geometry").toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1280, 800);
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

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = QSettings().value("recentFiles").toStringList();
    for (const QString &path : files) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave())
                openProject(path);
        });
        action->setToolTip(path);
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
    else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear List"), this, [] { QSettings().remove("recentFiles"); });
    }
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList files = settings.value("recentFiles").toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    settings.setValue("recentFiles", files);
}

bool MainWindow::openProject(const QString &path)
{
    QString error;
    if (!m_document->load(path, &error)) {
        QMessageBox::warning(this, tr("Cannot open project"), error);
        statusBar()->showMessage(error, 10000);
        return false;
    }
    addRecentFile(path);
    statusBar()->showMessage(tr("Opened %1").arg(path), 5000);
    return true;
}

void MainWindow::openDemo()
{
    statusBar()->showMessage(tr("Texas demo region: synthetic grid and land layers"), 10000);
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
    QString error;
    if (!m_document->save(m_document->filePath(), &error)) {
        QMessageBox::warning(this, tr("Cannot save project"), error);
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
    QString error;
    if (!m_document->save(path, &error)) {
        QMessageBox::warning(this, tr("Cannot save project"), error);
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
    event->accept();
}

} // namespace app
