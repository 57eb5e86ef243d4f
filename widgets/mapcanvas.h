// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The map canvas: shows the image of the map layers, a suitability overlay, the sites as
// coloured markers, a scale bar, a north arrow, a legend (when the app gives one) and the
// attribution line. Rendering runs in a
// worker through the render function from a copy of the view; the newest request wins. While
// the view moves, the last image is shifted and scaled; the full render follows when it stops.
// Interactions are MapTool objects. GUI thread only.

#include "widgets/maplegend.h"
#include "widgets/mapview.h"

#include <QColor>
#include <QFutureWatcher>
#include <QImage>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace ui {

class MapTool;

struct SiteMarker
{
    qint64 id = 0;
    QString name;
    double longitude = 0.0;
    double latitude = 0.0;
    QColor colour;
    QList<QPointF> outline; // lon/lat vertices of a parcel; empty for a point site
};

class MapCanvas : public QWidget
{
    Q_OBJECT
public:
    // Draws the map layers for a view; runs in a worker thread, so it must only read data that
    // no one changes while it runs.
    using RenderFunction = std::function<QImage(const MapView &view)>;

    explicit MapCanvas(QWidget *parent = nullptr);
    ~MapCanvas() override;

    const MapView &view() const { return m_view; }
    void setView(const MapView &view);
    void setRenderFunction(RenderFunction render);
    void setAttribution(const QString &text);
    QString attribution() const { return m_attribution; }
    // Drawn in the lower left, above the scale bar; empty hides it.
    void setLegend(const QList<LegendSection> &sections);
    const QList<LegendSection> &legend() const { return m_legend; }

    // Schedules a full render of the current view (coalesced).
    void refresh();
    void panBy(const QPointF &screenDelta);
    void zoomAbout(const QPointF &screen, double factor);
    void zoomTo(const GeoRect &extent);
    void setFullExtent(const GeoRect &extent) { m_fullExtent = extent; }
    void zoomToFullExtent() { zoomTo(m_fullExtent); }

    void setTool(MapTool *tool);
    MapTool *tool() const;

    void setSites(const QList<SiteMarker> &sites);
    const QList<SiteMarker> &sites() const { return m_sites; }
    // Moves one marker on screen only (during a drag); the document is not touched.
    void moveSiteMarker(qint64 id, double longitude, double latitude);
    void setSiteColour(qint64 id, const QColor &colour);
    void setSelectedSite(qint64 id);
    qint64 selectedSite() const { return m_selected; }
    // The marker under a screen position (within a few pixels), or 0.
    qint64 siteAt(const QPointF &screen) const;

    // A floating read-out drawn next to a site (the live score while dragging); empty hides it.
    void setReadout(qint64 siteId, const QString &text, const QColor &colour);

    // An image covering a lon/lat rectangle drawn over the map, under the sites (a heatmap).
    void setOverlay(const QImage &image, const GeoRect &extent, double opacity = 0.6);
    void clearOverlay();

    bool isRendering() const { return m_watcher.isRunning(); }
    quint64 renderedGeneration() const { return m_renderedGeneration; }

signals:
    void cursorMoved(double longitude, double latitude, QPointF mercator);
    void viewChanged();
    void renderFinished();
    // Local files dropped on the map (from a file manager), to add as layers.
    void filesDropped(const QStringList &paths);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void startRender();
    void renderDone();
    void paintNorthArrow(QPainter &painter) const;
    void paintReadout(QPainter &painter) const;
    QRectF screenRectOf(const GeoRect &extent) const;

    MapView m_view;
    RenderFunction m_render;
    QTimer m_renderTimer;
    QFutureWatcher<QImage> m_watcher;
    quint64 m_generation = 0;
    quint64 m_runningGeneration = 0;
    quint64 m_renderedGeneration = 0;
    MapView m_runningView;
    QImage m_image;
    MapView m_imageView;
    QString m_attribution;
    QList<LegendSection> m_legend;
    GeoRect m_fullExtent;
    QPointer<MapTool> m_tool;
    bool m_middlePanning = false;
    QPointF m_panLast;
    QList<SiteMarker> m_sites;
    qint64 m_selected = 0;
    qint64 m_readoutSite = 0;
    QString m_readout;
    QColor m_readoutColour;
    QImage m_overlay;
    GeoRect m_overlayExtent;
    double m_overlayOpacity = 0.6;
};

} // namespace ui
