// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/polygontool.h"

#include "widgets/mapcanvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

namespace ui {

PolygonTool::PolygonTool(MapCanvas *canvas) : MapTool(canvas)
{}

void PolygonTool::press(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_vertices.append(canvas()->view().screenToLonLat(event->position()));
}

void PolygonTool::move(QMouseEvent *event)
{
    m_hover = event->position();
    m_hovering = true;
    if (!m_vertices.isEmpty())
        canvas()->update();
}

void PolygonTool::release(QMouseEvent *)
{}

void PolygonTool::doubleClick(QMouseEvent *)
{
    // The double click's presses already added the last vertex (maybe twice).
    finish();
}

bool PolygonTool::key(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        finish();
        return true;
    case Qt::Key_Escape:
        m_vertices.clear();
        canvas()->update();
        return true;
    case Qt::Key_Backspace:
        if (!m_vertices.isEmpty())
            m_vertices.removeLast();
        canvas()->update();
        return true;
    default:
        return false;
    }
}

void PolygonTool::finish()
{
    // Drop vertices that repeat the previous one within a pixel (double clicks add them).
    QList<QPointF> outline;
    for (const QPointF &v : std::as_const(m_vertices)) {
        if (!outline.isEmpty()) {
            const QPointF a =
                    canvas()->view().lonLatToScreen(outline.last().x(), outline.last().y());
            const QPointF b = canvas()->view().lonLatToScreen(v.x(), v.y());
            if ((a - b).manhattanLength() < 2.0)
                continue;
        }
        outline.append(v);
    }
    m_vertices.clear();
    canvas()->update();
    if (outline.size() >= 3)
        emit finished(outline);
}

void PolygonTool::paint(QPainter &painter)
{
    if (m_vertices.isEmpty())
        return;
    QPolygonF line;
    for (const QPointF &v : std::as_const(m_vertices))
        line << canvas()->view().lonLatToScreen(v.x(), v.y());
    if (m_hovering)
        line << m_hover;
    painter.setPen(QPen(QColor(20, 90, 200), 2.0, Qt::DashLine));
    painter.setBrush(QColor(20, 90, 200, 40));
    painter.drawPolygon(line);
    painter.setBrush(Qt::white);
    for (const QPointF &v : std::as_const(m_vertices))
        painter.drawEllipse(canvas()->view().lonLatToScreen(v.x(), v.y()), 3.0, 3.0);
}

void PolygonTool::deactivate()
{
    m_vertices.clear();
}

} // namespace ui
