// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/raster/rastersampler.h"

#include <cmath>

namespace maps {

Expected<RasterSampler> RasterSampler::create(RasterLayerPtr layer, const QString &queryCrsWkt,
                                              std::size_t cacheBytes)
{
    if (!layer) {
        return fail(QStringLiteral("no raster layer given"));
    }
    auto transform = CrsTransform::toRaster(queryCrsWkt, layer->grid().crsWkt);
    if (!transform) {
        return fail(layer->displayName() + QStringLiteral(": ") + errorText(transform.error()));
    }
    auto cache = BlockCache::create(layer, cacheBytes);
    if (!cache) {
        return cache.error();
    }
    return RasterSampler(std::move(*cache), std::move(*transform));
}

RasterSampler::RasterSampler(std::unique_ptr<BlockCache> cache, CrsTransform transform)
    : m_cache(std::move(cache)), m_transform(std::move(transform)), m_grid(m_cache->layer().grid())
{}

std::optional<QPointF> RasterSampler::toPixel(double x, double y) const
{
    if (!m_transform.apply(x, y)) {
        return std::nullopt;
    }
    return m_grid.mapToPixel(x, y);
}

std::optional<double> RasterSampler::sample(double x, double y)
{
    return sample(x, y, layer().isCategorical() ? Interpolation::Nearest : Interpolation::Bilinear);
}

std::optional<double> RasterSampler::sample(double x, double y, Interpolation interpolation)
{
    const auto p = toPixel(x, y);
    if (!p || !std::isfinite(p->x()) || !std::isfinite(p->y())) {
        return std::nullopt;
    }
    const double px = p->x();
    const double py = p->y();
    if (px < 0.0 || py < 0.0 || px >= m_grid.width || py >= m_grid.height) {
        return std::nullopt;
    }
    const float nearest = m_cache->pixel(int(px), int(py));
    if (std::isnan(nearest)) {
        return std::nullopt;
    }
    if (interpolation == Interpolation::Nearest) {
        return nearest;
    }
    // Bilinear between the four pixel centres around the point.
    const double fx = px - 0.5;
    const double fy = py - 0.5;
    const int c0 = int(std::floor(fx));
    const int r0 = int(std::floor(fy));
    const double tx = fx - c0;
    const double ty = fy - r0;
    double sum = 0.0;
    double weightSum = 0.0;
    const double weights[4] = {(1 - tx) * (1 - ty), tx * (1 - ty), (1 - tx) * ty, tx * ty};
    for (int k = 0; k < 4; ++k) {
        if (weights[k] <= 0.0) {
            continue;
        }
        const float v = m_cache->pixel(c0 + (k & 1), r0 + (k >> 1));
        if (!std::isnan(v)) {
            sum += weights[k] * v;
            weightSum += weights[k];
        }
    }
    return weightSum > 0.0 ? std::optional<double>(sum / weightSum)
                           : std::optional<double>(nearest);
}

} // namespace maps
