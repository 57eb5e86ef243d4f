// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/mapcanvas.h"
#include "widgets/filedrop.h"

#include "widgets/maptool.h"
#include "widgets/scalebar.h"

#include <QDragEnterEvent>
#include <QFontMetricsF>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace ui {
namespace {

constexpr double kWheelStep = 1.25; // zoom factor per wheel notch
constexpr double kKeyPanShare = 0.25; // share of the view an arrow key pans
constexpr double kMarkerRadius = 7.0;
constexpr int kRenderDelayMs = 120; // quiet time after zooming before the full render

} // namespace

MapCanvas::MapCanvas(QWidget *parent) : QWidget(parent)
{
    setObjectName("mapCanvas");
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    setAcceptDrops(true);
    m_renderTimer.setSingleShot(true);
    connect(&m_renderTimer, &QTimer::timeout, this, &MapCanvas::startRender);
    connect(&m_watcher, &QFutureWatcher<QImage>::finished, this, &MapCanvas::renderDone);
}

MapCanvas::~MapCanvas()
{
    m_watcher.waitForFinished();
}

void MapCanvas::setView(const MapView &view)
{
    m_view = view;
    m_view.setSize(size());
    update();
    emit viewChanged();
    refresh();
}

void MapCanvas::setRenderFunction(RenderFunction render)
{
    m_render = std::move(render);
    refresh();
}

void MapCanvas::setLegend(const QList<LegendSection> &sections)
{
    if (sections == m_legend)
        return;
    m_legend = sections;
    update();
}

void MapCanvas::setAttribution(const QString &text)
{
    m_attribution = text;
    update();
}

void MapCanvas::refresh()
{
    ++m_generation;
    m_renderTimer.start(0);
}

void MapCanvas::startRender()
{
    if (!m_render)
        return;
    if (m_watcher.isRunning()) {
        // The newest request wins: render again as soon as the running job returns.
        return;
    }
    m_runningGeneration = m_generation;
    m_runningView = m_view;
    m_watcher.setFuture(
            QtConcurrent::run([render = m_render, view = m_view] { return render(view); }));
}

void MapCanvas::renderDone()
{
    m_image = m_watcher.result();
    m_imageView = m_runningView;
    m_renderedGeneration = m_runningGeneration;
    update();
    if (m_runningGeneration != m_generation)
        m_renderTimer.start(0);
    else
        emit renderFinished();
}

void MapCanvas::panBy(const QPointF &screenDelta)
{
    m_view.panBy(screenDelta);
    update(); // the last image moves; the full render comes on release
    emit viewChanged();
}

void MapCanvas::zoomAbout(const QPointF &screen, double factor)
{
    m_view.zoomAbout(screen, factor);
    update();
    emit viewChanged();
    ++m_generation;
    m_renderTimer.start(kRenderDelayMs);
}

void MapCanvas::zoomTo(const GeoRect &extent)
{
    if (!extent.isValid())
        return;
    m_view.setSize(size());
    m_view.fit(extent);
    update();
    emit viewChanged();
    refresh();
}

void MapCanvas::setTool(MapTool *tool)
{
    if (m_tool == tool)
        return;
    if (m_tool)
        m_tool->deactivate();
    m_tool = tool;
    setCursor(tool ? tool->cursor() : QCursor(Qt::ArrowCursor));
    update();
}

MapTool *MapCanvas::tool() const
{
    return m_tool.data();
}

void MapCanvas::setSites(const QList<SiteMarker> &sites)
{
    m_sites = sites;
    update();
}

void MapCanvas::moveSiteMarker(qint64 id, double longitude, double latitude)
{
    for (SiteMarker &s : m_sites) {
        if (s.id == id) {
            const QPointF delta(longitude - s.longitude, latitude - s.latitude);
            for (QPointF &p : s.outline)
                p += delta;
            s.longitude = longitude;
            s.latitude = latitude;
        }
    }
    update();
}

void MapCanvas::setSiteColour(qint64 id, const QColor &colour)
{
    for (SiteMarker &s : m_sites) {
        if (s.id == id)
            s.colour = colour;
    }
    update();
}

void MapCanvas::setSelectedSite(qint64 id)
{
    m_selected = id;
    update();
}

qint64 MapCanvas::siteAt(const QPointF &screen) const
{
    qint64 best = 0;
    double bestDistance = kMarkerRadius + 4.0;
    for (const SiteMarker &s : m_sites) {
        const QPointF p = m_view.lonLatToScreen(s.longitude, s.latitude);
        const double d = std::hypot(p.x() - screen.x(), p.y() - screen.y());
        if (d <= bestDistance) {
            bestDistance = d;
            best = s.id;
        }
    }
    return best;
}

