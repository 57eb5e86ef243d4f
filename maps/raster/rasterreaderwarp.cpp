// SPDX-License-Identifier: GPL-3.0-or-later
// RasterReader's reads onto a grid in another CRS, or not aligned with the layer's pixels: each
// cell sampled as the point sampler samples a point at its centre.
#include "maps/raster/rasterreader.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace maps {

namespace {

constexpr float kNoValue = std::numeric_limits<float>::quiet_NaN();
constexpr int kLatticeStep = 8; // positions within ~1e-5 of a pixel for usual projections
// Lattice columns (rows) whose layer x (y) agree this closely, in pixels, make a separable grid.
constexpr double kSeparable = 1e-7;
// Layers of at most this many pixels are kept decoded (as floats, no-data as NaN) between reads.
constexpr std::int64_t kKeptPixels = std::int64_t(4) << 20;

} // namespace

Status RasterReader::readOtherCrs(const RasterGrid &grid, Interpolation interpolation, float *out,
                                  const RasterJobControl *parallel, const std::uint8_t *only)
{
    std::fill(out, out + grid.pixelCount(), kNoValue);
    if (!m_toLayer || m_otherWkt != grid.crsWkt) {
        auto t = CrsTransform::toRaster(grid.crsWkt, m_layer->grid().crsWkt);
        if (!t) {
            return fail(m_layer->displayName() + QStringLiteral(": ") + errorText(t.error()));
        }
        m_toLayer.emplace(std::move(*t));
        m_otherWkt = grid.crsWkt;
    }
    if (!m_sampler) {
        auto s = RasterSampler::create(m_layer);
        if (!s) {
            return s.error();
        }
        m_sampler.emplace(std::move(*s));
    }
    // Transform a lattice of pixel centres, then interpolate positions between lattice nodes:
    // exact at the nodes, within a small fraction of a pixel elsewhere for smooth projections.
    const int nx = (grid.width + kLatticeStep - 1) / kLatticeStep + 1;
    const int ny = (grid.height + kLatticeStep - 1) / kLatticeStep + 1;
    std::vector<double> xs(std::size_t(nx) * ny);
    std::vector<double> ys(xs.size());
    std::vector<int> ok(xs.size());
    for (int j = 0; j < ny; ++j) {
        for (int i = 0; i < nx; ++i) {
            const QPointF p = grid.pixelToMap(std::min(i * kLatticeStep, grid.width - 1) + 0.5,
                                              std::min(j * kLatticeStep, grid.height - 1) + 0.5);
            xs[std::size_t(j) * nx + i] = p.x();
            ys[std::size_t(j) * nx + i] = p.y();
        }
    }
    m_toLayer->apply(xs.data(), ys.data(), int(xs.size()), ok.data());
    const RasterGrid &src = m_layer->grid();
    // The layer's pixels under the grid, read once at their own resolution when that window is
    // not much larger than the grid; sampled there with the point sampler's rules (nearest pixel,
    // or bilinear between centres skipping neighbours without a value), so a cell holds exactly
    // what a point query at its centre gives. A larger window is sampled through the cache.
    double minX = INFINITY, minY = INFINITY, maxX = -INFINITY, maxY = -INFINITY;
    for (std::size_t k = 0; k < xs.size(); ++k) {
        if (!ok[k])
            continue;
        const QPointF p = src.mapToPixel(xs[k], ys[k]);
        minX = std::min(minX, p.x());
        maxX = std::max(maxX, p.x());
        minY = std::min(minY, p.y());
        maxY = std::max(maxY, p.y());
    }
    int wx0 = std::clamp(int(std::floor(minX)) - 2, 0, src.width);
    int wy0 = std::clamp(int(std::floor(minY)) - 2, 0, src.height);
    int wx1 = std::clamp(int(std::ceil(maxX)) + 2, 0, src.width);
    int wy1 = std::clamp(int(std::ceil(maxY)) + 2, 0, src.height);
    const std::int64_t windowPixels = std::int64_t(std::max(0, wx1 - wx0)) * (wy1 - wy0);
    // A small layer is decoded whole once and kept (the next view reads no file); a larger one
    // is read window by window.
    std::shared_ptr<const std::vector<float>> held;
    if (windowPixels > 0 && std::int64_t(src.width) * src.height <= kKeptPixels) {
        held = decodedWhole();
        if (held) {
            wx0 = wy0 = 0;
            wx1 = src.width;
            wy1 = src.height;
        }
    }
    if (!held && windowPixels > 0
        && windowPixels <= std::max<std::int64_t>(4 * grid.pixelCount(), 1 << 20)) {
        auto read = std::make_shared<std::vector<float>>(std::size_t(windowPixels));
        const RasterGrid part = src.subGrid(wx0, wy0, wx1 - wx0, wy1 - wy0);
        if (readSameCrs(part, Interpolation::Nearest, read->data(), nullptr))
            held = std::move(read);
    }
    const float *window = held ? held->data() : nullptr;
    const int ww = wx1 - wx0;
    auto pixel = [&](int c, int r) {
        if (c < wx0 || r < wy0 || c >= wx1 || r >= wy1)
            return kNoValue;
        return window[std::size_t(r - wy0) * std::size_t(ww) + std::size_t(c - wx0)];
    };
    auto sampleWindow = [&](double px, double py) -> float {
        const float nearest = pixel(int(px), int(py));
        if (std::isnan(nearest) || interpolation == Interpolation::Nearest)
            return nearest;
        const double fx = px - 0.5, fy = py - 0.5;
        const int c0 = int(std::floor(fx)), r0 = int(std::floor(fy));
        const double tx = fx - c0, ty = fy - r0;
        const double weights[4] = {(1 - tx) * (1 - ty), tx * (1 - ty), (1 - tx) * ty, tx * ty};
        double sum = 0.0, weightSum = 0.0;
        if (c0 >= wx0 && r0 >= wy0 && c0 + 1 < wx1 && r0 + 1 < wy1) {
            // All four neighbours in the window: the same sums in the same order (a zero weight
            // adds an exact zero), without the per-neighbour checks.
            const float *a =
                    window + std::size_t(r0 - wy0) * std::size_t(ww) + std::size_t(c0 - wx0);
            const float *b = a + ww;
            const float v[4] = {a[0], a[1], b[0], b[1]};
            if (!std::isnan(v[0]) && !std::isnan(v[1]) && !std::isnan(v[2]) && !std::isnan(v[3])) {
                for (int k = 0; k < 4; ++k) {
                    sum += weights[k] * v[k];
                    weightSum += weights[k];
                }
                return float(sum / weightSum);
            }
        }
        for (int k = 0; k < 4; ++k) {
            if (weights[k] <= 0.0)
                continue;
            const float v = pixel(c0 + (k & 1), r0 + (k >> 1));
            if (!std::isnan(v)) {
                sum += weights[k] * v;
                weightSum += weights[k];
            }
        }
        return weightSum > 0.0 ? float(sum / weightSum) : nearest;
    };
    // Lattice nodes in the layer's fractional pixel coordinates (a linear map, so interpolating
    // them equals interpolating map coordinates and then mapping).
    std::vector<double> px(xs.size()), py(xs.size());
    for (std::size_t k = 0; k < xs.size(); ++k) {
        const QPointF p = src.mapToPixel(xs[k], ys[k]);
        px[k] = p.x();
        py[k] = p.y();
    }
    // A grid whose columns map to columns of the layer and rows to rows (Web Mercator over a
    // geographic layer, say) needs no lattice: one exact position per column and one per row.
    std::vector<double> layerX, layerY;
    bool separable = window != nullptr;
    for (int j = 0; j < ny && separable; ++j) {
        for (int i = 0; i < nx && separable; ++i) {
            const std::size_t k = std::size_t(j) * nx + i;
            separable = ok[k] && std::abs(px[k] - px[std::size_t(i)]) < kSeparable
                    && std::abs(py[k] - py[std::size_t(j) * nx]) < kSeparable;
        }
    }
    if (separable) {
        std::vector<double> x(std::size_t(grid.width + grid.height)), y(x.size());
        std::vector<int> valid(x.size());
        for (int col = 0; col < grid.width; ++col) {
            const QPointF p = grid.pixelToMap(col + 0.5, 0.5);
            x[std::size_t(col)] = p.x();
            y[std::size_t(col)] = p.y();
        }
        for (int row = 0; row < grid.height; ++row) {
            const QPointF p = grid.pixelToMap(0.5, row + 0.5);
            x[std::size_t(grid.width + row)] = p.x();
            y[std::size_t(grid.width + row)] = p.y();
        }
        m_toLayer->apply(x.data(), y.data(), int(x.size()), valid.data());
        if (std::all_of(valid.begin(), valid.end(), [](int v) { return v != 0; })) {
            layerX.resize(std::size_t(grid.width));
            layerY.resize(std::size_t(grid.height));
            for (int col = 0; col < grid.width; ++col)
                layerX[std::size_t(col)] =
                        src.mapToPixel(x[std::size_t(col)], y[std::size_t(col)]).x();
            for (int row = 0; row < grid.height; ++row) {
                const std::size_t k = std::size_t(grid.width + row);
                layerY[std::size_t(row)] = src.mapToPixel(x[k], y[k]).y();
            }
        }
    }
    const std::size_t columns = std::size_t(grid.width);
    std::vector<double> colT(columns);
    std::vector<int> colNode(columns);
    for (int col = 0; col < grid.width; ++col) {
        const int i = col / kLatticeStep;
        const int colA = i * kLatticeStep;
        const int colB = std::min((i + 1) * kLatticeStep, grid.width - 1);
        colNode[std::size_t(col)] = i;
        colT[std::size_t(col)] = colB > colA ? double(col - colA) / (colB - colA) : 0.0;
    }
    const std::size_t nodes = std::size_t(nx);
    // Rows [first, last): each call with its own scratch; calls touch disjoint rows of `out`.
    // Separable grids: what sampleWindow works out from a position's x alone (and from its y
    // alone) is worked out once per column (and per row), in the same expressions, so that each
    // cell gets sampleWindow's value to the bit.
    struct Axis
    {
        int nearest = -1; // the window's pixel under the position, or -1: outside the window
        int lower = -1; // the window's pixel before the position's, when it and the next are in it
        double t = 0.0; // where the position lies between the two pixel centres
    };
    auto axis = [](double p, int w0, int w1) {
        Axis a;
        const int n = int(p);
        if (n >= w0 && n < w1)
            a.nearest = n - w0;
        const double f = p - 0.5;
        const int c0 = int(std::floor(f));
        a.t = f - c0;
        if (c0 >= w0 && c0 + 1 < w1)
            a.lower = c0 - w0;
        return a;
    };
    std::vector<Axis> columnAxis;
    if (!layerY.empty()) {
        columnAxis.resize(columns);
        for (int col = 0; col < grid.width; ++col) {
            const double x = layerX[std::size_t(col)];
            if (x >= 0 && x < src.width)
                columnAxis[std::size_t(col)] = axis(x, wx0, wx1);
            else
                columnAxis[std::size_t(col)].t = NAN; // not sampled: outside the layer
        }
    }
    auto sampleRows = [&](int first, int last) {
        if (!layerY.empty()) {
            for (int row = first; row < last; ++row) {
                const double y = layerY[std::size_t(row)];
                if (!(y >= 0 && y < src.height))
                    continue;
                float *line = out + std::size_t(row) * grid.width;
                const std::uint8_t *wanted = only ? only + std::size_t(row) * grid.width : nullptr;
                const Axis ra = axis(y, wy0, wy1);
                if (ra.nearest < 0)
                    continue; // every cell of the row has no value (as filled)
                const float *nearestRow = window + std::size_t(ra.nearest) * std::size_t(ww);
                const double ty = ra.t;
                const float *above =
                        ra.lower >= 0 ? window + std::size_t(ra.lower) * std::size_t(ww) : nullptr;
                for (int col = 0; col < grid.width; ++col) {
                    const Axis &ca = columnAxis[std::size_t(col)];
                    if (std::isnan(ca.t) || (wanted && !wanted[col]) || ca.nearest < 0)
                        continue;
                    const float nearest = nearestRow[ca.nearest];
                    if (std::isnan(nearest) || interpolation == Interpolation::Nearest) {
                        line[col] = nearest;
                        continue;
                    }
                    if (above && ca.lower >= 0) {
                        const float *a = above + ca.lower;
                        const float *b = a + ww;
                        const float v[4] = {a[0], a[1], b[0], b[1]};
                        if (!std::isnan(v[0]) && !std::isnan(v[1]) && !std::isnan(v[2])
                            && !std::isnan(v[3])) {
                            const double tx = ca.t;
                            const double weights[4] = {(1 - tx) * (1 - ty), tx * (1 - ty),
                                                       (1 - tx) * ty, tx * ty};
                            double sum = 0.0, weightSum = 0.0;
                            for (int k = 0; k < 4; ++k) {
                                sum += weights[k] * v[k];
                                weightSum += weights[k];
                            }
                            line[col] = float(sum / weightSum);
                            continue;
                        }
                    }
                    line[col] = sampleWindow(layerX[std::size_t(col)], y);
                }
            }
            return;
        }
        std::vector<double> rowX(nodes), rowY(nodes);
        std::vector<unsigned char> rowOk(nodes);
        for (int row = first; row < last; ++row) {
            const int j = row / kLatticeStep;
            const int rowA = j * kLatticeStep;
            const int rowB = std::min((j + 1) * kLatticeStep, grid.height - 1);
            const double ty = rowB > rowA ? double(row - rowA) / (rowB - rowA) : 0.0;
            for (int i = 0; i < nx; ++i) {
                const std::size_t n0 = std::size_t(j) * nx + i;
                const std::size_t n1 = std::min(n0 + nx, px.size() - 1);
                rowOk[std::size_t(i)] = ok[n0] && ok[n1];
                rowX[std::size_t(i)] = px[n0] + (px[n1] - px[n0]) * ty;
                rowY[std::size_t(i)] = py[n0] + (py[n1] - py[n0]) * ty;
            }
            float *line = out + std::size_t(row) * grid.width;
            const std::uint8_t *wanted = only ? only + std::size_t(row) * grid.width : nullptr;
            for (int col = 0; col < grid.width; ++col) {
                const std::size_t i = std::size_t(colNode[std::size_t(col)]);
                if (!rowOk[i] || !rowOk[i + 1] || (wanted && !wanted[col]))
                    continue;
                const double tx = colT[std::size_t(col)];
                const double x = rowX[i] + (rowX[i + 1] - rowX[i]) * tx;
                const double y = rowY[i] + (rowY[i + 1] - rowY[i]) * tx;
                if (x < 0 || y < 0 || x >= src.width || y >= src.height)
                    continue;
                if (window) {
                    line[col] = sampleWindow(x, y);
                    continue;
                }
                const QPointF m = src.pixelToMap(x, y);
                const auto v = m_sampler->sample(m.x(), m.y(), interpolation);
                line[col] = v ? float(*v) : kNoValue;
            }
        }
    };
    // The window is shared read-only; the sampler (a block cache) is not, so without a window
    // the rows are sampled on this thread.
    if (parallel && window) {
        RasterJobControl quiet = *parallel;
        quiet.progress = nullptr;
        auto status = RasterTileRunner::run(grid.width, grid.height, grid.width, 64, quiet,
                                            [&](const RasterTile &tile, int) -> Status {
                                                sampleRows(tile.row, tile.row + tile.height);
                                                return done();
                                            });
        if (!status) {
            return status;
        }
    } else {
        sampleRows(0, grid.height);
    }
    if (!m_sampler->lastError().isEmpty()) {
        return fail(m_sampler->lastError());
    }
    return done();
}

} // namespace maps
