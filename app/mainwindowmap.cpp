// SPDX-License-Identifier: GPL-3.0-or-later
// The Map and Sites menus of the main window and what their actions open: score weights, layer
// files, the heatmap export, a distance raster, renaming and deleting a site.
#include "app/mainwindow.h"

#include "app/distanceraster.h"
#include "app/heatmapcontroller.h"
#include "app/mapcontroller.h"
#include "app/maplayers.h"
#include "app/scoringsettings.h"
#include "app/sitecontroller.h"
#include "planner/session/document.h"
#include "planner/session/sitecommands.h"
#include "widgets/layerpanel.h"
#include "widgets/mapcanvas.h"
#include "widgets/weightsdialog.h"

#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace app {

void MainWindow::createMapActions()
{
    QMenu *map = menuBar()->addMenu(tr("&Map"));
    map->setObjectName("mapMenu");
    QAction *addLayer = map->addAction(tr("&Add Layers…"), this, &MainWindow::addLayers);
    addLayer->setObjectName("actionAddLayer");
    addLayer->setShortcut(QKeySequence(tr("Ctrl+L")));
    connect(m_layerPanel, &ui::LayerPanel::addRequested, this, &MainWindow::addLayers);
    QAction *all = map->addAction(tr("Zoom to &All"), m_map, &MapController::zoomToAll);
    all->setObjectName("actionZoomAll");
    all->setShortcut(QKeySequence(tr("Ctrl+0")));
    map->addSeparator();
    map->addAction(m_heatmap->toggleAction());
    QAction *exportHeatmap =
            map->addAction(tr("E&xport Heatmap as GeoTIFF…"), this, &MainWindow::exportHeatmap);
    exportHeatmap->setObjectName("actionExportHeatmap");
    exportHeatmap->setStatusTip(tr("The site score (0-100) of the area in view at the resolution "
                                   "of the finest raster layer, as a Cloud-Optimized GeoTIFF for "
                                   "GIS tools"));
    QAction *weights =
            map->addAction(tr("Score &Weights and Reach…"), this, &MainWindow::editWeights);
    weights->setObjectName("actionWeights");
    weights->setShortcut(QKeySequence(tr("Ctrl+Shift+W")));
    QAction *distance =
            map->addAction(tr("&Distance Raster of Layer…"), this, &MainWindow::makeDistanceRaster);
    distance->setObjectName("actionDistanceRaster");
    distance->setShortcut(QKeySequence(tr("Ctrl+Shift+D")));
    distance->setStatusTip(tr("Distance in metres to the nearest feature of the selected vector "
                              "layer, over the view, as a GeoTIFF layer"));
    map->addSeparator();
    QAction *demo = map->addAction(tr("Open Texas &Demo"), this, &MainWindow::openDemo);
    demo->setObjectName("actionOpenDemo");

    QMenu *sites = menuBar()->addMenu(tr("&Sites"));
    sites->setObjectName("sitesMenu");
    sites->addActions(m_map->toolActions()->actions());
    sites->addSeparator();
    QAction *rename = sites->addAction(tr("&Rename Site…"), this, &MainWindow::renameSelectedSite);
    rename->setObjectName("actionRenameSite");
    rename->setShortcut(QKeySequence(Qt::Key_F2));
    QAction *remove = sites->addAction(tr("&Delete Site"), this, &MainWindow::deleteSelectedSite);
    remove->setObjectName("actionDeleteSite");
    remove->setShortcut(QKeySequence::Delete);
    // Keep Help last.
    QList<QAction *> menus = menuBar()->actions();
    QAction *help = menus.at(menus.size() - 3);
    menuBar()->removeAction(help);
    menuBar()->addAction(help);
}

void MainWindow::editWeights()
{
    if (!m_scoring->isValid()) {
        QMessageBox::warning(this, tr("Score Weights"), m_scoring->error());
        return;
    }
    QList<ui::WeightRow> rows;
    for (const ScoringFactor &f : m_scoring->model().factors)
        rows.append({f.id, f.name, f.weight, f.why, f.reachKm, f.reachWhy});
    auto *dialog = new ui::WeightsDialog(rows, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ui::WeightsDialog::weightChanged, m_scoring, &ScoringSettings::setWeight);
    connect(dialog, &ui::WeightsDialog::reachChanged, m_scoring, &ScoringSettings::setReach);
    connect(dialog, &ui::WeightsDialog::resetRequested, m_scoring,
            &ScoringSettings::resetToDefaults);
    // The boxes follow the project's weights: a reset, an undo or another project.
    connect(m_scoring, &ScoringSettings::changed, dialog, [this, dialog] {
        for (const ScoringFactor &f : m_scoring->model().factors) {
            if (auto *box = dialog->spinBox(f.id); box && box->value() != f.weight) {
                const QSignalBlocker block(box);
                box->setValue(f.weight);
            }
            auto *reach = dialog->reachBox(f.id);
            if (reach && f.reachKm && reach->value() != *f.reachKm) {
                const QSignalBlocker block(reach);
                reach->setValue(*f.reachKm);
            }
        }
    });
    dialog->show();
}

