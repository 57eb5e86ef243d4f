// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/raster/rasterreader.h"

#include "maps/io/rastererrortrap.h"

#include <algorithm>
#include <cmath>
#include <list>
#include <memory>
#include <mutex>

#include <QFileInfo>

namespace maps {

namespace {

constexpr float kNoValue = std::numeric_limits<float>::quiet_NaN();
constexpr int kLatticeStep = 8; // positions within ~1e-5 of a pixel for usual projections
// Lattice columns (rows) whose layer x (y) agree this closely, in pixels, make a separable grid.
constexpr double kSeparable = 1e-7;
// Blocks larger than this (whole-image strips) are never read whole for a window.
constexpr std::int64_t kMaxBlockPixels = std::int64_t(4) << 20;
// Layers of at most this many pixels are kept decoded (as floats, no-data as NaN) between reads,
// up to kKeptTotal pixels in all (64 MB), the least recently used dropped first.
constexpr std::int64_t kKeptPixels = std::int64_t(4) << 20;
constexpr std::int64_t kKeptTotal = std::int64_t(16) << 20;

// The decoded pixels of small layers, by file, band, file time and size (a changed file is read
// again) and the layer's own value rules.
class KeptRasters
{
public:
    static KeptRasters &instance()
    {
        static KeptRasters kept;
        return kept;
    }
    std::shared_ptr<const std::vector<float>> find(const QString &key)
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->key == key) {
                m_entries.splice(m_entries.begin(), m_entries, it); // most recent first
                return m_entries.front().pixels;
            }
        }
        return nullptr;
    }
    void keep(const QString &key, std::shared_ptr<const std::vector<float>> pixels)
    {
        std::lock_guard lock(m_mutex);
        m_total += std::int64_t(pixels->size());
        m_entries.push_front({key, std::move(pixels)});
        while (m_total > kKeptTotal && m_entries.size() > 1) {
            m_total -= std::int64_t(m_entries.back().pixels->size());
            m_entries.pop_back();
        }
    }

private:
    struct Entry
    {
        QString key;
        std::shared_ptr<const std::vector<float>> pixels;
    };
    std::mutex m_mutex;
    std::list<Entry> m_entries;
    std::int64_t m_total = 0;
};

// The range [first, last) of target pixels along one axis whose centres fall inside the
// source, given source coordinate = a + b * target coordinate.
std::pair<int, int> coveredRange(double a, double b, int sourceSize, int targetSize)
{
    double lo = (0.0 - a) / b - 0.5;
    double hi = (sourceSize - a) / b - 0.5;
    if (lo > hi) {
        std::swap(lo, hi);
    }
    const int first = std::max(0, int(std::ceil(lo - 1e-9)));
    const int last = std::min(targetSize, int(std::ceil(hi - 1e-9)));
    return {first, std::max(first, last)};
}

} // namespace

Expected<RasterReader> RasterReader::create(RasterLayerPtr layer)
{
    if (!layer) {
        return fail(QStringLiteral("no raster layer given"));
    }
    auto ds = layer->openDataset();
    if (!ds) {
        return ds.error();
    }
    return RasterReader(std::move(layer), std::move(*ds));
}

RasterReader::RasterReader(RasterLayerPtr layer, RasterDataset dataset)
    : m_layer(std::move(layer)), m_dataset(std::move(dataset)),
      m_band(m_dataset->GetRasterBand(m_layer->band()))
{}

Expected<RasterBuffer> RasterReader::read(const RasterGrid &grid, Interpolation interpolation,
                                          std::int64_t maxPixels)
{
    if (grid.pixelCount() > maxPixels) {
        return fail(QStringLiteral("%1: a %2 × %3 read is larger than the %4-pixel limit "
                                   "— read it in windows")
                            .arg(m_layer->displayName())
                            .arg(grid.width)
                            .arg(grid.height)
                            .arg(maxPixels));
    }
    RasterBuffer buffer = RasterBuffer::filled(grid);
    auto status = readInto(grid, interpolation, buffer.values.data(), maxPixels);
    if (!status) {
        return status.error();
    }
    return buffer;
}

