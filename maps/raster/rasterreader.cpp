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
// Blocks larger than this (whole-image strips) are never read whole for a window.
constexpr std::int64_t kMaxBlockPixels = std::int64_t(4) << 20;
// Decoded layers (rasterreaderwarp.cpp keeps those of at most 4 Mi pixels) are kept up to this
// many pixels in all (64 MB), the least recently used dropped first.
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

} // namespace maps
