// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Joins the document, the loaded map layers, the map canvas and the layer panel: it keeps the
// canvas's scene and site markers current, turns the panel's and the tools' requests into undo
// commands, and owns the map tools. GUI thread only; owned by the main window.

#include "app/maplayers.h"
#include "maps/vector/vectorloader.h"

#include <QObject>
#include <QTimer>

#include <functional>

class QAction;
class QActionGroup;

namespace planner {
class Document;
}

namespace ui {
struct IdentifiedFeature;
class IdentifyDialog;
class LayerPanel;
class MapCanvas;
class PointTool;
class PolygonTool;
class SiteTool;
} // namespace ui

namespace app {

class MapController : public QObject
{
    Q_OBJECT
public:
    MapController(planner::Document *doc, ui::MapCanvas *canvas, ui::LayerPanel *panel,
                  QObject *parent = nullptr);

    MapLayers *layers() const { return m_layers; }
    ui::SiteTool *siteTool() const { return m_siteTool; }
    ui::PointTool *addSiteTool() const { return m_addSiteTool; }
    ui::PointTool *identifyTool() const { return m_identifyTool; }
    ui::PolygonTool *parcelTool() const { return m_parcelTool; }
    QActionGroup *toolActions() const { return m_toolActions; }

    // Adds files as layers (one undo command each); returns how many were added. A file with
    // several layers asks the layer chooser which ones, each becoming a layer.
    int addLayerFiles(const QStringList &paths);
    // Which layers of a multi-layer file to add (empty: none); by default the chooser dialog.
    using LayerChooser = std::function<QStringList(const QString &path,
                                                   const QList<maps::VectorLayerInfo> &layers)>;
    void setLayerChooser(LayerChooser chooser) { m_chooseLayers = std::move(chooser); }
    void zoomToLayer(qint64 id);
    void zoomToAll(); // the visible layers that have loaded
    // Zooms to all layers once none is loading any more (a project just opened).
    void zoomToAllWhenLoaded();
    // Adds the heatmap's legend below the grid cases' (while the heatmap is shown).
    void setHeatmapLegend(bool shown);
    // Gives a layer without a coordinate system the user's choice (one undo command).
    bool setLayerCrs(qint64 id, const QString &crs);
    // Asks the user where a layer's file is now (a file dialog), then relocateLayer() (or
    // setLayerLocations() when what is missing is a grid case's bus-location table).
    void locateLayer(qint64 id);
    // Points a layer at path, e.g. a missing file found elsewhere (one undo command); the layer
    // then loads from there and the project saves the new path.
    bool relocateLayer(qint64 id, const QString &path);
    // Asks for a grid case's bus-location table (a file dialog), then setLayerLocations().
    void chooseLayerLocations(qint64 id);
    // Gives a grid case layer its bus-location table (one undo command).
    bool setLayerLocations(qint64 id, const QString &path);
    // The bundled demo region's folder and attribution line: the map shows that line while a
    // layer from that folder is in the project (layerattribution.h).
    void setDemoAttribution(const QString &demoDir, const QString &attribution);
    // What the visible layers hold at a point: features within toleranceM (polygons containing
    // it) with their attributes, and raster values.
    QList<ui::IdentifiedFeature> identifyAt(double longitude, double latitude,
                                            double toleranceM) const;

signals:
    void message(const QString &text, int timeoutMs);
    void siteSelected(qint64 id);
    // While a site is dragged: its id and the position under the mouse.
    void siteDragged(qint64 id, double longitude, double latitude);
    void siteDragEnded(qint64 id);
    // A layer's source has no coordinate system; the user should choose one (setLayerCrs).
    void crsNeeded(qint64 id, const QString &message);
    // A grid case has no bus-location table; the user should choose one (setLayerLocations).
    void locationsNeeded(qint64 id, const QString &message);

private:
    // The layers of a file to add: {""} for a file with one layer (or a raster).
    QStringList layersToAdd(const QString &path) const;
    void updatePanel();
    void updateMarkers();
    void updateScene();
    void updateLegend();
    QAction *toolAction(const QString &name, const QString &text, const QKeySequence &key,
                        QObject *tool);

    planner::Document *m_doc;
    ui::MapCanvas *m_canvas;
    ui::LayerPanel *m_panel;
    MapLayers *m_layers;
    LayerChooser m_chooseLayers;
    QString m_demoDir;
    QString m_demoAttribution;
    ui::SiteTool *m_siteTool;
    ui::PointTool *m_addSiteTool;
    ui::PointTool *m_identifyTool;
    ui::PolygonTool *m_parcelTool;
    ui::IdentifyDialog *m_identifyDialog = nullptr;
    QActionGroup *m_toolActions;
    QTimer m_panelTimer;
    bool m_heatmapLegend = false;
    bool m_zoomWhenLoaded = false;
};

} // namespace app