void MainWindow::addLayers()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
            this, tr("Add Layers"), QString(),
            tr("Geodata and grid cases (*.gpkg *.shp *.geojson *.json *.kml *.fgb *.csv *.tif "
               "*.tiff *.vrt *.m);;MATPOWER grid case with its bus-location table (*.m *.csv);;"
               "All files (*)"));
    // A case chosen with its bus-location table (a CSV of bus, lat, lon) is one layer.
    if (!paths.isEmpty())
        m_map->addLayerFiles(paths);
}

void MainWindow::exportHeatmap()
{
    const QString folder = m_document->filePath().isEmpty()
            ? QDir::homePath()
            : QFileInfo(m_document->filePath()).absolutePath();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Heatmap"),
                                                      QDir(folder).filePath("suitability.tif"),
                                                      tr("GeoTIFF (*.tif *.tiff)"));
    if (path.isEmpty())
        return;
    if (!m_heatmap->exportView(path, this))
        QMessageBox::information(this, tr("Export Heatmap"), tr("An export is running already."));
}

void MainWindow::makeDistanceRaster()
{
    const qint64 id = m_layerPanel->currentLayer();
    const auto loaded = m_map->layers()->layer(id);
    if (!loaded || !loaded->vector) {
        QMessageBox::information(this, tr("Distance Raster"),
                                 tr("Select a vector layer in the Layers dock first (lines, "
                                    "points or areas); the raster measures the distance to its "
                                    "nearest feature."));
        return;
    }
    const QSize size = m_canvas->size();
    const QPointF a = m_canvas->view().screenToLonLat(QPointF(0, 0));
    const QPointF b = m_canvas->view().screenToLonLat(QPointF(size.width(), size.height()));
    const QRectF extent = QRectF(a, b).normalized();
    bool ok = false;
    const double pixel = QInputDialog::getDouble(
            this, tr("Distance Raster"),
            tr("Pixel size in metres (the raster covers the view, in the UTM zone of its "
               "centre):"),
            suggestedPixelMetres(extent), 1.0, 100000.0, 0, &ok);
    if (!ok)
        return;
    const QString name = QString::fromStdString(loaded->ref.name);
    const QString folder = m_document->filePath().isEmpty()
            ? QDir::homePath()
            : QFileInfo(m_document->filePath()).absolutePath();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Distance Raster"),
                                                      QDir(folder).filePath(name + "-distance.tif"),
                                                      tr("GeoTIFF (*.tif *.tiff)"));
    if (path.isEmpty())
        return;
    DistanceRasterRequest request;
    request.source = loaded->vector->metadata().source;
    request.layerName = loaded->vector->metadata().name;
    request.lonLatExtent = extent;
    request.pixelMetres = pixel;
    request.outputPath = path;
    if (const maps::Status started = m_distance->start(request); !started)
        QMessageBox::warning(this, tr("Distance Raster"), maps::errorText(started.error()));
}

void MainWindow::renameSelectedSite()
{
    const qint64 id = m_sites->selectedSite();
    auto site = m_document->site(id);
    if (!site) {
        statusBar()->showMessage(tr("Select a site first (click it on the map)."), 5000);
        return;
    }
    bool ok = false;
    const QString name =
            QInputDialog::getText(this, tr("Rename Site"), tr("Name:"), QLineEdit::Normal,
                                  QString::fromStdString(site->name), &ok);
    if (ok)
        planner::commands::renameSite(*m_document, id, name);
}

void MainWindow::deleteSelectedSite()
{
    const qint64 id = m_sites->selectedSite();
    if (!planner::commands::removeSite(*m_document, id))
        statusBar()->showMessage(tr("Select a site first (click it on the map)."), 5000);
    else
        m_sites->select(0);
}

} // namespace app
