// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/mapview.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ui {
namespace {

constexpr double kRadius = 6378137.0; // WGS 84 semi-major axis, as EPSG:3857 uses
constexpr double kMaxLatitude = 85.05112878;
constexpr double kMinMetresPerPixel = 0.05;
constexpr double kMaxMetresPerPixel = 200000.0;

double degToRad(double d)
{
    return d * std::numbers::pi / 180.0;
}

} // namespace

QPointF MapView::toMercator(double lon, double lat)
{
    const double clamped = std::clamp(lat, -kMaxLatitude, kMaxLatitude);
    return {kRadius * degToRad(lon),
            kRadius * std::log(std::tan(std::numbers::pi / 4.0 + degToRad(clamped) / 2.0))};
}

QPointF MapView::toLonLat(const QPointF &m)
{
    const double lon = m.x() / kRadius * 180.0 / std::numbers::pi;
    const double lat = (2.0 * std::atan(std::exp(m.y() / kRadius)) - std::numbers::pi / 2.0) * 180.0
            / std::numbers::pi;
    return {lon, lat};
}

QPointF MapView::mapToScreen(const QPointF &m) const
{
    return {(m.x() - m_centre.x()) / m_metresPerPixel + m_size.width() / 2.0,
            (m_centre.y() - m.y()) / m_metresPerPixel + m_size.height() / 2.0};
}

QPointF MapView::screenToMap(const QPointF &s) const
{
    return {m_centre.x() + (s.x() - m_size.width() / 2.0) * m_metresPerPixel,
            m_centre.y() - (s.y() - m_size.height() / 2.0) * m_metresPerPixel};
}

QPointF MapView::lonLatToScreen(double lon, double lat) const
{
    return mapToScreen(toMercator(lon, lat));
}

QPointF MapView::screenToLonLat(const QPointF &screen) const
{
    return toLonLat(screenToMap(screen));
}

QRectF MapView::mapExtent() const
{
    const QPointF topLeft = screenToMap({0.0, 0.0});
    const QPointF bottomRight = screenToMap({double(m_size.width()), double(m_size.height())});
    return QRectF(QPointF(topLeft.x(), bottomRight.y()), QPointF(bottomRight.x(), topLeft.y()));
}

GeoRect MapView::geoExtent() const
{
    const QRectF e = mapExtent();
    const QPointF sw = toLonLat(e.topLeft());
    const QPointF ne = toLonLat(e.bottomRight());
    return {sw.x(), sw.y(), ne.x(), ne.y()};
}

double MapView::groundMetresPerPixel(double latitude) const
{
    return m_metresPerPixel * std::cos(degToRad(std::clamp(latitude, -kMaxLatitude, kMaxLatitude)));
}

void MapView::zoomAbout(const QPointF &screen, double factor)
{
    if (!(factor > 0.0) || !std::isfinite(factor))
        return;
    const QPointF anchor = screenToMap(screen);
    m_metresPerPixel =
            std::clamp(m_metresPerPixel / factor, kMinMetresPerPixel, kMaxMetresPerPixel);
    // Put the anchor back under the same screen position.
    const QPointF moved = screenToMap(screen);
    m_centre += anchor - moved;
}

void MapView::panBy(const QPointF &d)
{
    m_centre -= QPointF(d.x() * m_metresPerPixel, -d.y() * m_metresPerPixel);
}

void MapView::fit(const GeoRect &rect, double margin)
{
    if (!rect.isValid())
        return;
    const QPointF sw = toMercator(rect.west, rect.south);
    const QPointF ne = toMercator(rect.east, rect.north);
    const double w = std::max(1.0, m_size.width() - 2.0 * margin);
    const double h = std::max(1.0, m_size.height() - 2.0 * margin);
    m_metresPerPixel = std::clamp(std::max((ne.x() - sw.x()) / w, (ne.y() - sw.y()) / h),
                                  kMinMetresPerPixel, kMaxMetresPerPixel);
    m_centre = (sw + ne) / 2.0;
}

} // namespace ui
