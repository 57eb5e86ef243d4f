// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/rasterreader.h"

#include "maps/rastererrortrap.h"

#include <algorithm>
#include <cmath>

namespace maps {

namespace {

constexpr float kNoValue = std::numeric_limits<float>::quiet_NaN();
constexpr int kLatticeStep = 16;

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
        return Error{QStringLiteral("no raster layer given")};
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
        return Error{QStringLiteral("%1: a %2 × %3 read is larger than the %4-pixel limit "
                                    "— read it in windows")
                             .arg(m_layer->displayName())
                             .arg(grid.width)
                             .arg(grid.height)
                             .arg(maxPixels)};
    }
    RasterBuffer buffer = RasterBuffer::filled(grid);
    auto status = readInto(grid, interpolation, buffer.values.data(), maxPixels);
    if (!status) {
        return status.error();
    }
    return buffer;
}

RasterStatus RasterReader::readInto(const RasterGrid &grid, Interpolation interpolation, float *out,
                                    std::int64_t maxPixels)
{
    if (grid.isEmpty()) {
        return Error{QStringLiteral("an empty grid was requested")};
    }
    if (grid.pixelCount() > maxPixels) {
        return Error{QStringLiteral("%1: a %2 × %3 read is larger than the %4-pixel limit "
                                    "— read it in windows")
                             .arg(m_layer->displayName())
                             .arg(grid.width)
                             .arg(grid.height)
                             .arg(maxPixels)};
    }
    std::fill(out, out + grid.pixelCount(), kNoValue);
    if (RasterTransform::sameCrs(grid.crsWkt, m_layer->grid().crsWkt)) {
        return readSameCrs(grid, interpolation, out);
    }
    return readOtherCrs(grid, interpolation, out);
}

RasterStatus RasterReader::readSameCrs(const RasterGrid &grid, Interpolation interpolation,
                                       float *out)
{
    const RasterGrid &src = m_layer->grid();
    // source col = ax + bx * target col (and likewise for rows).
    const double bx = grid.pixelWidth / src.pixelWidth;
    const double ax = (grid.originX - src.originX) / src.pixelWidth;
    const double by = grid.pixelHeight / src.pixelHeight;
    const double ay = (grid.originY - src.originY) / src.pixelHeight;
    const auto [c0, c1] = coveredRange(ax, bx, src.width, grid.width);
    const auto [r0, r1] = coveredRange(ay, by, src.height, grid.height);
    if (c0 >= c1 || r0 >= r1) {
        return rasterDone(); // the grid lies outside the raster: all NaN
    }
    const bool flipX = bx < 0;
    const bool flipY = by < 0;
    if (flipX || flipY) {
        return readOtherCrs(grid, interpolation, out); // mirrored grids: rare, sample instead
    }
    double xOff = std::clamp(ax + bx * c0, 0.0, double(src.width));
    double yOff = std::clamp(ay + by * r0, 0.0, double(src.height));
    double xSize = std::min(bx * (c1 - c0), src.width - xOff);
    double ySize = std::min(by * (r1 - r0), src.height - yOff);
    const int ix = std::min(src.width - 1, int(std::floor(xOff)));
    const int iy = std::min(src.height - 1, int(std::floor(yOff)));
    const int iw = std::clamp(int(std::ceil(xOff + xSize - 1e-9)) - ix, 1, src.width - ix);
    const int ih = std::clamp(int(std::ceil(yOff + ySize - 1e-9)) - iy, 1, src.height - iy);

    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    extra.eResampleAlg =
            interpolation == Interpolation::Nearest ? GRIORA_NearestNeighbour : GRIORA_Bilinear;
    const bool aligned = std::abs(xOff - ix) < 1e-6 && std::abs(yOff - iy) < 1e-6
            && std::abs(xSize - iw) < 1e-6 && std::abs(ySize - ih) < 1e-6;
    if (!aligned) {
        extra.bFloatingPointWindowValidity = TRUE;
        extra.dfXOff = xOff;
        extra.dfYOff = yOff;
        extra.dfXSize = xSize;
        extra.dfYSize = ySize;
    }
    const int w = c1 - c0;
    const int h = r1 - r0;
    float *first = out + std::size_t(r0) * grid.width + c0;
    RasterErrorTrap trap;
    const CPLErr err =
            m_band->RasterIO(GF_Read, ix, iy, iw, ih, first, w, h, GDT_Float32, sizeof(float),
                             GSpacing(grid.width) * sizeof(float), &extra);
    if (err != CE_None) {
        std::fill(out, out + grid.pixelCount(), kNoValue);
        return Error{trap.explain(
                m_layer->displayName()
                + QStringLiteral(": pixels %1,%2 (%3 × %4) cannot be read — the file may be "
                                 "truncated or damaged")
                          .arg(ix)
                          .arg(iy)
                          .arg(iw)
                          .arg(ih))};
    }
    for (int r = r0; r < r1; ++r) {
        cleanValues(out + std::size_t(r) * grid.width + c0, std::size_t(w));
    }
    return rasterDone();
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

RasterStatus RasterReader::readOtherCrs(const RasterGrid &grid, Interpolation interpolation,
                                        float *out)
{
    if (!m_toLayer || m_otherWkt != grid.crsWkt) {
        auto t = RasterTransform::create(grid.crsWkt, m_layer->grid().crsWkt);
        if (!t) {
            return Error{m_layer->displayName() + QStringLiteral(": ") + t.error().message};
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
    for (int row = 0; row < grid.height; ++row) {
        const int j = row / kLatticeStep;
        const int rowA = j * kLatticeStep;
        const int rowB = std::min((j + 1) * kLatticeStep, grid.height - 1);
        const double ty = rowB > rowA ? double(row - rowA) / (rowB - rowA) : 0.0;
        for (int col = 0; col < grid.width; ++col) {
            const int i = col / kLatticeStep;
            const int colA = i * kLatticeStep;
            const int colB = std::min((i + 1) * kLatticeStep, grid.width - 1);
            const double tx = colB > colA ? double(col - colA) / (colB - colA) : 0.0;
            const std::size_t n00 = std::size_t(j) * nx + i;
            const std::size_t n10 = n00 + 1;
            const std::size_t n01 = n00 + nx;
            const std::size_t n11 = n01 + 1;
            if (!ok[n00] || !ok[n10] || !ok[n01] || !ok[n11]) {
                continue;
            }
            auto lerp = [&](const std::vector<double> &v) {
                const double top = v[n00] + (v[n10] - v[n00]) * tx;
                const double bottom = v[n01] + (v[n11] - v[n01]) * tx;
                return top + (bottom - top) * ty;
            };
            const QPointF p = src.mapToPixel(lerp(xs), lerp(ys));
            if (p.x() < 0 || p.y() < 0 || p.x() >= src.width || p.y() >= src.height) {
                continue;
            }
            const QPointF m = src.pixelToMap(p.x(), p.y());
            const auto v = m_sampler->sample(m.x(), m.y(), interpolation);
            out[std::size_t(row) * grid.width + col] = v ? float(*v) : kNoValue;
        }
    }
    if (!m_sampler->lastError().isEmpty()) {
        return Error{m_sampler->lastError()};
    }
    return rasterDone();
}

} // namespace maps
