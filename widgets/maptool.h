// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An interaction on the map canvas (pan, add a site, move a site, identify). The canvas forwards
// its mouse and key events to the active tool; a tool changes the canvas's view or emits what
// the user asked for, and never edits the document itself. Owned by whoever creates it (usually
// the main window); GUI thread only.

#include <QCursor>
#include <QObject>

class QKeyEvent;
class QMouseEvent;
class QPainter;

namespace ui {

class MapCanvas;

class MapTool : public QObject
{
    Q_OBJECT
public:
    explicit MapTool(MapCanvas *canvas);

    MapCanvas *canvas() const { return m_canvas; }
    virtual QCursor cursor() const { return Qt::ArrowCursor; }

    virtual void press(QMouseEvent *event);
    virtual void move(QMouseEvent *event);
    virtual void release(QMouseEvent *event);
    virtual void doubleClick(QMouseEvent *event);
    // Returns true when the tool used the key.
    virtual bool key(QKeyEvent *event);
    // Paints the tool's own overlay (a rubber band, a read-out) on top of the map.
    virtual void paint(QPainter &painter);
    virtual void deactivate() {}

protected:
    // Left-drag panning, shared by tools that pan when the press hits nothing of theirs.
    void startPan(QMouseEvent *event);
    bool continuePan(QMouseEvent *event);
    bool finishPan(QMouseEvent *event);

private:
    MapCanvas *m_canvas;
    bool m_panning = false;
    QPointF m_last;
};

} // namespace ui