Status RasterReader::readInto(const RasterGrid &grid, Interpolation interpolation, float *out,
                              std::int64_t maxPixels, const RasterJobControl *parallel,
                              const std::uint8_t *only)
{
    if (grid.isEmpty()) {
        return fail(QStringLiteral("an empty grid was requested"));
    }
    if (grid.pixelCount() > maxPixels) {
        return fail(QStringLiteral("%1: a %2 × %3 read is larger than the %4-pixel limit "
                                   "— read it in windows")
                            .arg(m_layer->displayName())
                            .arg(grid.width)
                            .arg(grid.height)
                            .arg(maxPixels));
    }
    if (CrsTransform::sameCrs(grid.crsWkt, m_layer->grid().crsWkt)) {
        return readSameCrs(grid, interpolation, out, parallel, only);
    }
    return readOtherCrs(grid, interpolation, out, parallel, only);
}

Status RasterReader::readSameCrs(const RasterGrid &grid, Interpolation interpolation, float *out,
                                 const RasterJobControl *parallel, const std::uint8_t *only)
{
    const RasterGrid &src = m_layer->grid();
    // source col = ax + bx * target col (and likewise for rows).
    const double bx = grid.pixelWidth / src.pixelWidth;
    const double ax = (grid.originX - src.originX) / src.pixelWidth;
    const double by = grid.pixelHeight / src.pixelHeight;
    const double ay = (grid.originY - src.originY) / src.pixelHeight;
    const auto [c0, c1] = coveredRange(ax, bx, src.width, grid.width);
    const auto [r0, r1] = coveredRange(ay, by, src.height, grid.height);
    if (c0 != 0 || r0 != 0 || c1 != grid.width || r1 != grid.height) {
        std::fill(out, out + grid.pixelCount(), kNoValue); // the part outside the layer
    }
    if (c0 >= c1 || r0 >= r1) {
        return done(); // the grid lies outside the raster: all NaN
    }
    const bool flipX = bx < 0;
    const bool flipY = by < 0;
    if (flipX || flipY) {
        // Mirrored grids: rare, sample instead.
        return readOtherCrs(grid, interpolation, out, parallel, only);
    }
    double xOff = std::clamp(ax + bx * c0, 0.0, double(src.width));
    double yOff = std::clamp(ay + by * r0, 0.0, double(src.height));
    double xSize = std::min(bx * (c1 - c0), src.width - xOff);
    double ySize = std::min(by * (r1 - r0), src.height - yOff);
    const int ix = std::min(src.width - 1, int(std::floor(xOff)));
    const int iy = std::min(src.height - 1, int(std::floor(yOff)));
    const int iw = std::clamp(int(std::ceil(xOff + xSize - 1e-9)) - ix, 1, src.width - ix);
    const int ih = std::clamp(int(std::ceil(yOff + ySize - 1e-9)) - iy, 1, src.height - iy);

    const bool aligned = std::abs(xOff - ix) < 1e-6 && std::abs(yOff - iy) < 1e-6
            && std::abs(xSize - iw) < 1e-6 && std::abs(ySize - ih) < 1e-6;
    const int w = c1 - c0;
    const int h = r1 - r0;
    float *first = out + std::size_t(r0) * grid.width + c0;
    RasterErrorTrap trap;
    bool ok = false;
    if (aligned && iw == w && ih == h) {
        // The layer's own pixels, one for one: no resampling, so blocks can be copied as they are.
        ok = readBlocks(ix, iy, w, h, first, std::size_t(grid.width));
    } else {
        // Any other grid is sampled as the point sampler samples (GDAL's resampled RasterIO
        // rounds integer bands, weighs no-data neighbours its own way and shifts a window that
        // it clamps at the raster's edge).
        return readOtherCrs(grid, interpolation, out, parallel, only);
    }
    if (!ok) {
        std::fill(out, out + grid.pixelCount(), kNoValue);
        return fail(trap.explain(
                m_layer->displayName()
                + QStringLiteral(": pixels %1,%2 (%3 × %4) cannot be read — the file may be "
                                 "truncated or damaged")
                          .arg(ix)
                          .arg(iy)
                          .arg(iw)
                          .arg(ih)));
    }
    for (int r = r0; r < r1; ++r) {
        cleanValues(out + std::size_t(r) * grid.width + c0, std::size_t(w));
    }
    return done();
}

