// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/render/imagery.h"

#include "maps/io/gdalenvironment.h"
#include "maps/io/gdalopen.h"

#include <gdal_priv.h>
#include <gdal_utils.h>

#include <QColor>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace maps {
namespace {

struct Stop
{
    double t;
    QColor colour;
};

const std::vector<Stop> &stops(ColourRamp ramp)
{
    static const std::vector<Stop> terrain = {{0.0, QColor(38, 115, 77)},
                                              {0.25, QColor(130, 180, 100)},
                                              {0.5, QColor(225, 215, 150)},
                                              {0.75, QColor(175, 130, 90)},
                                              {1.0, QColor(245, 245, 245)}};
    static const std::vector<Stop> viridis = {{0.0, QColor(68, 1, 84)},
                                              {0.25, QColor(59, 82, 139)},
                                              {0.5, QColor(33, 145, 140)},
                                              {0.75, QColor(94, 201, 98)},
                                              {1.0, QColor(253, 231, 37)}};
    static const std::vector<Stop> heat = {{0.0, QColor(49, 54, 149)},
                                           {0.25, QColor(116, 173, 209)},
                                           {0.5, QColor(255, 255, 191)},
                                           {0.75, QColor(244, 109, 67)},
                                           {1.0, QColor(165, 0, 38)}};
    static const std::vector<Stop> greys = {{0.0, QColor(20, 20, 20)},
                                            {1.0, QColor(240, 240, 240)}};
    switch (ramp) {
    case ColourRamp::Terrain:
        return terrain;
    case ColourRamp::Heat:
        return heat;
    case ColourRamp::Greys:
        return greys;
    default:
        return viridis;
    }
}

ColourRamp rampFor(const RasterLayer &layer, ColourRamp chosen)
{
    if (chosen != ColourRamp::Auto)
        return chosen;
    switch (layer.role()) {
    case LayerRole::Elevation:
        return ColourRamp::Terrain;
    case LayerRole::Climate:
        return ColourRamp::Heat;
    default:
        return ColourRamp::Viridis;
    }
}

// Warps the layer's band into an in-memory raster on the viewport's grid.
Expected<GDALDatasetUniquePtr> warp(const RasterLayer &layer, GDALDataset *source,
                                    const Viewport &viewport)
{
    const QRectF e = viewport.extent();
    const bool categorical = layer.isCategorical();
    QStringList args = {"-of",
                        "MEM",
                        "-t_srs",
                        viewport.crs(),
                        "-te",
                        QString::number(e.left(), 'f', 6),
                        QString::number(e.top(), 'f', 6),
                        QString::number(e.right(), 'f', 6),
                        QString::number(e.bottom(), 'f', 6),
                        "-ts",
                        QString::number(viewport.size().width()),
                        QString::number(viewport.size().height()),
                        "-r",
                        categorical ? "near" : "bilinear",
                        "-ot",
                        "Float32",
                        "-dstnodata",
                        "nan"};
    std::vector<QByteArray> bytes;
    std::vector<char *> argv;
    for (const QString &a : args)
        bytes.push_back(a.toUtf8());
    for (QByteArray &b : bytes)
        argv.push_back(b.data());
    argv.push_back(nullptr);
    GDALWarpAppOptions *options = GDALWarpAppOptionsNew(argv.data(), nullptr);
    // GDAL 3.6's warper has no band choice: pick the band through a virtual raster first.
    const QByteArray bandArg = QByteArray::number(layer.band());
    char *translateArgv[] = {const_cast<char *>("-of"), const_cast<char *>("VRT"),
                             const_cast<char *>("-b"), const_cast<char *>(bandArg.constData()),
                             nullptr};
    GDALTranslateOptions *translateOptions = GDALTranslateOptionsNew(translateArgv, nullptr);
    GDALDatasetUniquePtr single(GDALDataset::FromHandle(
            GDALTranslate("", GDALDataset::ToHandle(source), translateOptions, nullptr)));
    GDALTranslateOptionsFree(translateOptions);
    if (!single)
        return fail(QStringLiteral("%1: band %2 cannot be read")
                            .arg(layer.displayName())
                            .arg(layer.band()));
    GDALDatasetH sources[] = {GDALDataset::ToHandle(single.get())};
    int usageError = 0;
    GDALDatasetH out = GDALWarp("", nullptr, 1, sources, options, &usageError);
    GDALWarpAppOptionsFree(options);
    if (!out)
        return fail(QStringLiteral("%1: cannot be drawn in %2")
                            .arg(layer.displayName(), viewport.crs()));
    return GDALDatasetUniquePtr(GDALDataset::FromHandle(out));
}

} // namespace

