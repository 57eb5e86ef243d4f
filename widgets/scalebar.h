// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The map's scale bar: a round ground distance (1, 2 or 5 × 10^n metres) whose bar fits in a
// given width, and its label. Pure functions; the canvas paints the result.

#include <QString>

class QPainter;
class QPointF;

namespace ui {

struct ScaleBar
{
    double metres = 0.0; // ground length of the bar
    double pixels = 0.0; // its length on screen
    QString label; // "500 m", "20 km"
};

// metresPerPixel: ground distance of one screen pixel at the bar's position. Returns an empty
// bar (pixels == 0) when metresPerPixel is not a positive finite number.
ScaleBar scaleBarFor(double metresPerPixel, double maxPixels);

// Paints a bar with its label, its left end at origin (bottom-left of the bar).
void paintScaleBar(QPainter &painter, const QPointF &origin, const ScaleBar &bar);

} // namespace ui
