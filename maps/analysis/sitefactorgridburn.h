// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Burns vector features into a grid's cells, for SiteFactorGrid: points into the cell that holds
// them, lines into every cell they pass through, polygons by their outline and by the cells
// whose centres they contain (even-odd rule over all rings of a feature, as
// SpatialIndex::containing decides for a point). An edge between two vertices is the path the
// spatial index measures (edgePoint: the shortest path on the Earth, which on a Web Mercator
// grid bows poleward of the straight line by up to kilometres for edges of hundreds of
// kilometres), followed by straight pieces within kPathTolerance cells of it. So every point of
// a line lies in a burnt cell and every burnt cell touches the line: a burnt cell's centre is
// within half a cell diagonal (and the tolerance) of the line, and the line within as much of a
// burnt centre. Vertices are projected from lon/lat into the grid once per feature store and
// kept while the burner lives (Web Mercator in closed form, other CRSs through PROJ).
// Threading: one burner per thread; the stores it is given must outlive it.

#include "maps/geo/crstransform.h"
#include "maps/io/expected.h"
#include "maps/raster/rastergrid.h"
#include "maps/vector/featurestore.h"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <vector>

namespace maps {

class GridBurner
{
public:
    static constexpr double kPathTolerance = 0.002; // cells
    static Expected<GridBurner> create(const RasterGrid &grid);

    // Sets mask[cell] = 1 for the features for which keep(feature) holds; true if any cell of
    // the grid was set.
    bool burn(const FeatureStore &store, std::uint8_t *mask, const std::function<bool(int)> &keep);

    // For the cells of the inner grid (this grid less `margin` cells on each side) whose centre
    // lies in a polygon feature: values[cell] = valueOf(feature), the first feature in order that
    // has a value (not NaN) winning.
    void fillValues(const FeatureStore &store, int margin, float *values,
                    const std::function<float(int)> &valueOf);

private:
    // A store in fractional cell coordinates: its vertices (NaN where PROJ failed) and, for
    // lines and polygon rings, the straight pieces that follow its edges, per feature.
    struct Projected
    {
        std::vector<double> columns, rows; // per vertex
        std::vector<std::array<double, 4>> pieces; // c0, r0, c1, r1
        std::vector<std::uint32_t> featurePieces; // feature f: [featurePieces[f], [f + 1])
    };
    GridBurner(const RasterGrid &grid, CrsTransform toGrid, bool webMercator)
        : m_grid(grid), m_toGrid(std::move(toGrid)), m_webMercator(webMercator)
    {}
    const Projected &project(const FeatureStore &store);
    // lon/lat (degrees) to fractional cell coordinates in place; NaN where PROJ fails.
    void toCells(std::vector<double> &x, std::vector<double> &y) const;
    void followEdges(const FeatureStore &store, Projected &out) const;

    RasterGrid m_grid;
    CrsTransform m_toGrid;
    bool m_webMercator = false;
    std::map<const FeatureStore *, Projected> m_cells;
};

} // namespace maps
