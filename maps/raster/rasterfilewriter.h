// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes a Float32 GeoTIFF (tiled 256 × 256, NaN = no-data) window by window, so a result
// larger than memory can be produced tile by tile. File blocks that a window covers whole are
// written at once (GDAL's shared block cache is bypassed); the rest go through the cache.
// Threading: writeWindow() may be called from several threads; calls are serialised inside.
// finish() must be called once, after every writer is done; it flushes and closes the file.

#include "maps/io/expected.h"
#include "maps/io/rasterdataset.h"
#include "maps/raster/rastergrid.h"

#include <memory>
#include <mutex>

namespace maps {

class RasterFileWriter
{
public:
    // Tiles are blockSize × blockSize: windows aligned to them skip GDAL's block cache.
    static constexpr int blockSize = 256;

    // compress: DEFLATE when true (smaller, slower), none otherwise.
    static Expected<std::unique_ptr<RasterFileWriter>>
    create(const QString &path, const RasterGrid &grid, bool compress = false);

    Status writeWindow(int col, int row, int width, int height, const float *values);
    Status finish();

    const RasterGrid &grid() const { return m_grid; }

private:
    RasterFileWriter() = default;
    // Through GDAL's block cache; the caller holds m_mutex.
    Status writeRaster(int col, int row, int width, int height, const float *values, int stride);

    QString m_path;
    RasterGrid m_grid;
    RasterDataset m_dataset;
    std::mutex m_mutex;
};

} // namespace maps
