// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Lon/lat of the cell centres of a grid, for per-cell queries (the nearest line or substation
// of a far cell, the nearest grid bus of every cell). On a Web Mercator grid (the heatmap's)
// longitude depends on the column only and latitude on the row only: both come from the
// closed-form inverse, worked out once per column and row. Any other CRS goes through PROJ,
// a whole row per call. One object per thread: row() keeps scratch buffers.

#include "maps/geo/crstransform.h"
#include "maps/geo/geodesic.h"
#include "maps/io/expected.h"
#include "maps/raster/rastergrid.h"

#include <optional>
#include <utility>
#include <vector>

namespace maps {

class CellCentres
{
public:
    static Expected<CellCentres> of(const RasterGrid &grid);

    std::optional<LonLat> at(int col, int row) const;
    // The centres of row r (grid.width of them); one outside the coordinate system is NaN.
    void row(int r, LonLat *out) const;
    // On a Web Mercator grid a cell's longitude is its column's and its latitude its row's:
    // those (empty on other grids).
    const std::vector<double> &columnLongitudes() const { return m_lon; }
    const std::vector<double> &rowLatitudes() const { return m_lat; }

private:
    CellCentres(RasterGrid grid, CrsTransform t);
    RasterGrid m_grid;
    CrsTransform m_toLonLat;
    std::vector<double> m_lon, m_lat; // per column and per row, on a Web Mercator grid
    mutable std::vector<double> m_x, m_y; // row() scratch
    mutable std::vector<int> m_ok;
};

} // namespace maps
