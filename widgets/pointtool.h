// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A tool that reports where the user clicked (add a site, identify a feature); a drag pans.
// The owner connects clicked() to what the click means.

#include "widgets/maptool.h"

#include <QPointF>

namespace ui {

class PointTool : public MapTool
{
    Q_OBJECT
public:
    PointTool(MapCanvas *canvas, Qt::CursorShape shape);

    QCursor cursor() const override { return m_shape; }
    void press(QMouseEvent *event) override;
    void move(QMouseEvent *event) override;
    void release(QMouseEvent *event) override;

signals:
    void clicked(double longitude, double latitude, QPointF screen);

private:
    Qt::CursorShape m_shape;
    QPointF m_pressAt;
    bool m_pressed = false;
};

} // namespace ui
