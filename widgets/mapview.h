// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What part of the world the canvas shows: a centre and a scale in Web Mercator (EPSG:3857)
// metres, and a size in pixels. Converts between screen pixels, map metres and WGS 84 lon/lat.
// A plain value: the canvas hands a copy to each render job.

#include <QPointF>
#include <QRectF>
#include <QSize>

namespace ui {

struct GeoRect
{
    double west = 0.0, south = 0.0, east = 0.0, north = 0.0; // degrees
    bool isValid() const { return east > west && north > south; }
};

class MapView
{
public:
    MapView() = default;
    MapView(QPointF centre, double metresPerPixel, QSize size)
        : m_centre(centre), m_metresPerPixel(metresPerPixel), m_size(size)
    {}

    static QPointF toMercator(double lon, double lat);
    static QPointF toLonLat(const QPointF &mercator);

    QPointF centre() const { return m_centre; } // EPSG:3857 metres
    double metresPerPixel() const { return m_metresPerPixel; } // projected metres
    QSize size() const { return m_size; }
    void setSize(QSize size) { m_size = size; }
    void setCentre(QPointF centre) { m_centre = centre; }

    QPointF mapToScreen(const QPointF &mercator) const;
    QPointF screenToMap(const QPointF &screen) const;
    QPointF lonLatToScreen(double lon, double lat) const;
    QPointF screenToLonLat(const QPointF &screen) const;
    QRectF mapExtent() const; // the visible extent in EPSG:3857 metres
    GeoRect geoExtent() const;

    // Ground metres per pixel at a latitude (Mercator stretches by 1 / cos(latitude)).
    double groundMetresPerPixel(double latitude) const;

    // Zooms by factor (> 1 zooms in) keeping the map point under `screen` where it is.
    void zoomAbout(const QPointF &screen, double factor);
    // Moves the map by a screen offset (the content follows the mouse).
    void panBy(const QPointF &screenDelta);
    // Fits a lon/lat rectangle with a margin in pixels on each side.
    void fit(const GeoRect &rect, double marginPixels = 20.0);

private:
    QPointF m_centre;
    double m_metresPerPixel = 1000.0;
    QSize m_size{800, 600};
};

} // namespace ui
