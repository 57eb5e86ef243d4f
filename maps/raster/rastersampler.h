// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Point samples of a raster layer from cached blocks: a few microseconds once warm, so a site
// can be re-scored on every mouse move. Queries are in a caller-chosen CRS (the map's), which
// the sampler transforms into the raster's own.
// Threading: owns a BlockCache and a PROJ transform, so it belongs to one thread; make one per
// thread. Movable, not copyable.

#include "maps/geo/crstransform.h"
#include "maps/raster/blockcache.h"

#include <optional>

namespace maps {

enum class Interpolation { Nearest, Bilinear };

class RasterSampler
{
public:
    // queryCrsWkt: the CRS of the points passed to sample(); empty = the raster's own CRS.
    static Expected<RasterSampler> create(RasterLayerPtr layer, const QString &queryCrsWkt = {},
                                          std::size_t cacheBytes = BlockCache::kDefaultBytes);

    // The value at (x, y), nullopt when it has none: no-data or NaN, outside the raster, or a
    // read failure (see lastError()). Bilinear weights skip neighbours without a value; a point
    // whose nearest pixel has no value has none.
    std::optional<double> sample(double x, double y, Interpolation interpolation);
    // The layer's natural interpolation: nearest for categorical rasters, bilinear otherwise.
    std::optional<double> sample(double x, double y);

    // Fractional pixel position of a query point in the raster (no bounds check).
    std::optional<QPointF> toPixel(double x, double y) const;
    // Nearest-pixel value by pixel index (NaN if none).
    float pixel(int col, int row) { return m_cache->pixel(col, row); }

    const RasterLayer &layer() const { return m_cache->layer(); }
    BlockCache &cache() { return *m_cache; }
    const QString &lastError() const { return m_cache->lastError(); }

private:
    RasterSampler(std::unique_ptr<BlockCache> cache, CrsTransform transform);

    std::unique_ptr<BlockCache> m_cache;
    CrsTransform m_transform;
    RasterGrid m_grid;
};

} // namespace maps