QColor rampColour(ColourRamp ramp, double t)
{
    const auto &s = stops(ramp);
    t = std::clamp(t, 0.0, 1.0);
    for (std::size_t i = 1; i < s.size(); ++i) {
        if (t <= s[i].t) {
            const double u = (t - s[i - 1].t) / (s[i].t - s[i - 1].t);
            const QColor &a = s[i - 1].colour, &b = s[i].colour;
            return QColor::fromRgbF(float(a.redF() + u * (b.redF() - a.redF())),
                                    float(a.greenF() + u * (b.greenF() - a.greenF())),
                                    float(a.blueF() + u * (b.blueF() - a.blueF())));
        }
    }
    return s.back().colour;
}

Expected<QImage> drawRaster(const RasterLayer &layer, const Viewport &viewport,
                            const ImageryStyle &style, const std::atomic<bool> *cancel)
{
    ensureGdal();
    if (!viewport.isValid())
        return fail(QStringLiteral("the view is empty"));
    QuietGdalErrors quiet;
    GDALDatasetUniquePtr source(GDALDataset::Open(layer.path().toUtf8().constData(),
                                                  GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!source)
        return fail(QStringLiteral("%1: cannot be opened (%2)")
                            .arg(layer.displayName(), quiet.lastMessage()),
                    ErrorCode::NotReadable);
    auto warped = warp(layer, source.get(), viewport);
    if (!warped)
        return warped.error();
    if (cancel && *cancel)
        return fail(QStringLiteral("cancelled"), ErrorCode::Cancelled);
    const int w = viewport.size().width(), h = viewport.size().height();
    std::vector<float> values(std::size_t(w) * std::size_t(h));
    if ((*warped)->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, values.data(), w, h, GDT_Float32,
                                              0, 0)
        != CE_None)
        return fail(QStringLiteral("%1: read failed (%2)")
                            .arg(layer.displayName(), quiet.lastMessage()),
                    ErrorCode::NotReadable);

    QImage image(w, h, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    const auto &table = layer.colorTable();
    if (layer.isCategorical() && !table.empty()) {
        for (int y = 0; y < h; ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < w; ++x) {
                const float v = values[std::size_t(y) * w + x];
                if (std::isnan(v) || layer.isNoData(v))
                    continue;
                auto it = table.find(int(std::lround(v)));
                if (it != table.end() && it->second.alpha() > 0)
                    line[x] = it->second.rgba();
            }
        }
        return image;
    }

    // The ramp's ends: the user's, else the band's statistics (approximate, from overviews).
    double lo = 0.0, hi = 1.0;
    double minMax[2] = {0.0, 1.0};
    GDALRasterBand *band = source->GetRasterBand(layer.band());
    if (band && band->ComputeRasterMinMax(TRUE, minMax) == CE_None) {
        lo = minMax[0];
        hi = minMax[1];
    }
    lo = style.minimum.value_or(lo);
    hi = style.maximum.value_or(hi);
    const double span = hi > lo ? hi - lo : 1.0;
    const ColourRamp ramp = rampFor(layer, style.ramp);
    const bool shade = style.hillshade || layer.role() == LayerRole::Elevation;
    // Hill shading from the warped grid: light from the north-west, 45° high; cells are
    // viewport.scale() map units wide (metres for projected map CRSs).
    const double cell = viewport.scale();
    constexpr double kAzimuth = 315.0 * M_PI / 180.0, kAltitude = 45.0 * M_PI / 180.0;
    auto at = [&](int x, int y) {
        x = std::clamp(x, 0, w - 1);
        y = std::clamp(y, 0, h - 1);
        return values[std::size_t(y) * w + x];
    };
    for (int y = 0; y < h; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const float v = values[std::size_t(y) * w + x];
            if (std::isnan(v) || layer.isNoData(v))
                continue;
            QColor c = rampColour(ramp, (v - lo) / span);
            if (shade) {
                float dzdx = (at(x + 1, y) - at(x - 1, y)) / float(2.0 * cell);
                float dzdy = (at(x, y + 1) - at(x, y - 1)) / float(2.0 * cell);
                if (std::isnan(dzdx))
                    dzdx = 0.0f;
                if (std::isnan(dzdy))
                    dzdy = 0.0f;
                const double slope = std::atan(std::hypot(dzdx, dzdy));
                const double aspect = std::atan2(dzdy, -dzdx);
                const double light = std::cos(kAltitude) * std::cos(slope)
                        + std::sin(kAltitude) * std::sin(slope) * std::cos(kAzimuth - aspect);
                const double k = 0.6 + 0.4 * std::clamp(light, 0.0, 1.0) / std::cos(kAltitude);
                c = QColor::fromRgbF(float(std::min(1.0, c.redF() * k)),
                                     float(std::min(1.0, c.greenF() * k)),
                                     float(std::min(1.0, c.blueF() * k)));
            }
            line[x] = c.rgba();
        }
    }
    return image;
}

} // namespace maps