void MapCanvas::setReadout(qint64 siteId, const QString &text, const QColor &colour)
{
    m_readoutSite = text.isEmpty() ? 0 : siteId;
    m_readout = text;
    m_readoutColour = colour;
    update();
}

void MapCanvas::setOverlay(const QImage &image, const GeoRect &extent, double opacity)
{
    m_overlay = image;
    m_overlayExtent = extent;
    m_overlayOpacity = opacity;
    update();
}

void MapCanvas::clearOverlay()
{
    m_overlay = QImage();
    update();
}

QRectF MapCanvas::screenRectOf(const GeoRect &e) const
{
    const QPointF nw = m_view.lonLatToScreen(e.west, e.north);
    const QPointF se = m_view.lonLatToScreen(e.east, e.south);
    return QRectF(nw, se);
}

void MapCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(236, 240, 243));
    if (!m_image.isNull()) {
        // Place the last image where its view's extent falls in the current view.
        const QRectF e = m_imageView.mapExtent();
        const QPointF topLeft = m_view.mapToScreen(QPointF(e.left(), e.bottom()));
        const QPointF bottomRight = m_view.mapToScreen(QPointF(e.right(), e.top()));
        painter.setRenderHint(QPainter::SmoothPixmapTransform,
                              m_imageView.metresPerPixel() == m_view.metresPerPixel());
        painter.drawImage(QRectF(topLeft, bottomRight), m_image);
    }
    if (!m_overlay.isNull() && m_overlayExtent.isValid()) {
        painter.setOpacity(m_overlayOpacity);
        painter.drawImage(screenRectOf(m_overlayExtent), m_overlay);
        painter.setOpacity(1.0);
    }

    painter.setRenderHint(QPainter::Antialiasing);
    for (const SiteMarker &s : m_sites) {
        if (s.outline.size() < 3)
            continue;
        QPolygonF ring;
        for (const QPointF &p : s.outline)
            ring << m_view.lonLatToScreen(p.x(), p.y());
        QColor fill = s.colour.isValid() ? s.colour : QColor(140, 140, 140);
        fill.setAlpha(70);
        painter.setPen(QPen(fill.darker(160), s.id == m_selected ? 2.5 : 1.5));
        painter.setBrush(fill);
        painter.drawPolygon(ring);
    }
    for (const SiteMarker &s : m_sites) {
        const QPointF p = m_view.lonLatToScreen(s.longitude, s.latitude);
        const bool selected = s.id == m_selected;
        painter.setPen(QPen(selected ? QColor(20, 20, 20) : Qt::white, selected ? 3.0 : 2.0));
        painter.setBrush(s.colour.isValid() ? s.colour : QColor(140, 140, 140));
        painter.drawEllipse(p, kMarkerRadius, kMarkerRadius);
        QPainterPath label;
        label.addText(p + QPointF(kMarkerRadius + 3.0, 4.0), font(), s.name);
        painter.setPen(QPen(QColor(255, 255, 255, 230), 3.0));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(label);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(20, 20, 20));
        painter.drawPath(label);
    }
    if (m_tool)
        m_tool->paint(painter);
    paintReadout(painter);

    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    // The attribution wraps onto as many lines as it needs; the rest sits above it.
    double attributionHeight = 0.0;
    if (!m_attribution.isEmpty()) {
        const QRectF text = QFontMetricsF(small).boundingRect(
                QRectF(0, 0, std::max(50, width() - 12), 1e4), Qt::TextWordWrap, m_attribution);
        attributionHeight = std::max(18.0, text.height() + 4.0);
    }
    const double centreLat = m_view.screenToLonLat(QPointF(width() / 2.0, height() / 2.0)).y();
    const ScaleBar bar = scaleBarFor(m_view.groundMetresPerPixel(centreLat), width() / 5.0);
    paintScaleBar(painter, QPointF(12.0, height() - attributionHeight - 10.0), bar);
    paintNorthArrow(painter);
    if (!m_legend.isEmpty())
        paintLegend(painter, QPointF(8.0, height() - attributionHeight - 34.0), m_legend, small,
                    std::min(300.0, width() / 3.0));

    if (!m_attribution.isEmpty()) {
        const QRectF box(0, height() - attributionHeight, width(), attributionHeight);
        painter.fillRect(box, QColor(255, 255, 255, 200));
        painter.setPen(QColor(60, 60, 60));
        painter.setFont(small);
        painter.drawText(box.adjusted(6, 0, -6, 0),
                         Qt::AlignVCenter | Qt::AlignRight | Qt::TextWordWrap, m_attribution);
    }
}

