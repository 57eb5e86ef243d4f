// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/raster/rasterfilewriter.h"

#include "maps/io/gdalenvironment.h"
#include "maps/io/rastererrortrap.h"

#include <cpl_string.h>

#include <algorithm>
#include <limits>
#include <vector>

namespace maps {

Expected<std::unique_ptr<RasterFileWriter>>
RasterFileWriter::create(const QString &path, const RasterGrid &grid, bool compress)
{
    ensureGdal();
    if (grid.isEmpty()) {
        return fail(path + QStringLiteral(": nothing to write (empty grid)"));
    }
    RasterErrorTrap trap;
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    CPLStringList options;
    options.SetNameValue("TILED", "YES");
    const QByteArray blockText = QByteArray::number(blockSize);
    options.SetNameValue("BLOCKXSIZE", blockText.constData());
    options.SetNameValue("BLOCKYSIZE", blockText.constData());
    options.SetNameValue("BIGTIFF", "IF_SAFER");
    if (compress) {
        options.SetNameValue("COMPRESS", "DEFLATE");
    }
    const QByteArray bytes = path.toUtf8();
    RasterDataset ds(driver->Create(bytes.constData(), grid.width, grid.height, 1, GDT_Float32,
                                    options.List()));
    if (!ds) {
        return fail(trap.explain(path
                                 + QStringLiteral(": cannot create the file (is the folder "
                                                  "writable?)")));
    }
    auto gt = grid.geoTransform();
    ds->SetGeoTransform(gt.data());
    if (!grid.crsWkt.isEmpty()) {
        ds->SetProjection(grid.crsWkt.toUtf8().constData());
    }
    ds->GetRasterBand(1)->SetNoDataValue(std::numeric_limits<double>::quiet_NaN());
    std::unique_ptr<RasterFileWriter> writer(new RasterFileWriter);
    writer->m_path = path;
    writer->m_grid = grid;
    writer->m_dataset = std::move(ds);
    return writer;
}

Status RasterFileWriter::writeWindow(int col, int row, int width, int height, const float *values)
{
    // Copy whole blocks into block layout outside the lock, so workers overlap; windows never
    // overlap, so a block covered whole by this window is touched by no other window.
    const int bw = blockSize;
    const int bh = blockSize;
    std::vector<float> block;
    for (int by = row / bh; by * bh < row + height; ++by) {
        for (int bx = col / bw; bx * bw < col + width; ++bx) {
            const int left = bx * bw;
            const int top = by * bh;
            const int right = std::min(left + bw, m_grid.width);
            const int bottom = std::min(top + bh, m_grid.height);
            const int cx0 = std::max(col, left);
            const int cx1 = std::min(col + width, right);
            const int cy0 = std::max(row, top);
            const int cy1 = std::min(row + height, bottom);
            const float *from = values + std::size_t(cy0 - row) * width + (cx0 - col);
            std::unique_lock lock(m_mutex, std::defer_lock);
            if (cx0 != left || cx1 != right || cy0 != top || cy1 != bottom) {
                // Part of a block: through GDAL's block cache, which merges the parts.
                lock.lock();
                auto status = writeRaster(cx0, cy0, cx1 - cx0, cy1 - cy0, from, width);
                if (!status) {
                    return status;
                }
                continue;
            }
            block.assign(std::size_t(bw) * bh, std::numeric_limits<float>::quiet_NaN());
            for (int r = cy0; r < cy1; ++r) {
                std::copy_n(from + std::size_t(r - cy0) * width, cx1 - cx0,
                            block.data() + std::size_t(r - top) * bw);
            }
            lock.lock();
            if (!m_dataset) {
                return fail(m_path + QStringLiteral(": already closed"));
            }
            RasterErrorTrap trap;
            if (m_dataset->GetRasterBand(1)->WriteBlock(bx, by, block.data()) != CE_None) {
                return fail(trap.explain(m_path + QStringLiteral(": writing failed (disk full?)")));
            }
        }
    }
    return done();
}

Status RasterFileWriter::writeRaster(int col, int row, int width, int height, const float *values,
                                     int stride)
{
    if (!m_dataset) {
        return fail(m_path + QStringLiteral(": already closed"));
    }
    RasterErrorTrap trap;
    const CPLErr err = m_dataset->GetRasterBand(1)->RasterIO(
            GF_Write, col, row, width, height, const_cast<float *>(values), width, height,
            GDT_Float32, sizeof(float), GSpacing(stride) * sizeof(float), nullptr);
    if (err != CE_None) {
        return fail(trap.explain(m_path + QStringLiteral(": writing failed (disk full?)")));
    }
    return done();
}

Status RasterFileWriter::finish()
{
    std::lock_guard lock(m_mutex);
    RasterErrorTrap trap;
    m_dataset.reset();
    if (trap.hasError()) {
        return fail(trap.explain(m_path + QStringLiteral(": writing failed (disk full?)")));
    }
    return done();
}

} // namespace maps
