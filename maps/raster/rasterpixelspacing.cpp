// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/raster/rasterpixelspacing.h"

#include "maps/geo/crstransform.h"

#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace maps {

namespace {

constexpr double kA = 6378137.0;
constexpr double kF = 1.0 / 298.257223563;
constexpr double kE2 = kF * (2.0 - kF);
constexpr double kDegree = std::numbers::pi / 180.0;

} // namespace

RasterPixelSpacing::RasterPixelSpacing(const RasterGrid &grid) : m_grid(grid)
{
    OGRSpatialReference srs;
    if (CrsTransform::parseCrs(srs, grid.crsWkt)) {
        m_geographic = srs.IsGeographic();
        if (srs.IsProjected()) {
            m_unit = srs.GetLinearUnits();
        }
    }
}

std::pair<double, double> RasterPixelSpacing::metresAt(int row) const
{
    const double dx = std::abs(m_grid.pixelWidth);
    const double dy = std::abs(m_grid.pixelHeight);
    if (!m_geographic) {
        return {dx * m_unit, dy * m_unit};
    }
    const double lat = std::clamp(m_grid.pixelCentre(0, row).y(), -89.9, 89.9);
    return {dx * metresPerDegreeLongitude(lat), dy * metresPerDegreeLatitude(lat)};
}

double RasterPixelSpacing::metresPerDegreeLatitude(double latitude)
{
    const double s = std::sin(latitude * kDegree);
    const double w = 1.0 - kE2 * s * s;
    return kDegree * kA * (1.0 - kE2) / (w * std::sqrt(w));
}

double RasterPixelSpacing::metresPerDegreeLongitude(double latitude)
{
    const double s = std::sin(latitude * kDegree);
    return kDegree * kA * std::cos(latitude * kDegree) / std::sqrt(1.0 - kE2 * s * s);
}

} // namespace maps
