// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/render/projectedlayer.h"

#include "maps/io/gdalenvironment.h"

#include <ogr_spatialref.h>

#include <cmath>

namespace maps {

namespace {

constexpr std::size_t kChunk = 65536;

Expected<std::unique_ptr<OGRCoordinateTransformation>> transformTo(const QString &crs)
{
    ensureGdal();
    OGRSpatialReference target;
    const QByteArray text = crs.toUtf8();
    if (target.SetFromUserInput(text.constData(),
                                OGRSpatialReference::SET_FROM_USER_INPUT_LIMITATIONS_get())
        != OGRERR_NONE) {
        return fail(QStringLiteral("'%1' is not a map coordinate system GDAL knows — choose an "
                                   "EPSG code such as EPSG:3857")
                            .arg(crs),
                    ErrorCode::MissingCrs);
    }
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const char *const sameOptions[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES",
                                       "CRITERION=EQUIVALENT", nullptr};
    if (target.IsSame(&wgs84, sameOptions)) {
        return std::unique_ptr<OGRCoordinateTransformation>();
    }
    std::unique_ptr<OGRCoordinateTransformation> ct(
            OGRCreateCoordinateTransformation(&wgs84, &target));
    if (!ct) {
        return fail(QStringLiteral("PROJ cannot project longitude/latitude to %1").arg(crs),
                    ErrorCode::MissingCrs);
    }
    return ct;
}

} // namespace

Expected<std::shared_ptr<const ProjectedLayer>>
ProjectedLayer::make(const VectorLayer &layer, const QString &crs, const std::atomic<bool> *cancel)
{
    auto ct = transformTo(crs);
    if (!ct) {
        return ct.error();
    }
    auto out = std::make_shared<ProjectedLayer>();
    out->m_crs = crs;
    out->m_features = layer.sharedFeatures();
    if (!out->m_features) {
        return fail(QStringLiteral("the layer has not been loaded"), ErrorCode::Failed);
    }
    const FeatureStore &s = *out->m_features;
    out->m_points.resize(s.vertices.size());
    std::vector<double> x;
    std::vector<double> y;
    std::vector<int> ok;
    for (std::size_t begin = 0; begin < s.vertices.size(); begin += kChunk) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            return fail(QStringLiteral("projecting %1 was cancelled").arg(layer.name()),
                        ErrorCode::Cancelled);
        }
        const std::size_t n = std::min(kChunk, s.vertices.size() - begin);
        x.resize(n);
        y.resize(n);
        ok.assign(n, TRUE);
        for (std::size_t i = 0; i < n; ++i) {
            x[i] = s.vertices[begin + i].lon;
            y[i] = s.vertices[begin + i].lat;
        }
        if (*ct) {
            (*ct)->Transform(n, x.data(), y.data(), nullptr, ok.data());
        }
        for (std::size_t i = 0; i < n; ++i) {
            out->m_points[begin + i] = ok[i] && std::isfinite(x[i]) && std::isfinite(y[i])
                    ? QPointF(x[i], y[i])
                    : QPointF(NAN, NAN);
        }
    }
    out->m_bounds.resize(s.featureCount());
    for (std::size_t f = 0; f < s.featureCount(); ++f) {
        Bounds &b = out->m_bounds[f];
        for (std::uint32_t p = s.featureParts[f]; p < s.featureParts[f + 1]; ++p) {
            const std::uint32_t first = s.partStarts[p];
            const std::uint32_t last = s.partStarts[p + 1];
            out->m_segments += last - first > 1 ? last - first - 1 : 0;
            for (std::uint32_t v = first; v < last; ++v) {
                const QPointF &pt = out->m_points[v];
                if (std::isfinite(pt.x())) {
                    b.add(pt.x(), pt.y());
                }
            }
        }
        out->m_extent.add(b);
    }
    return std::shared_ptr<const ProjectedLayer>(std::move(out));
}

} // namespace maps
