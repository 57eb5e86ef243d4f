// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What part of the map a canvas shows: centre and scale in the map CRS, size in pixels.
// A small immutable value (copy it freely, also to render threads). Map y grows upwards,
// pixel y downwards; pixel (0, 0) is the top-left corner of the top-left pixel.

#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QString>

namespace maps {

class Viewport
{
public:
    Viewport() = default;
    // scale: map units per pixel (> 0); crs: "EPSG:3857", "EPSG:4326", WKT or PROJ string.
    Viewport(QPointF center, double scale, QSize size, QString crs);

    // The viewport of `size` pixels showing all of `extent` (map units), with a relative margin.
    static Viewport fitting(const QRectF &extent, QSize size, QString crs, double margin = 0.05);

    QPointF center() const { return m_center; }
    double scale() const { return m_scale; }
    QSize size() const { return m_size; }
    const QString &crs() const { return m_crs; }
    bool isValid() const { return m_scale > 0.0 && !m_size.isEmpty(); }

    // The visible rectangle in map units: left() = west, top() = south, bottom() = north.
    QRectF extent() const;
    QPointF toPixel(QPointF map) const
    {
        return {(map.x() - m_center.x()) / m_scale + 0.5 * m_size.width(),
                (m_center.y() - map.y()) / m_scale + 0.5 * m_size.height()};
    }
    QPointF toMap(QPointF pixel) const
    {
        return {m_center.x() + (pixel.x() - 0.5 * m_size.width()) * m_scale,
                m_center.y() - (pixel.y() - 0.5 * m_size.height()) * m_scale};
    }

    Viewport withCenter(QPointF center) const;
    Viewport withSize(QSize size) const;
    Viewport withScale(double scale) const;
    // Moves the map with the mouse: the map point under a pixel moves by `pixels`.
    Viewport pannedByPixels(QPointF pixels) const;
    // Zooms by `factor` (> 1 zooms in) keeping the map point under `anchorPixel` in place.
    Viewport zoomedBy(double factor, QPointF anchorPixel) const;

    bool operator==(const Viewport &o) const = default;

private:
    QPointF m_center;
    double m_scale = 0.0;
    QSize m_size;
    QString m_crs;
};

} // namespace maps
