// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/analysis/sitefactorgridburn.h"

#include "maps/geo/crstransform.h"

#include <algorithm>
#include <cmath>

namespace maps {

Expected<GridBurner> GridBurner::create(const RasterGrid &grid)
{
    if (auto t = CrsTransform::fromLonLat(grid.crsWkt); !t)
        return t.error();
    return GridBurner(grid);
}

void GridBurner::project(const FeatureStore &store)
{
    if (m_cells.count(&store))
        return;
    auto transform = CrsTransform::fromLonLat(m_grid.crsWkt);
    const std::size_t n = store.vertices.size();
    std::vector<double> x(n), y(n);
    for (std::size_t i = 0; i < n; ++i) {
        x[i] = store.vertices[i].lon;
        y[i] = store.vertices[i].lat;
    }
    std::vector<int> ok(n, 1);
    if (n > 0)
        transform->apply(x.data(), y.data(), int(n), ok.data());
    for (std::size_t i = 0; i < n; ++i) {
        if (!ok[i]) {
            x[i] = y[i] = NAN;
            continue;
        }
        x[i] = (x[i] - m_grid.originX) / m_grid.pixelWidth;
        y[i] = (y[i] - m_grid.originY) / m_grid.pixelHeight;
    }
    m_cells.emplace(&store, std::make_pair(std::move(x), std::move(y)));
}

const std::vector<double> &GridBurner::columns(const FeatureStore &store)
{
    project(store);
    return m_cells.at(&store).first;
}

const std::vector<double> &GridBurner::rows(const FeatureStore &store)
{
    project(store);
    return m_cells.at(&store).second;
}

bool GridBurner::burn(const FeatureStore &store, std::uint8_t *mask,
                      const std::function<bool(int)> &keep)
{
    const std::vector<double> &cx = columns(store);
    const std::vector<double> &cy = rows(store);
    const int w = m_grid.width, h = m_grid.height;
    bool any = false;
    auto set = [&](double c, double r) {
        if (!(c >= 0.0 && r >= 0.0 && c < w && r < h))
            return;
        mask[std::size_t(r) * std::size_t(w) + std::size_t(c)] = 1;
        any = true;
    };
    const bool linear = store.kind != GeometryKind::Point;
    for (std::size_t f = 0; f < store.featureCount(); ++f) {
        if (!keep(int(f)))
            continue;
        for (std::uint32_t p = store.featureParts[f]; p < store.featureParts[f + 1]; ++p) {
            const std::uint32_t first = store.partStarts[p], last = store.partStarts[p + 1];
            if (!linear || last - first == 1) {
                for (std::uint32_t v = first; v < last; ++v)
                    set(cx[v], cy[v]);
                continue;
            }
            const bool ring = store.kind == GeometryKind::Polygon;
            for (std::uint32_t v = first; v + (ring ? 0 : 1) < last; ++v) {
                const std::uint32_t b = v + 1 < last ? v + 1 : first;
                double c0 = cx[v], r0 = cy[v], c1 = cx[b], r1 = cy[b];
                if (std::isnan(c0) || std::isnan(c1))
                    continue;
                // Clip the segment to the grid (Liang-Barsky) before sampling it.
                double t0 = 0.0, t1 = 1.0;
                const double dc = c1 - c0, dr = r1 - r0;
                const double p4[4] = {-dc, dc, -dr, dr};
                const double q4[4] = {c0, w - c0, r0, h - r0};
                bool visible = true;
                for (int k = 0; k < 4 && visible; ++k) {
                    if (p4[k] == 0.0) {
                        visible = q4[k] >= 0.0;
                    } else {
                        const double t = q4[k] / p4[k];
                        if (p4[k] < 0.0)
                            t0 = std::max(t0, t);
                        else
                            t1 = std::min(t1, t);
                        visible = t0 <= t1;
                    }
                }
                if (!visible)
                    continue;
                const double length = std::hypot(dc, dr) * (t1 - t0);
                const int steps = std::max(1, int(std::ceil(length * 2.0)));
                for (int s = 0; s <= steps; ++s) {
                    const double t = t0 + (t1 - t0) * s / steps;
                    set(c0 + dc * t, r0 + dr * t);
                }
            }
        }
    }
    if (store.kind == GeometryKind::Polygon) {
        std::vector<float> inside(std::size_t(w) * std::size_t(h),
                                  std::numeric_limits<float>::quiet_NaN());
        fillValues(store, 0, inside.data(), [&](int f) { return keep(f) ? 1.0f : NAN; });
        for (std::size_t i = 0; i < inside.size(); ++i) {
            if (inside[i] == 1.0f) {
                mask[i] = 1;
                any = true;
            }
        }
    }
    return any;
}

void GridBurner::fillValues(const FeatureStore &store, int margin, float *values,
                            const std::function<float(int)> &valueOf)
{
    if (store.kind != GeometryKind::Polygon)
        return;
    const std::vector<double> &cx = columns(store);
    const std::vector<double> &cy = rows(store);
    const int w = m_grid.width - 2 * margin, h = m_grid.height - 2 * margin;
    if (w <= 0 || h <= 0)
        return;
    std::vector<std::uint8_t> written(std::size_t(w) * std::size_t(h), 0);
    std::vector<double> crossings;
    for (std::size_t f = 0; f < store.featureCount(); ++f) {
        const float value = valueOf(int(f));
        if (std::isnan(value))
            continue;
        const std::uint32_t v0 = store.partStarts[store.featureParts[f]];
        const std::uint32_t v1 = store.partStarts[store.featureParts[f + 1]];
        double top = INFINITY, bottom = -INFINITY;
        for (std::uint32_t v = v0; v < v1; ++v) {
            top = std::min(top, cy[v] - margin);
            bottom = std::max(bottom, cy[v] - margin);
        }
        const int rowFirst = std::max(0, int(std::ceil(top - 0.5)));
        const int rowLast = std::min(h - 1, int(std::floor(bottom - 0.5)));
        for (int r = rowFirst; r <= rowLast; ++r) {
            const double y = r + 0.5 + margin;
            crossings.clear();
            for (std::uint32_t p = store.featureParts[f]; p < store.featureParts[f + 1]; ++p) {
                const std::uint32_t first = store.partStarts[p], last = store.partStarts[p + 1];
                for (std::uint32_t i = first, j = last - 1; i < last; j = i++) {
                    const double ya = cy[i], yb = cy[j];
                    if ((ya > y) != (yb > y))
                        crossings.push_back(cx[i] + (y - ya) / (yb - ya) * (cx[j] - cx[i]));
                }
            }
            std::sort(crossings.begin(), crossings.end());
            for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
                const int c0 = std::max(0, int(std::ceil(crossings[k] - margin - 0.5)));
                const int c1 = std::min(w - 1, int(std::ceil(crossings[k + 1] - margin - 0.5)) - 1);
                for (int c = c0; c <= c1; ++c) {
                    const std::size_t i = std::size_t(r) * std::size_t(w) + std::size_t(c);
                    if (!written[i]) {
                        values[i] = value;
                        written[i] = 1;
                    }
                }
            }
        }
    }
}

} // namespace maps
