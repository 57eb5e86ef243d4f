// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/analysis/proximity.h"

#include "maps/analysis/proximitytransform.h"
#include "maps/geo/crstransform.h"
#include "maps/io/gdalenvironment.h"
#include "maps/io/rasterdataset.h"
#include "maps/io/rastererrortrap.h"
#include "maps/raster/pagebuffer.h"
#include "maps/raster/rasterfilewriter.h"
#include "maps/raster/rasterpixelspacing.h"

#include <QFileInfo>

#include <gdal_alg.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>

namespace maps {

namespace {

constexpr std::int64_t kMaxPixels = std::int64_t(512) << 20;

QString nameOf(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    return name.isEmpty() ? path : name;
}

Error gridError(const QString &name, const RasterGrid &grid)
{
    return fail(QStringLiteral("%1: a %2 × %3 proximity grid is empty or too large — choose "
                               "a smaller region or a coarser resolution")
                        .arg(name)
                        .arg(grid.width)
                        .arg(grid.height));
}

// Burns the layer's features (1 = feature) into mask[grid.pixelCount()], which must be zero.
// GDALRasterizeLayersBuf writes into the caller's buffer: no in-memory dataset to fill, read
// back and copy.
Status burn(const QString &datasource, const RasterGrid &grid, const ProximityOptions &options,
            std::uint8_t *mask)
{
    ensureGdal();
    const QString name = nameOf(datasource);
    RasterErrorTrap trap;
    const QByteArray path = datasource.toUtf8();
    RasterDataset vectors(GDALDataset::FromHandle(GDALOpenEx(
            path.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!vectors) {
        return fail(trap.explain(name + QStringLiteral(": not a vector datasource GDAL can read")),
                    QFileInfo::exists(datasource) ? ErrorCode::NotReadable : ErrorCode::NotFound);
    }
    OGRLayer *layer = options.layerName.isEmpty()
            ? vectors->GetLayer(0)
            : vectors->GetLayerByName(options.layerName.toUtf8().constData());
    if (!layer) {
        return fail(name
                            + QStringLiteral(": no layer '%1' — pick one of its layers")
                                      .arg(options.layerName),
                    ErrorCode::NotFound);
    }
    if (!options.where.isEmpty()
        && layer->SetAttributeFilter(options.where.toUtf8().constData()) != OGRERR_NONE) {
        return fail(trap.explain(
                name + QStringLiteral(": the filter '%1' is not valid").arg(options.where)));
    }
    auto gt = grid.geoTransform();
    // GDAL wants WKT here and crashes on a definition it cannot read, so the grid's CRS (WKT,
    // "EPSG:n" or PROJ) is read and written out as WKT first.
    QByteArray wkt;
    if (!grid.crsWkt.isEmpty()) {
        OGRSpatialReference srs;
        char *text = nullptr;
        if (!CrsTransform::parseCrs(srs, grid.crsWkt) || srs.exportToWkt(&text) != OGRERR_NONE) {
            CPLFree(text);
            return fail(QStringLiteral("the grid's coordinate system '%1' cannot be read")
                                .arg(grid.crsWkt.left(80)),
                        ErrorCode::MissingCrs);
        }
        wkt = text;
        CPLFree(text);
    }
    OGRLayerH layers[] = {OGRLayer::ToHandle(layer)};
    CPLStringList rasterOptions;
    if (options.allTouched) {
        rasterOptions.SetNameValue("ALL_TOUCHED", "TRUE");
    }
    if (GDALRasterizeLayersBuf(mask, grid.width, grid.height, GDT_Byte, 0, 0, 1, layers,
                               wkt.isEmpty() ? nullptr : wkt.constData(), gt.data(), nullptr,
                               nullptr, 1.0, rasterOptions.List(), nullptr, nullptr)
        != CE_None) {
        return fail(trap.explain(name
                                 + QStringLiteral(": its features could not be burnt into "
                                                  "the grid")));
    }
    return done();
}

bool hasTarget(const std::uint8_t *mask, std::size_t size)
{
    return std::any_of(mask, mask + size, [](std::uint8_t m) { return m != 0; });
}

Error noFeatures(const QString &datasource)
{
    return fail(nameOf(datasource)
                + QStringLiteral(": no features fall inside the area — distances are measured "
                                 "to features inside it, so widen the area or check the filter"));
}

// The transform's inputs for a grid: dy, dx by row (see the header on units) and the limit.
// Projected grids measure in CRS units; geographic ones in metres, east-west scale by row.
struct Metric
{
    RasterPixelSpacing spacing;
    double pixelWidth;
    double dy;
    float limit;

    Metric(const RasterGrid &grid, const ProximityOptions &options)
        : spacing(grid), pixelWidth(std::abs(grid.pixelWidth)),
          dy(spacing.isGeographic() ? spacing.metresAt(grid.height / 2).second
                                    : std::abs(grid.pixelHeight)),
          limit(options.maxDistance ? float(*options.maxDistance)
                                    : std::numeric_limits<float>::infinity())
    {}

    // Valid while this Metric lives.
    std::function<double(int)> dxOfRow() const
    {
        return [this](int row) {
            return spacing.isGeographic() ? spacing.metresAt(row).first : pixelWidth;
        };
    }
};

} // namespace

Expected<std::vector<std::uint8_t>> Proximity::rasterise(const QString &datasource,
                                                         const RasterGrid &grid,
                                                         const ProximityOptions &options)
{
    if (grid.isEmpty() || grid.pixelCount() > kMaxPixels) {
        return gridError(nameOf(datasource), grid);
    }
    std::vector<std::uint8_t> mask(std::size_t(grid.pixelCount()));
    auto status = burn(datasource, grid, options, mask.data());
    if (!status) {
        return status.error();
    }
    return mask;
}

Expected<RasterBuffer> Proximity::fromMask(const std::vector<std::uint8_t> &mask,
                                           const RasterGrid &grid, const ProximityOptions &options,
                                           const RasterJobControl &control)
{
    if (grid.isEmpty() || mask.size() != std::size_t(grid.pixelCount())) {
        return fail(QStringLiteral("proximity: the mask does not match the grid"));
    }
    const Metric metric(grid, options);
    RasterBuffer out{grid, std::vector<float>(std::size_t(grid.pixelCount()))};
    auto status =
            ProximityTransform::distances(mask.data(), grid.width, grid.height, metric.dxOfRow(),
                                          metric.dy, metric.limit, out.values.data(), control);
    if (!status) {
        return status.error();
    }
    return out;
}

Expected<RasterBuffer> Proximity::fromVector(const QString &datasource, const RasterGrid &grid,
                                             const ProximityOptions &options,
                                             const RasterJobControl &control)
{
    auto mask = rasterise(datasource, grid, options);
    if (!mask) {
        return mask.error();
    }
    if (!hasTarget(mask->data(), mask->size())) {
        return noFeatures(datasource);
    }
    if (RasterTileRunner::cancelled(control)) {
        return RasterTileRunner::cancelledError();
    }
    return fromMask(*mask, grid, options, control);
}

Status Proximity::writeGeoTiff(const QString &datasource, const RasterGrid &grid,
                               const QString &path, const ProximityOptions &options,
                               const RasterJobControl &control)
{
    if (grid.isEmpty() || grid.pixelCount() > kMaxPixels) {
        return gridError(nameOf(datasource), grid);
    }
    // The mask is the only whole-grid buffer; huge pages make its first touch cheap.
    PageBuffer mask(std::size_t(grid.pixelCount()));
    if (!mask) {
        return fail(nameOf(datasource) + QStringLiteral(": not enough memory for the mask"));
    }
    auto status = burn(datasource, grid, options, mask.as<std::uint8_t>());
    if (!status) {
        return status;
    }
    if (!hasTarget(mask.as<std::uint8_t>(), mask.size())) {
        return noFeatures(datasource);
    }
    if (RasterTileRunner::cancelled(control)) {
        return RasterTileRunner::cancelledError();
    }
    auto writer = RasterFileWriter::create(path, grid);
    if (!writer) {
        return writer.error();
    }
    const Metric metric(grid, options);
    // Bands as tall as the file's tiles, so that every tile is written whole, once.
    status = ProximityTransform::distances(
            mask.as<std::uint8_t>(), grid.width, grid.height, metric.dxOfRow(), metric.dy,
            metric.limit, RasterFileWriter::blockSize,
            [&](int row, int rows, const float *distances) {
                return (*writer)->writeWindow(0, row, grid.width, rows, distances);
            },
            control);
    auto finished = (*writer)->finish();
    return status ? finished : status;
}

QString Proximity::distanceUnit(const RasterGrid &grid)
{
    OGRSpatialReference srs;
    if (!CrsTransform::parseCrs(srs, grid.crsWkt) || srs.IsGeographic()) {
        return QStringLiteral("m");
    }
    const char *unit = nullptr;
    srs.GetLinearUnits(&unit);
    return unit && QByteArray(unit) != "metre" ? QString::fromUtf8(unit) : QStringLiteral("m");
}

} // namespace maps
