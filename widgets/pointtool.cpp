// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/pointtool.h"

#include "widgets/mapcanvas.h"

#include <QMouseEvent>

namespace ui {
namespace {
constexpr double kClickSlop = 4.0; // pixels a click may wander before it becomes a pan
}

PointTool::PointTool(MapCanvas *canvas, Qt::CursorShape shape) : MapTool(canvas), m_shape(shape)
{}

void PointTool::press(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_pressed = true;
    m_pressAt = event->position();
}

void PointTool::move(QMouseEvent *event)
{
    if (continuePan(event))
        return;
    if (m_pressed && (event->position() - m_pressAt).manhattanLength() > kClickSlop) {
        m_pressed = false;
        startPan(event);
        canvas()->panBy(event->position() - m_pressAt);
    }
}

void PointTool::release(QMouseEvent *event)
{
    if (finishPan(event) || !m_pressed || event->button() != Qt::LeftButton)
        return;
    m_pressed = false;
    const QPointF lonLat = canvas()->view().screenToLonLat(event->position());
    emit clicked(lonLat.x(), lonLat.y(), event->position());
}

} // namespace ui
