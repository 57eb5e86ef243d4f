// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/raster/rasterbuffer.h"

#include "maps/raster/rasterfilewriter.h"

namespace maps {

Status RasterBuffer::saveGeoTiff(const QString &path) const
{
    if (grid.isEmpty() || values.size() != std::size_t(grid.pixelCount())) {
        return fail(path + QStringLiteral(": nothing to write (empty raster)"));
    }
    auto writer = RasterFileWriter::create(path, grid, true);
    if (!writer) {
        return writer.error();
    }
    auto status = (*writer)->writeWindow(0, 0, grid.width, grid.height, values.data());
    if (!status) {
        return status;
    }
    return (*writer)->finish();
}

} // namespace maps
