// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/render/linerasterizer.h"

#include <algorithm>
#include <cmath>

namespace maps {

namespace {

// Liang-Barsky clipping of the segment to [0, w) x [0, h); false when nothing is left.
bool clip(double &x0, double &y0, double &x1, double &y1, double w, double h)
{
    const double dx = x1 - x0;
    const double dy = y1 - y0;
    double t0 = 0.0;
    double t1 = 1.0;
    const double maxX = w - 1e-6;
    const double maxY = h - 1e-6;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {x0, maxX - x0, y0, maxY - y0};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0) {
                return false;
            }
            continue;
        }
        const double r = q[i] / p[i];
        if (p[i] < 0.0) {
            t0 = std::max(t0, r);
        } else {
            t1 = std::min(t1, r);
        }
        if (t0 > t1) {
            return false;
        }
    }
    x1 = x0 + t1 * dx;
    y1 = y0 + t1 * dy;
    x0 = x0 + t0 * dx;
    y0 = y0 + t0 * dy;
    return true;
}

} // namespace

void drawThinLines(QImage &image, std::span<const QLineF> lines, QRgb color, int width)
{
    const int w = image.width();
    const int h = image.height();
    const qsizetype stride = image.bytesPerLine() / 4;
    auto *bits = reinterpret_cast<QRgb *>(image.bits());
    const QRgb c = qPremultiply(color);
    for (const QLineF &l : lines) {
        double x0 = l.x1();
        double y0 = l.y1();
        double x1 = l.x2();
        double y1 = l.y2();
        if (!clip(x0, y0, x1, y1, w, h)) {
            continue;
        }
        const double dx = x1 - x0;
        const double dy = y1 - y0;
        const bool steep = std::abs(dy) > std::abs(dx);
        const int n = int(std::ceil(std::max(std::abs(dx), std::abs(dy))));
        const double sx = n > 0 ? dx / n : 0.0;
        const double sy = n > 0 ? dy / n : 0.0;
        double x = x0;
        double y = y0;
        for (int i = 0; i <= n; ++i) {
            const int ix = std::clamp(int(x), 0, w - 1);
            const int iy = std::clamp(int(y), 0, h - 1);
            bits[iy * stride + ix] = c;
            if (width > 1) {
                // Thicken across the line: the next column for steep lines, the next row else.
                const int jx = steep ? std::min(ix + 1, w - 1) : ix;
                const int jy = steep ? iy : std::min(iy + 1, h - 1);
                bits[jy * stride + jx] = c;
            }
            x += sx;
            y += sy;
        }
    }
}

void drawPixels(QImage &image, std::span<const QPointF> points, QRgb color)
{
    const qsizetype stride = image.bytesPerLine() / 4;
    auto *bits = reinterpret_cast<QRgb *>(image.bits());
    const QRgb c = qPremultiply(color);
    for (const QPointF &p : points) {
        const int ix = int(std::floor(p.x()));
        const int iy = int(std::floor(p.y()));
        if (ix >= 0 && iy >= 0 && ix < image.width() && iy < image.height()) {
            bits[iy * stride + ix] = c;
        }
    }
}

} // namespace maps
