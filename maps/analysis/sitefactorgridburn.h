// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Burns vector features into a grid's cells, for SiteFactorGrid: points into the cell that holds
// them, lines into every cell they pass through (sampled every half cell), polygons by their
// outline and by the cells whose centres they contain (even-odd rule over all rings of a
// feature, as SpatialIndex::containing decides for a point). Vertices are projected from lon/lat
// into the grid once per feature store and kept while the burner lives.
// Threading: one burner per thread; the stores it is given must outlive it.

#include "maps/io/expected.h"
#include "maps/raster/rastergrid.h"
#include "maps/vector/featurestore.h"

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

namespace maps {

class GridBurner
{
public:
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
    explicit GridBurner(const RasterGrid &grid) : m_grid(grid) {}
    // Vertices of the store in fractional cell coordinates (NaN where PROJ failed).
    const std::vector<double> &columns(const FeatureStore &store);
    const std::vector<double> &rows(const FeatureStore &store);
    void project(const FeatureStore &store);

    RasterGrid m_grid;
    QString m_crs;
    std::map<const FeatureStore *, std::pair<std::vector<double>, std::vector<double>>> m_cells;
};

} // namespace maps
