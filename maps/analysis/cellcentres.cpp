// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/analysis/cellcentres.h"

#include <cmath>
#include <numbers>

namespace maps {

CellCentres::CellCentres(RasterGrid grid, CrsTransform t)
    : m_grid(std::move(grid)), m_toLonLat(std::move(t))
{}

Expected<CellCentres> CellCentres::of(const RasterGrid &grid)
{
    auto t = CrsTransform::toLonLat(grid.crsWkt);
    if (!t)
        return t.error();
    CellCentres centres(grid, std::move(*t));
    if (!grid.crsWkt.isEmpty() && CrsTransform::sameCrs(grid.crsWkt, QStringLiteral("EPSG:3857"))) {
        // EPSG:3857 is a sphere of WGS 84's semi-major axis.
        constexpr double kDegrees = 180.0 / std::numbers::pi;
        centres.m_lon.resize(std::size_t(grid.width));
        for (int c = 0; c < grid.width; ++c)
            centres.m_lon[std::size_t(c)] = grid.pixelCentre(c, 0).x() / kWgs84A * kDegrees;
        centres.m_lat.resize(std::size_t(grid.height));
        for (int r = 0; r < grid.height; ++r) {
            const double y = grid.pixelCentre(0, r).y() / kWgs84A;
            centres.m_lat[std::size_t(r)] = std::atan(std::sinh(y)) * kDegrees;
        }
    }
    return centres;
}

std::optional<LonLat> CellCentres::at(int col, int row) const
{
    if (!m_lat.empty())
        return LonLat{m_lon[std::size_t(col)], m_lat[std::size_t(row)]};
    return m_toLonLat.applyToLonLat(m_grid.pixelCentre(col, row));
}

void CellCentres::row(int r, LonLat *out) const
{
    const int n = m_grid.width;
    if (!m_lat.empty()) {
        for (int c = 0; c < n; ++c)
            out[c] = LonLat{m_lon[std::size_t(c)], m_lat[std::size_t(r)]};
        return;
    }
    m_x.resize(std::size_t(n));
    m_y.resize(std::size_t(n));
    m_ok.resize(std::size_t(n));
    for (int c = 0; c < n; ++c) {
        const QPointF p = m_grid.pixelCentre(c, r);
        m_x[std::size_t(c)] = p.x();
        m_y[std::size_t(c)] = p.y();
    }
    m_toLonLat.apply(m_x.data(), m_y.data(), n, m_ok.data());
    for (std::size_t c = 0; c < std::size_t(n); ++c) {
        const bool ok = m_ok[c] && std::isfinite(m_x[c]) && std::isfinite(m_y[c]);
        out[c] = ok ? LonLat{m_x[c], m_y[c]} : LonLat{NAN, NAN};
    }
}

} // namespace maps