void MapCanvas::paintNorthArrow(QPainter &painter) const
{
    const QPointF tip(width() - 28.0, 14.0);
    QPainterPath arrow;
    arrow.moveTo(tip);
    arrow.lineTo(tip + QPointF(9.0, 26.0));
    arrow.lineTo(tip + QPointF(0.0, 20.0));
    arrow.lineTo(tip + QPointF(-9.0, 26.0));
    arrow.closeSubpath();
    painter.setPen(QPen(Qt::white, 2.0));
    painter.setBrush(QColor(30, 30, 30));
    painter.drawPath(arrow);
    painter.setPen(QColor(30, 30, 30));
    painter.drawText(QRectF(tip.x() - 10.0, tip.y() + 26.0, 20.0, 16.0), Qt::AlignCenter, "N");
}

void MapCanvas::paintReadout(QPainter &painter) const
{
    if (m_readout.isEmpty())
        return;
    QPointF anchor(width() / 2.0, height() / 2.0);
    for (const SiteMarker &s : m_sites) {
        if (s.id == m_readoutSite)
            anchor = m_view.lonLatToScreen(s.longitude, s.latitude);
    }
    const QFontMetrics fm(font());
    const QRect textRect = fm.boundingRect(QRect(0, 0, 360, 400), Qt::TextWordWrap, m_readout);
    QRectF box(anchor + QPointF(14.0, 14.0), QSizeF(textRect.size()) + QSizeF(16.0, 12.0));
    if (box.right() > width())
        box.moveRight(anchor.x() - 14.0);
    if (box.bottom() > height())
        box.moveBottom(anchor.y() - 14.0);
    painter.setPen(QPen(m_readoutColour.isValid() ? m_readoutColour : Qt::gray, 2.0));
    painter.setBrush(QColor(255, 255, 255, 235));
    painter.drawRoundedRect(box, 5.0, 5.0);
    painter.setPen(QColor(20, 20, 20));
    painter.drawText(box.adjusted(8, 6, -8, -6), Qt::TextWordWrap, m_readout);
}

void MapCanvas::resizeEvent(QResizeEvent *)
{
    m_view.setSize(size());
    refresh();
}

void MapCanvas::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    if (event->button() == Qt::MiddleButton) { // middle-drag pans in every tool
        m_middlePanning = true;
        m_panLast = event->position();
        return;
    }
    if (m_tool)
        m_tool->press(event);
}

void MapCanvas::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF lonLat = m_view.screenToLonLat(event->position());
    emit cursorMoved(lonLat.x(), lonLat.y(), m_view.screenToMap(event->position()));
    if (m_middlePanning) {
        panBy(event->position() - m_panLast);
        m_panLast = event->position();
        return;
    }
    if (m_tool)
        m_tool->move(event);
}

void MapCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton && m_middlePanning) {
        m_middlePanning = false;
        refresh();
        return;
    }
    if (m_tool)
        m_tool->release(event);
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (m_tool)
        m_tool->doubleClick(event);
}

void MapCanvas::wheelEvent(QWheelEvent *event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0.0)
        return;
    zoomAbout(event->position(), std::pow(kWheelStep, notches));
    event->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent *event)
{
    if (m_tool && m_tool->key(event))
        return;
    const QPointF centre(width() / 2.0, height() / 2.0);
    const double dx = width() * kKeyPanShare;
    const double dy = height() * kKeyPanShare;
    switch (event->key()) {
    case Qt::Key_Left:
        panBy({dx, 0.0});
        break;
    case Qt::Key_Right:
        panBy({-dx, 0.0});
        break;
    case Qt::Key_Up:
        panBy({0.0, dy});
        break;
    case Qt::Key_Down:
        panBy({0.0, -dy});
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_PageUp:
        zoomAbout(centre, 2.0);
        return;
    case Qt::Key_Minus:
    case Qt::Key_PageDown:
        zoomAbout(centre, 0.5);
        return;
    case Qt::Key_Home:
        zoomToFullExtent();
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    refresh();
}

void MapCanvas::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MapCanvas::dropEvent(QDropEvent *event)
{
    const QStringList paths = localFilesFrom(event->mimeData());
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        emit filesDropped(paths);
    }
}

} // namespace ui
