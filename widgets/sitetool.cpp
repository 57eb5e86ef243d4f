// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/sitetool.h"

#include "widgets/mapcanvas.h"

#include <QKeyEvent>
#include <QMouseEvent>

namespace ui {

SiteTool::SiteTool(MapCanvas *canvas) : MapTool(canvas)
{}

void SiteTool::press(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const qint64 id = canvas()->siteAt(event->position());
    if (id == 0) {
        startPan(event);
        return;
    }
    canvas()->setSelectedSite(id);
    emit selected(id);
    for (const SiteMarker &s : canvas()->sites()) {
        if (s.id == id) {
            m_startLonLat = QPointF(s.longitude, s.latitude);
            m_grabOffset =
                    canvas()->view().lonLatToScreen(s.longitude, s.latitude) - event->position();
        }
    }
    m_dragged = id;
    m_moved = false;
}

void SiteTool::move(QMouseEvent *event)
{
    if (continuePan(event) || m_dragged == 0)
        return;
    if (!m_moved) {
        m_moved = true;
        canvas()->setCursor(Qt::ClosedHandCursor);
        emit dragStarted(m_dragged);
    }
    const QPointF lonLat = canvas()->view().screenToLonLat(event->position() + m_grabOffset);
    canvas()->moveSiteMarker(m_dragged, lonLat.x(), lonLat.y());
    emit dragged(m_dragged, lonLat.x(), lonLat.y());
}

void SiteTool::release(QMouseEvent *event)
{
    if (finishPan(event) || m_dragged == 0)
        return;
    const qint64 id = m_dragged;
    m_dragged = 0;
    canvas()->setCursor(cursor());
    if (!m_moved)
        return;
    const QPointF lonLat = canvas()->view().screenToLonLat(event->position() + m_grabOffset);
    canvas()->moveSiteMarker(id, lonLat.x(), lonLat.y());
    emit dropped(id, lonLat.x(), lonLat.y());
}

bool SiteTool::key(QKeyEvent *event)
{
    if (event->key() != Qt::Key_Escape || m_dragged == 0)
        return false;
    cancel();
    return true;
}

void SiteTool::deactivate()
{
    if (m_dragged != 0)
        cancel();
}

void SiteTool::cancel()
{
    const qint64 id = m_dragged;
    m_dragged = 0;
    canvas()->moveSiteMarker(id, m_startLonLat.x(), m_startLonLat.y());
    canvas()->setCursor(cursor());
    if (m_moved)
        emit dragCancelled(id);
}

} // namespace ui
