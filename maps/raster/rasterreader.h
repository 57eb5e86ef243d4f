// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads a raster layer onto any target grid (a view, a tile of a suitability region): the part
// of the layer under the grid is read through GDAL in one windowed request (GDAL picks an
// overview when the grid is coarser), or, when the grid is in another CRS, sampled through a
// coarse lattice of transformed points from cached blocks. A window on the layer's own pixels
// that uses most of the blocks it touches is read block by block straight into the caller's
// buffer, bypassing GDAL's shared block cache. Pixels outside the layer and no-data pixels come
// back as NaN. A request larger than maxPixels is refused with a message, so a 50,000 × 50,000
// raster is never read whole by accident.
// Threading: owns a GDAL dataset handle; one RasterReader per thread. Given a job control,
// readInto() reads the layer's window once and samples the grid's rows on the control's threads
// (the calling thread blocks); without one it works on the calling thread alone.

#include "maps/geo/crstransform.h"
#include "maps/raster/blockcache.h"
#include "maps/raster/rasterbuffer.h"
#include "maps/raster/rastersampler.h"
#include "maps/raster/rastertilerunner.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace maps {

class RasterReader
{
public:
    static constexpr std::int64_t kDefaultMaxPixels = std::int64_t(64) << 20;

    static Expected<RasterReader> create(RasterLayerPtr layer);

    // Fills out[grid.pixelCount()] with the layer's values on grid. only: if given, the cells
    // that need a value (non-zero); the others may be left NaN (they are not sampled).
    Status readInto(const RasterGrid &grid, Interpolation interpolation, float *out,
                    std::int64_t maxPixels = kDefaultMaxPixels,
                    const RasterJobControl *parallel = nullptr, const std::uint8_t *only = nullptr);
    Expected<RasterBuffer> read(const RasterGrid &grid, Interpolation interpolation,
                                std::int64_t maxPixels = kDefaultMaxPixels);

    const RasterLayer &layer() const { return *m_layer; }

private:
    explicit RasterReader(RasterLayerPtr layer, RasterDataset dataset);
    Status readSameCrs(const RasterGrid &grid, Interpolation interpolation, float *out,
                       const RasterJobControl *parallel, const std::uint8_t *only = nullptr);
    Status readOtherCrs(const RasterGrid &grid, Interpolation interpolation, float *out,
                        const RasterJobControl *parallel, const std::uint8_t *only = nullptr);
    bool readBlocks(int x, int y, int width, int height, float *out, std::size_t stride);
    // The whole layer decoded (NaN for no data), shared with every reader of the same file and
    // kept for the next read; null when it cannot be read.
    std::shared_ptr<const std::vector<float>> decodedWhole();
    void cleanValues(float *out, std::size_t count) const;

    RasterLayerPtr m_layer;
    RasterDataset m_dataset;
    GDALRasterBand *m_band = nullptr;
    std::vector<unsigned char> m_block; // scratch for blocks that do not map onto the output
    QString m_otherWkt;
    std::optional<CrsTransform> m_toLayer;
    std::optional<RasterSampler> m_sampler;
};

} // namespace maps
