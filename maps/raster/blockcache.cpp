// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/raster/blockcache.h"

#include "maps/io/rastererrortrap.h"

#include <cmath>

namespace maps {

namespace {

constexpr std::int64_t kMaxBlockPixels = 1 << 20;

} // namespace

Expected<std::unique_ptr<BlockCache>> BlockCache::create(RasterLayerPtr layer, std::size_t maxBytes)
{
    if (!layer) {
        return fail(QStringLiteral("no raster layer given"));
    }
    auto ds = layer->openDataset();
    if (!ds) {
        return ds.error();
    }
    std::unique_ptr<BlockCache> cache(new BlockCache);
    cache->m_dataset = std::move(*ds);
    cache->m_band = cache->m_dataset->GetRasterBand(layer->band());
    cache->m_width = layer->width();
    cache->m_height = layer->height();
    cache->m_blockWidth = layer->blockWidth();
    cache->m_blockHeight = layer->blockHeight();
    if (std::int64_t(cache->m_blockWidth) * cache->m_blockHeight > kMaxBlockPixels) {
        // Whole-image strips or giant tiles: read aligned sub-windows instead.
        cache->m_blockWidth = std::min(cache->m_blockWidth, 256);
        cache->m_blockHeight = std::min(cache->m_blockHeight, 256);
    }
    const std::size_t blockBytes = std::size_t(cache->m_blockWidth) * cache->m_blockHeight * 4;
    cache->m_maxBlocks = std::max<std::size_t>(4, maxBytes / blockBytes);
    cache->m_layer = std::move(layer);
    return cache;
}

const float *BlockCache::lookup(std::uint64_t key, int bx, int by)
{
    auto it = m_entries.find(key);
    if (it != m_entries.end()) {
        m_ages.splice(m_ages.begin(), m_ages, it->second.age);
    } else {
        std::vector<float> data;
        if (m_entries.size() >= m_maxBlocks) {
            // Reuse the oldest block's memory.
            auto oldest = m_entries.find(m_ages.back());
            data = std::move(oldest->second.data);
            m_entries.erase(oldest);
            m_ages.pop_back();
        }
        if (!readBlock(bx, by, data)) {
            m_lastKey = ~std::uint64_t(0);
            m_lastData = nullptr;
            return nullptr;
        }
        m_ages.push_front(key);
        it = m_entries.emplace(key, Entry{std::move(data), m_ages.begin()}).first;
    }
    m_lastKey = key;
    m_lastData = it->second.data.data();
    return m_lastData;
}

bool BlockCache::readBlock(int bx, int by, std::vector<float> &out)
{
    const int x0 = bx * m_blockWidth;
    const int y0 = by * m_blockHeight;
    if (x0 >= m_width || y0 >= m_height || bx < 0 || by < 0) {
        return false;
    }
    const int w = std::min(m_blockWidth, m_width - x0);
    const int h = std::min(m_blockHeight, m_height - y0);
    out.assign(std::size_t(m_blockWidth) * m_blockHeight, kNoValue);
    RasterErrorTrap trap;
    const CPLErr err =
            m_band->RasterIO(GF_Read, x0, y0, w, h, out.data(), w, h, GDT_Float32, sizeof(float),
                             GSpacing(m_blockWidth) * sizeof(float), nullptr);
    ++m_blocksRead;
    if (err != CE_None) {
        m_lastError = trap.explain(
                m_layer->displayName()
                + QStringLiteral(": block at pixel (%1, %2) cannot be read — the file may be "
                                 "truncated or damaged")
                          .arg(x0)
                          .arg(y0));
        return false;
    }
    const RasterLayer &layer = *m_layer;
    const bool scaled = layer.scale() != 1.0 || layer.offset() != 0.0;
    const auto noData = layer.noData();
    // A Float32 no-data value compares equal only after the same float rounding.
    const float nd = noData ? float(*noData) : 0.0f;
    for (int r = 0; r < h; ++r) {
        float *row = out.data() + std::size_t(r) * m_blockWidth;
        for (int c = 0; c < w; ++c) {
            float &v = row[c];
            if (noData && v == nd) {
                v = kNoValue;
            } else if (scaled) {
                v = float(v * layer.scale() + layer.offset());
            }
        }
    }
    return true;
}

} // namespace maps