bool RasterReader::readBlocks(int x, int y, int width, int height, float *out, std::size_t stride)
{
    int bw = 0;
    int bh = 0;
    m_band->GetBlockSize(&bw, &bh);
    const GDALDataType type = m_band->GetRasterDataType();
    const int typeBytes = GDALGetDataTypeSizeBytes(type);
    const int bx0 = x / bw;
    const int bx1 = (x + width - 1) / bw;
    const int by0 = y / bh;
    const int by1 = (y + height - 1) / bh;
    const std::int64_t blockPixels = std::int64_t(bw) * bh;
    const std::int64_t touched = std::int64_t(bx1 - bx0 + 1) * (by1 - by0 + 1) * blockPixels;
    if (typeBytes <= 0 || blockPixels > kMaxBlockPixels
        || 2 * std::int64_t(width) * height < touched) {
        // Huge blocks (whole-image strips), or a window that uses little of the blocks it
        // touches: let GDAL read through its block cache, which keeps them for the next window.
        return m_band->RasterIO(GF_Read, x, y, width, height, out, width, height, GDT_Float32,
                                sizeof(float), GSpacing(stride) * sizeof(float), nullptr)
                == CE_None;
    }
    const int rasterWidth = m_band->GetXSize();
    const int rasterHeight = m_band->GetYSize();
    for (int by = by0; by <= by1; ++by) {
        for (int bx = bx0; bx <= bx1; ++bx) {
            const int left = bx * bw;
            const int top = by * bh;
            const int cx0 = std::max(x, left);
            const int cx1 = std::min(x + width, left + bw);
            const int cy0 = std::max(y, top);
            const int cy1 = std::min(y + height, top + bh);
            float *dst = out + std::size_t(cy0 - y) * stride + std::size_t(cx0 - x);
            // A whole interior Float32 block whose rows are the output's rows: read in place.
            const bool inPlace = type == GDT_Float32 && cx0 == left && cx1 == left + bw
                    && cy0 == top && cy1 == top + bh && std::size_t(bw) == stride
                    && left + bw <= rasterWidth && top + bh <= rasterHeight;
            if (inPlace) {
                if (m_band->ReadBlock(bx, by, dst) != CE_None) {
                    return false;
                }
                continue;
            }
            m_block.resize(std::size_t(blockPixels) * std::size_t(typeBytes));
            if (m_band->ReadBlock(bx, by, m_block.data()) != CE_None) {
                return false;
            }
            for (int r = cy0; r < cy1; ++r) {
                const std::size_t from = std::size_t(r - top) * bw + std::size_t(cx0 - left);
                GDALCopyWords64(m_block.data() + from * std::size_t(typeBytes), type, typeBytes,
                                dst + std::size_t(r - cy0) * stride, GDT_Float32, sizeof(float),
                                cx1 - cx0);
            }
        }
    }
    return true;
}

std::shared_ptr<const std::vector<float>> RasterReader::decodedWhole()
{
    const QFileInfo info(m_layer->path());
    const auto noData = m_layer->noData();
    const QString key = QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                                .arg(m_layer->path())
                                .arg(m_layer->band())
                                .arg(info.lastModified().toMSecsSinceEpoch())
                                .arg(info.size())
                                .arg(noData ? QString::number(*noData, 'g', 17) : QString())
                                .arg(m_layer->scale(), 0, 'g', 17)
                                .arg(m_layer->offset(), 0, 'g', 17);
    if (auto kept = KeptRasters::instance().find(key))
        return kept;
    const RasterGrid &src = m_layer->grid();
    auto pixels = std::make_shared<std::vector<float>>(std::size_t(src.pixelCount()));
    if (!readSameCrs(src, Interpolation::Nearest, pixels->data(), nullptr))
        return nullptr;
    KeptRasters::instance().keep(key, pixels);
    return pixels;
}

void RasterReader::cleanValues(float *values, std::size_t count) const
{
    const auto noData = m_layer->noData();
    const float nd = noData ? float(*noData) : 0.0f;
    const double scale = m_layer->scale();
    const double offset = m_layer->offset();
    const bool scaled = scale != 1.0 || offset != 0.0;
    if (!noData && !scaled) {
        return;
    }
    for (std::size_t i = 0; i < count; ++i) {
        float &v = values[i];
        if (noData && v == nd) {
            v = kNoValue;
        } else if (scaled) {
            v = float(v * scale + offset);
        }
    }
}

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
