// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/raster/rasterlayer.h"

#include "maps/io/gdalenvironment.h"
#include "maps/io/rastererrortrap.h"
#include "maps/raster/rasterrole.h"

#include <QFileInfo>

#include <cmath>
#include <vector>

namespace maps {

namespace {

Error fail(const QString &name, const QString &text, ErrorCode code = ErrorCode::NotReadable)
{
    return maps::fail(name + QStringLiteral(": ") + text, code);
}

// Reads one block through RasterIO; false when GDAL cannot deliver its pixels.
bool probeBlock(GDALRasterBand *band, int bx, int by, int bw, int bh)
{
    const int x0 = bx * bw;
    const int y0 = by * bh;
    const int w = std::min(bw, band->GetXSize() - x0);
    const int h = std::min(bh, band->GetYSize() - y0);
    std::vector<float> buffer(std::size_t(w) * h);
    return band->RasterIO(GF_Read, x0, y0, w, h, buffer.data(), w, h, GDT_Float32, 0, 0, nullptr)
            == CE_None;
}

} // namespace

QString RasterLayer::displayName() const
{
    const QString name = QFileInfo(m_path).fileName();
    return name.isEmpty() ? m_path : name;
}

bool RasterLayer::isNoData(double raw) const
{
    return std::isnan(raw) || (m_noData && raw == *m_noData);
}

Expected<RasterDataset> RasterLayer::openDataset() const
{
    ensureGdal();
    RasterErrorTrap trap;
    const QByteArray path = m_path.toUtf8();
    auto *ds = GDALDataset::FromHandle(GDALOpenEx(
            path.constData(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds) {
        return fail(displayName(), trap.explain(QStringLiteral("can no longer be opened")));
    }
    return RasterDataset(ds);
}

namespace {

// What the role guess looks at; the value range comes from a 64 × 64 nearest-neighbour sample
// of the band (GDAL reads only the blocks that hold sampled pixels).
RasterFacts factsOf(const RasterLayer &layer, GDALRasterBand &band, const QString &name)
{
    RasterFacts facts;
    facts.name = name;
    facts.bandDescription = QString::fromUtf8(band.GetDescription());
    facts.type = layer.dataType();
    for (const auto &[code, colour] : layer.colorTable()) {
        // Palettes fill unused codes with opaque black (NLCD's 256 entries do).
        if (colour.red() || colour.green() || colour.blue())
            facts.paletteCodes.push_back(code);
    }
    constexpr int kSample = 64;
    std::vector<double> values(std::size_t(kSample) * kSample);
    if (band.RasterIO(GF_Read, 0, 0, layer.width(), layer.height(), values.data(), kSample, kSample,
                      GDT_Float64, 0, 0, nullptr)
        != CE_None)
        return facts;
    for (double v : values) {
        if (layer.isNoData(v))
            continue;
        v = v * layer.scale() + layer.offset();
        facts.minimum = std::isnan(facts.minimum) ? v : std::min(facts.minimum, v);
        facts.maximum = std::isnan(facts.maximum) ? v : std::max(facts.maximum, v);
    }
    return facts;
}

} // namespace

Expected<std::shared_ptr<const RasterLayer>> RasterLayer::open(const QString &path, LayerRole role,
                                                               int band)
{
    ensureGdal();
    const QFileInfo info(path);
    const QString name = info.fileName().isEmpty() ? path : info.fileName();
    if (!path.startsWith(QStringLiteral("/vsi")) && !info.exists()) {
        return fail(path, QStringLiteral("file not found — check the path"), ErrorCode::NotFound);
    }
    RasterErrorTrap trap;
    const QByteArray bytes = path.toUtf8();
    RasterDataset ds(GDALDataset::FromHandle(GDALOpenEx(
            bytes.constData(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds) {
        return fail(
                name,
                trap.explain(QStringLiteral("GDAL cannot read this as a raster (is it a GeoTIFF, "
                                            "COG or VRT, and complete?)")));
    }
    if (ds->GetRasterCount() < 1) {
        return fail(name, QStringLiteral("has no raster bands"));
    }
    if (band < 1 || band > ds->GetRasterCount()) {
        return fail(name,
                    QStringLiteral("has %1 band(s); band %2 does not exist")
                            .arg(ds->GetRasterCount())
                            .arg(band));
    }
    if (ds->GetRasterXSize() < 1 || ds->GetRasterYSize() < 1) {
        return fail(name, QStringLiteral("has no pixels"));
    }
    double gt[6];
    if (ds->GetGeoTransform(gt) != CE_None) {
        return fail(name,
                    QStringLiteral("has no georeferencing — add it, e.g. with "
                                   "gdal_translate -a_ullr … -a_srs …"));
    }
    if (gt[2] != 0.0 || gt[4] != 0.0) {
        return fail(name,
                    QStringLiteral("is rotated or sheared — warp it north-up first "
                                   "(gdalwarp)"));
    }
    if (gt[1] == 0.0 || gt[5] == 0.0 || !std::isfinite(gt[1]) || !std::isfinite(gt[5])) {
        return fail(name, QStringLiteral("has an invalid pixel size in its georeferencing"));
    }
    if (!std::isfinite(gt[0]) || !std::isfinite(gt[3])) {
        return fail(name,
                    QStringLiteral("has a non-finite origin (NaN or infinity) in its "
                                   "georeferencing — the file is damaged"));
    }
    // Never assumed: a raster without a coordinate system cannot be placed on the map.
    if (const char *crs = ds->GetProjectionRef(); !crs || !*crs) {
        return fail(name,
                    QStringLiteral("has no coordinate system — assign one, e.g. with "
                                   "gdal_edit.py -a_srs EPSG:4326 (the raster's own)"));
    }

    std::shared_ptr<RasterLayer> layer(new RasterLayer);
    layer->m_path = path;
    layer->m_role = role;
    layer->m_band = band;
    const char *wkt = ds->GetProjectionRef();
    layer->m_grid = RasterGrid::fromGeoTransform(gt, ds->GetRasterXSize(), ds->GetRasterYSize(),
                                                 wkt ? QString::fromUtf8(wkt) : QString());

    GDALRasterBand *b = ds->GetRasterBand(band);
    layer->m_dataType = b->GetRasterDataType();
    int has = 0;
    const double nd = b->GetNoDataValue(&has);
    if (has) {
        layer->m_noData = nd;
    }
    layer->m_scale = b->GetScale(&has);
    if (!has || layer->m_scale == 0.0) {
        layer->m_scale = 1.0;
    }
    layer->m_offset = b->GetOffset(&has);
    if (!has) {
        layer->m_offset = 0.0;
    }
    b->GetBlockSize(&layer->m_blockWidth, &layer->m_blockHeight);
    layer->m_blockWidth = std::max(1, std::min(layer->m_blockWidth, layer->width()));
    layer->m_blockHeight = std::max(1, std::min(layer->m_blockHeight, layer->height()));
    layer->m_overviewCount = b->GetOverviewCount();
    if (const GDALColorTable *ct = b->GetColorTable()) {
        for (int i = 0; i < ct->GetColorEntryCount(); ++i) {
            const GDALColorEntry *e = ct->GetColorEntry(i);
            if (e && (e->c1 || e->c2 || e->c3 || e->c4)) {
                layer->m_colorTable[i] = QColor(e->c1, e->c2, e->c3, e->c4);
            }
        }
    }

    // A truncated file often opens (its header is intact) and fails on the first pixel read;
    // reading the first and the last block finds that now rather than during a drag.
    const int lastBx = (layer->width() - 1) / layer->m_blockWidth;
    const int lastBy = (layer->height() - 1) / layer->m_blockHeight;
    if (!probeBlock(b, 0, 0, layer->m_blockWidth, layer->m_blockHeight)
        || !probeBlock(b, lastBx, lastBy, layer->m_blockWidth, layer->m_blockHeight)) {
        return fail(name,
                    trap.explain(QStringLiteral("pixel data cannot be read — the file "
                                                "is probably truncated or damaged")));
    }
    if (role == LayerRole::Unknown) {
        const RoleGuess guess = guessRasterRole(factsOf(*layer, *b, name));
        layer->m_role = guess.role;
        layer->m_roleReason = guess.reason;
    }
    return std::shared_ptr<const RasterLayer>(std::move(layer));
}

} // namespace maps
