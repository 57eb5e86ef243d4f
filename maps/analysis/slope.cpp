// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/analysis/slope.h"

#include "maps/raster/rasterfilewriter.h"
#include "maps/raster/rasterpixelspacing.h"
#include "maps/raster/rasterreader.h"

#include <cmath>
#include <numbers>

namespace maps {

namespace {

constexpr double kDegree = std::numbers::pi / 180.0;

// Pixel sizes in metres, scaled by the z factor so elevations need no conversion.
class Spacing
{
public:
    Spacing(const RasterGrid &grid, double zFactor) : m_spacing(grid), m_zFactor(zFactor) {}
    std::pair<double, double> at(int row) const
    {
        const auto [dx, dy] = m_spacing.metresAt(row);
        return {dx / m_zFactor, dy / m_zFactor};
    }

private:
    RasterPixelSpacing m_spacing;
    double m_zFactor = 1.0;
};

void slopeOfRows(const float *padded, int width, int height, const Spacing &spacing, int firstRow,
                 float *out)
{
    // padded is (width + 2) × (height + 2): the window plus a one-pixel frame.
    const int pw = width + 2;
    for (int r = 0; r < height; ++r) {
        const auto [dx, dy] = spacing.at(firstRow + r);
        for (int c = 0; c < width; ++c) {
            const float centre = padded[std::size_t(r + 1) * pw + c + 1];
            float &result = out[std::size_t(r) * width + c];
            if (std::isnan(centre)) {
                result = std::numeric_limits<float>::quiet_NaN();
                continue;
            }
            float z[3][3];
            for (int j = 0; j < 3; ++j) {
                for (int i = 0; i < 3; ++i) {
                    const float v = padded[std::size_t(r + j) * pw + c + i];
                    z[j][i] = std::isnan(v) ? centre : v;
                }
            }
            result = float(Slope::horn(z, dx, dy));
        }
    }
}

} // namespace

double Slope::horn(const float z[3][3], double dxMetres, double dyMetres)
{
    const double dzdx = ((z[0][2] + 2.0 * z[1][2] + z[2][2]) - (z[0][0] + 2.0 * z[1][0] + z[2][0]))
            / (8.0 * dxMetres);
    const double dzdy = ((z[2][0] + 2.0 * z[2][1] + z[2][2]) - (z[0][0] + 2.0 * z[0][1] + z[0][2]))
            / (8.0 * dyMetres);
    return std::atan(std::sqrt(dzdx * dzdx + dzdy * dzdy)) / kDegree;
}

std::optional<double> Slope::at(RasterSampler &dem, double x, double y, const SlopeOptions &options)
{
    const auto p = dem.toPixel(x, y);
    if (!p) {
        return std::nullopt;
    }
    const int col = int(std::floor(p->x()));
    const int row = int(std::floor(p->y()));
    const float centre = dem.pixel(col, row);
    if (std::isnan(centre)) {
        return std::nullopt;
    }
    float z[3][3];
    for (int j = 0; j < 3; ++j) {
        for (int i = 0; i < 3; ++i) {
            const float v = dem.pixel(col + i - 1, row + j - 1);
            z[j][i] = std::isnan(v) ? centre : v;
        }
    }
    const auto [dx, dy] = Spacing(dem.layer().grid(), options.zFactor).at(row);
    return horn(z, dx, dy);
}

Expected<RasterBuffer> Slope::compute(const RasterLayerPtr &dem, const RasterGrid &window,
                                      const SlopeOptions &options)
{
    auto reader = RasterReader::create(dem);
    if (!reader) {
        return reader.error();
    }
    const QPointF origin = dem->grid().mapToPixel(window.originX, window.originY);
    const int col = int(std::lround(origin.x()));
    const int row = int(std::lround(origin.y()));
    const RasterGrid padded =
            dem->grid().subGrid(col - 1, row - 1, window.width + 2, window.height + 2);
    auto z = reader->read(padded, Interpolation::Nearest);
    if (!z) {
        return z.error();
    }
    RasterBuffer out =
            RasterBuffer::filled(dem->grid().subGrid(col, row, window.width, window.height));
    slopeOfRows(z->values.data(), window.width, window.height,
                Spacing(dem->grid(), options.zFactor), row, out.values.data());
    return out;
}

Expected<RasterLayerPtr> Slope::computeToFile(const RasterLayerPtr &dem, const QString &path,
                                              const RasterJobControl &control,
                                              const SlopeOptions &options)
{
    if (!dem) {
        return fail(QStringLiteral("no elevation layer given"));
    }
    auto writer = RasterFileWriter::create(path, dem->grid());
    if (!writer) {
        return writer.error();
    }
    const Spacing spacing(dem->grid(), options.zFactor);
    std::vector<std::optional<RasterReader>> readers(
            std::size_t(RasterTileRunner::threadCount(control)));
    auto status = RasterTileRunner::run(
            dem->width(), dem->height(), 1024, 256, control,
            [&](const RasterTile &tile, int worker) -> Status {
                auto &reader = readers[std::size_t(worker)];
                if (!reader) {
                    auto created = RasterReader::create(dem);
                    if (!created) {
                        return created.error();
                    }
                    reader.emplace(std::move(*created));
                }
                const RasterGrid padded = dem->grid().subGrid(tile.col - 1, tile.row - 1,
                                                              tile.width + 2, tile.height + 2);
                std::vector<float> z(std::size_t(padded.pixelCount()));
                auto read = reader->readInto(padded, Interpolation::Nearest, z.data());
                if (!read) {
                    return read;
                }
                std::vector<float> out(std::size_t(tile.width) * tile.height);
                slopeOfRows(z.data(), tile.width, tile.height, spacing, tile.row, out.data());
                return (*writer)->writeWindow(tile.col, tile.row, tile.width, tile.height,
                                              out.data());
            });
    auto finished = (*writer)->finish();
    if (!status) {
        return status.error();
    }
    if (!finished) {
        return finished.error();
    }
    return RasterLayer::open(path, LayerRole::Unknown);
}

} // namespace maps
