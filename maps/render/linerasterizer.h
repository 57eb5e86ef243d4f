// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fast thin-line drawing straight into a 32-bit QImage, for dense overviews (hundreds of
// thousands of segments) where QPainter's general stroker costs too much. No antialiasing;
// width 1 or 2 pixels; opaque colours. Works on any thread, on an image the caller owns.

#include <QImage>
#include <QLineF>

#include <span>

namespace maps {

// `image` must be Format_ARGB32_Premultiplied or Format_RGB32; lines are clipped to it.
void drawThinLines(QImage &image, std::span<const QLineF> lines, QRgb color, int width);
void drawPixels(QImage &image, std::span<const QPointF> points, QRgb color);

} // namespace maps
