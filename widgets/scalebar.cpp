// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/scalebar.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace ui {

ScaleBar scaleBarFor(double metresPerPixel, double maxPixels)
{
    ScaleBar bar;
    if (!(metresPerPixel > 0.0) || !std::isfinite(metresPerPixel) || !(maxPixels > 0.0))
        return bar;
    const double maxMetres = metresPerPixel * maxPixels;
    const double decade = std::pow(10.0, std::floor(std::log10(maxMetres)));
    double metres = decade;
    for (double step : {5.0, 2.0, 1.0}) {
        if (step * decade <= maxMetres) {
            metres = step * decade;
            break;
        }
    }
    bar.metres = metres;
    bar.pixels = metres / metresPerPixel;
    bar.label = metres >= 1000.0 ? QStringLiteral("%1 km").arg(metres / 1000.0)
                                 : QStringLiteral("%1 m").arg(metres);
    return bar;
}

void paintScaleBar(QPainter &painter, const QPointF &origin, const ScaleBar &bar)
{
    if (bar.pixels <= 0.0)
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box(origin.x(), origin.y() - 6.0, bar.pixels, 6.0);
    painter.setPen(QPen(Qt::black, 1.0));
    painter.setBrush(Qt::white);
    painter.drawRect(box);
    painter.setBrush(Qt::black);
    painter.drawRect(QRectF(box.left(), box.top(), box.width() / 2.0, box.height()));
    QPainterPath text;
    text.addText(QPointF(box.left(), box.top() - 4.0), painter.font(), bar.label);
    painter.setPen(QPen(QColor(255, 255, 255, 220), 3.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(text);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    painter.drawPath(text);
    painter.restore();
}

} // namespace ui
