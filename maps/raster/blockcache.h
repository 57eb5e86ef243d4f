// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Least-recently-used cache of a raster's blocks as float (scale/offset applied, no-data and
// NaN stored as NaN), for point queries in microseconds once warm.
// Threading: a BlockCache owns its own GDAL dataset handle and is used by one thread at a time
// (the GUI thread during a drag, or one worker). Make one per thread; it is cheap.
// Cache blocks follow the file's blocks, except that very large blocks (whole-image strips)
// are split into 256 × 256 windows so no read ever loads a huge raster whole.

#include "maps/raster/rasterlayer.h"

#include <cstdint>
#include <list>
#include <memory>
#include <unordered_map>
#include <vector>

namespace maps {

class BlockCache
{
public:
    static constexpr std::size_t kDefaultBytes = std::size_t(64) << 20;

    static Expected<std::unique_ptr<BlockCache>> create(RasterLayerPtr layer,
                                                        std::size_t maxBytes = kDefaultBytes);

    const RasterLayer &layer() const { return *m_layer; }
    int blockWidth() const { return m_blockWidth; }
    int blockHeight() const { return m_blockHeight; }

    // The pixel's value, NaN when it has none, lies outside the raster or cannot be read
    // (then lastError() says why).
    float pixel(int col, int row)
    {
        if (col < 0 || row < 0 || col >= m_width || row >= m_height) {
            return kNoValue;
        }
        const int bx = col / m_blockWidth;
        const int by = row / m_blockHeight;
        const float *data = block(bx, by);
        if (!data) {
            return kNoValue;
        }
        return data[(row - by * m_blockHeight) * m_blockWidth + (col - bx * m_blockWidth)];
    }

    // Block (bx, by), m_blockWidth wide (edge blocks are padded with NaN); nullptr on failure.
    const float *block(int bx, int by)
    {
        const std::uint64_t key = (std::uint64_t(std::uint32_t(by)) << 32) | std::uint32_t(bx);
        if (key == m_lastKey && m_lastData) {
            return m_lastData;
        }
        return lookup(key, bx, by);
    }

    const QString &lastError() const { return m_lastError; }
    std::size_t blocksRead() const { return m_blocksRead; }
    std::size_t blocksCached() const { return m_entries.size(); }

private:
    static constexpr float kNoValue = std::numeric_limits<float>::quiet_NaN();

    struct Entry
    {
        std::vector<float> data;
        std::list<std::uint64_t>::iterator age;
    };

    BlockCache() = default;
    const float *lookup(std::uint64_t key, int bx, int by);
    bool readBlock(int bx, int by, std::vector<float> &out);

    RasterLayerPtr m_layer;
    RasterDataset m_dataset;
    GDALRasterBand *m_band = nullptr;
    int m_width = 0;
    int m_height = 0;
    int m_blockWidth = 256;
    int m_blockHeight = 256;
    std::size_t m_maxBlocks = 1;
    std::unordered_map<std::uint64_t, Entry> m_entries;
    std::list<std::uint64_t> m_ages; // front = most recently used
    std::uint64_t m_lastKey = ~std::uint64_t(0);
    const float *m_lastData = nullptr;
    std::size_t m_blocksRead = 0;
    QString m_lastError;
};

} // namespace maps
