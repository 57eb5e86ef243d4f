// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/geo/viewport.h"

#include <algorithm>

namespace maps {

Viewport::Viewport(QPointF center, double scale, QSize size, QString crs)
    : m_center(center), m_scale(scale), m_size(size), m_crs(std::move(crs))
{}

Viewport Viewport::fitting(const QRectF &extent, QSize size, QString crs, double margin)
{
    if (size.isEmpty()) {
        return {};
    }
    const QRectF e = extent.normalized();
    const double sx = e.width() / size.width();
    const double sy = e.height() / size.height();
    double scale = std::max(sx, sy) * (1.0 + 2.0 * margin);
    if (!(scale > 0.0)) {
        scale = 1.0; // a single point: any scale shows it
    }
    return {e.center(), scale, size, std::move(crs)};
}

QRectF Viewport::extent() const
{
    const double w = m_size.width() * m_scale;
    const double h = m_size.height() * m_scale;
    return {m_center.x() - 0.5 * w, m_center.y() - 0.5 * h, w, h};
}

Viewport Viewport::withCenter(QPointF center) const
{
    Viewport v = *this;
    v.m_center = center;
    return v;
}

Viewport Viewport::withSize(QSize size) const
{
    Viewport v = *this;
    v.m_size = size;
    return v;
}

Viewport Viewport::withScale(double scale) const
{
    Viewport v = *this;
    v.m_scale = scale;
    return v;
}

Viewport Viewport::pannedByPixels(QPointF pixels) const
{
    return withCenter({m_center.x() - pixels.x() * m_scale, m_center.y() + pixels.y() * m_scale});
}

Viewport Viewport::zoomedBy(double factor, QPointF anchorPixel) const
{
    if (!(factor > 0.0)) {
        return *this;
    }
    const QPointF anchor = toMap(anchorPixel);
    Viewport v = withScale(m_scale / factor);
    // Keep `anchor` under the same pixel.
    const QPointF moved = v.toMap(anchorPixel);
    return v.withCenter(v.m_center + (anchor - moved));
}

} // namespace maps
