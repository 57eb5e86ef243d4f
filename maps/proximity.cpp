// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/proximity.h"

#include "maps/gdalenvironment.h"
#include "maps/proximitytransform.h"
#include "maps/rasterdataset.h"
#include "maps/rastererrortrap.h"
#include "maps/rasterpixelspacing.h"

#include <QFileInfo>

#include "maps/crstransform.h"
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

} // namespace

Expected<std::vector<std::uint8_t>> Proximity::rasterise(const QString &datasource,
                                                         const RasterGrid &grid,
                                                         const ProximityOptions &options)
{
    ensureGdal();
    const QString name = nameOf(datasource);
    if (grid.isEmpty() || grid.pixelCount() > kMaxPixels) {
        return Error{QStringLiteral("%1: a %2 × %3 proximity grid is empty or too large — choose "
                                    "a smaller region or a coarser resolution")
                             .arg(name)
                             .arg(grid.width)
                             .arg(grid.height)};
    }
    RasterErrorTrap trap;
    const QByteArray path = datasource.toUtf8();
    RasterDataset vectors(GDALDataset::FromHandle(GDALOpenEx(
            path.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!vectors) {
        return Error{trap.explain(name + QStringLiteral(": not a vector datasource GDAL can read")),
                     QFileInfo::exists(datasource) ? ErrorCode::NotReadable : ErrorCode::NotFound};
    }
    OGRLayer *layer = options.layerName.isEmpty()
            ? vectors->GetLayer(0)
            : vectors->GetLayerByName(options.layerName.toUtf8().constData());
    if (!layer) {
        return Error{name
                             + QStringLiteral(": no layer '%1' — pick one of its layers")
                                       .arg(options.layerName),
                     ErrorCode::NotFound};
    }
    if (!options.where.isEmpty()
        && layer->SetAttributeFilter(options.where.toUtf8().constData()) != OGRERR_NONE) {
        return Error{trap.explain(
                name + QStringLiteral(": the filter '%1' is not valid").arg(options.where))};
    }

    GDALDriver *mem = GetGDALDriverManager()->GetDriverByName("MEM");
    RasterDataset target(mem->Create("", grid.width, grid.height, 1, GDT_Byte, nullptr));
    if (!target) {
        return Error{trap.explain(name + QStringLiteral(": not enough memory for the mask"))};
    }
    auto gt = grid.geoTransform();
    target->SetGeoTransform(gt.data());
    if (!grid.crsWkt.isEmpty()) {
        target->SetProjection(grid.crsWkt.toUtf8().constData());
    }
    int bands[] = {1};
    double burn[] = {1.0};
    OGRLayerH layers[] = {OGRLayer::ToHandle(layer)};
    CPLStringList rasterOptions;
    if (options.allTouched) {
        rasterOptions.SetNameValue("ALL_TOUCHED", "TRUE");
    }
    if (GDALRasterizeLayers(GDALDataset::ToHandle(target.get()), 1, bands, 1, layers, nullptr,
                            nullptr, burn, rasterOptions.List(), nullptr, nullptr)
        != CE_None) {
        return Error{trap.explain(name
                                  + QStringLiteral(": its features could not be burnt into "
                                                   "the grid"))};
    }
    std::vector<std::uint8_t> mask(std::size_t(grid.pixelCount()));
    if (target->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, grid.width, grid.height, mask.data(),
                                           grid.width, grid.height, GDT_Byte, 0, 0, nullptr)
        != CE_None) {
        return Error{trap.explain(name + QStringLiteral(": reading the mask failed"))};
    }
    return mask;
}

Expected<RasterBuffer> Proximity::fromMask(const std::vector<std::uint8_t> &mask,
                                           const RasterGrid &grid, const ProximityOptions &options,
                                           const RasterJobControl &control)
{
    if (grid.isEmpty() || mask.size() != std::size_t(grid.pixelCount())) {
        return Error{QStringLiteral("proximity: the mask does not match the grid")};
    }
    const RasterPixelSpacing spacing(grid);
    // Projected: CRS units; geographic: metres, east-west scale by row.
    const double dy = spacing.isGeographic() ? spacing.metresAt(grid.height / 2).second
                                             : std::abs(grid.pixelHeight);
    auto dxOfRow = [&](int row) {
        return spacing.isGeographic() ? spacing.metresAt(row).first : std::abs(grid.pixelWidth);
    };
    const float limit = options.maxDistance ? float(*options.maxDistance)
                                            : std::numeric_limits<float>::infinity();
    RasterBuffer out{grid, std::vector<float>(std::size_t(grid.pixelCount()))};
    auto status = ProximityTransform::distances(mask, grid.width, grid.height, dxOfRow, dy, limit,
                                                out.values.data(), control);
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
    if (std::none_of(mask->begin(), mask->end(), [](std::uint8_t m) { return m != 0; })) {
        return Error{
                nameOf(datasource)
                + QStringLiteral(": no features fall inside the area — distances are measured "
                                 "to features inside it, so widen the area or check the filter")};
    }
    if (RasterTileRunner::cancelled(control)) {
        return RasterTileRunner::cancelledError();
    }
    return fromMask(*mask, grid, options, control);
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
