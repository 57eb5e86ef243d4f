// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Draws a parcel outline: each click adds a vertex, the mouse shows the next edge, Enter or a
// double click finishes (three vertices at least), Backspace removes the last vertex and Escape
// cancels. Emits the outline in lon/lat; the owner makes the site.

#include "widgets/maptool.h"

#include <QList>
#include <QPointF>

namespace ui {

class PolygonTool : public MapTool
{
    Q_OBJECT
public:
    explicit PolygonTool(MapCanvas *canvas);

    QCursor cursor() const override { return Qt::CrossCursor; }
    void press(QMouseEvent *event) override;
    void move(QMouseEvent *event) override;
    void release(QMouseEvent *event) override;
    void doubleClick(QMouseEvent *event) override;
    bool key(QKeyEvent *event) override;
    void paint(QPainter &painter) override;
    void deactivate() override;

    const QList<QPointF> &vertices() const { return m_vertices; }

signals:
    void finished(const QList<QPointF> &outline);

private:
    void finish();

    QList<QPointF> m_vertices; // lon/lat
    QPointF m_hover; // screen
    bool m_hovering = false;
};

} // namespace ui
