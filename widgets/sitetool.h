// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Select and move sites. Press on a marker selects it; dragging moves the marker on screen and
// emits dragged() on every mouse move (the live score follows); release emits dropped() once,
// where the owner makes the one undo command. A press elsewhere pans. Escape cancels a drag.

#include "widgets/maptool.h"

#include <QPointF>

namespace ui {

class SiteTool : public MapTool
{
    Q_OBJECT
public:
    explicit SiteTool(MapCanvas *canvas);

    QCursor cursor() const override { return Qt::ArrowCursor; }
    void press(QMouseEvent *event) override;
    void move(QMouseEvent *event) override;
    void release(QMouseEvent *event) override;
    bool key(QKeyEvent *event) override;
    void deactivate() override;

    bool isDragging() const { return m_dragged != 0; }

signals:
    void selected(qint64 id);
    void dragStarted(qint64 id);
    void dragged(qint64 id, double longitude, double latitude);
    void dropped(qint64 id, double longitude, double latitude);
    void dragCancelled(qint64 id);

private:
    void cancel();

    qint64 m_dragged = 0;
    bool m_moved = false;
    QPointF m_grabOffset; // marker position minus press position, in pixels
    QPointF m_startLonLat; // where the marker was before the drag
};

} // namespace ui
