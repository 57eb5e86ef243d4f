// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/rasterfilewriter.h"

#include "maps/gdalenvironment.h"
#include "maps/rastererrortrap.h"

#include <cpl_string.h>

#include <limits>

namespace maps {

Expected<std::unique_ptr<RasterFileWriter>>
RasterFileWriter::create(const QString &path, const RasterGrid &grid, bool compress)
{
    ensureGdal();
    if (grid.isEmpty()) {
        return Error{path + QStringLiteral(": nothing to write (empty grid)")};
    }
    RasterErrorTrap trap;
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    CPLStringList options;
    options.SetNameValue("TILED", "YES");
    options.SetNameValue("BIGTIFF", "IF_SAFER");
    if (compress) {
        options.SetNameValue("COMPRESS", "DEFLATE");
    }
    const QByteArray bytes = path.toUtf8();
    RasterDataset ds(driver->Create(bytes.constData(), grid.width, grid.height, 1, GDT_Float32,
                                    options.List()));
    if (!ds) {
        return Error{trap.explain(path
                                  + QStringLiteral(": cannot create the file (is the folder "
                                                   "writable?)"))};
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

RasterStatus RasterFileWriter::writeWindow(int col, int row, int width, int height,
                                           const float *values)
{
    std::lock_guard lock(m_mutex);
    if (!m_dataset) {
        return Error{m_path + QStringLiteral(": already closed")};
    }
    RasterErrorTrap trap;
    const CPLErr err = m_dataset->GetRasterBand(1)->RasterIO(GF_Write, col, row, width, height,
                                                             const_cast<float *>(values), width,
                                                             height, GDT_Float32, 0, 0, nullptr);
    if (err != CE_None) {
        return Error{trap.explain(m_path + QStringLiteral(": writing failed (disk full?)"))};
    }
    return rasterDone();
}

RasterStatus RasterFileWriter::finish()
{
    std::lock_guard lock(m_mutex);
    RasterErrorTrap trap;
    m_dataset.reset();
    if (trap.hasError()) {
        return Error{trap.explain(m_path + QStringLiteral(": writing failed (disk full?)"))};
    }
    return rasterDone();
}

} // namespace maps
