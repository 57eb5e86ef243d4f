// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/maptool.h"

#include "widgets/mapcanvas.h"

#include <QMouseEvent>

namespace ui {

MapTool::MapTool(MapCanvas *canvas) : QObject(canvas), m_canvas(canvas)
{}

void MapTool::press(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        startPan(event);
}

void MapTool::move(QMouseEvent *event)
{
    continuePan(event);
}

void MapTool::release(QMouseEvent *event)
{
    finishPan(event);
}

void MapTool::doubleClick(QMouseEvent *)
{}

bool MapTool::key(QKeyEvent *)
{
    return false;
}

void MapTool::paint(QPainter &)
{}

void MapTool::startPan(QMouseEvent *event)
{
    m_panning = true;
    m_last = event->position();
    m_canvas->setCursor(Qt::ClosedHandCursor);
}

bool MapTool::continuePan(QMouseEvent *event)
{
    if (!m_panning)
        return false;
    m_canvas->panBy(event->position() - m_last);
    m_last = event->position();
    return true;
}

bool MapTool::finishPan(QMouseEvent *event)
{
    if (!m_panning)
        return false;
    continuePan(event);
    m_panning = false;
    m_canvas->setCursor(cursor());
    m_canvas->refresh(); // the full render comes on release
    return true;
}

} // namespace ui
