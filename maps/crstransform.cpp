// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/crstransform.h"

#include "maps/gdalenvironment.h"
#include "maps/gdalopen.h"

#include <ogr_spatialref.h>

#include <cmath>

namespace maps {

namespace {

constexpr const char *kWgs84 = "EPSG:4326";

Expected<OGRSpatialReference> parse(const QString &crs)
{
    OGRSpatialReference srs;
    const QByteArray text = crs.trimmed().toUtf8();
    if (text.isEmpty()
        || srs.SetFromUserInput(text.constData(),
                                OGRSpatialReference::SET_FROM_USER_INPUT_LIMITATIONS_get())
                != OGRERR_NONE) {
        return Error{QStringLiteral("'%1' is not a coordinate system GDAL knows — enter an EPSG "
                                    "code such as EPSG:3857")
                             .arg(crs),
                     ErrorCode::MissingCrs};
    }
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

} // namespace

Expected<CrsTransform> CrsTransform::create(const QString &from, const QString &to)
{
    ensureGdal();
    QuietGdalErrors quiet;
    auto a = parse(from);
    if (!a) {
        return a.error();
    }
    auto b = parse(to);
    if (!b) {
        return b.error();
    }
    CrsTransform t;
    t.m_from = from;
    t.m_to = to;
    const char *const sameOptions[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES",
                                       "CRITERION=EQUIVALENT", nullptr};
    if (!a->IsSame(&*b, sameOptions)) {
        t.m_ct.reset(OGRCreateCoordinateTransformation(&*a, &*b));
        if (!t.m_ct) {
            return Error{QStringLiteral("PROJ cannot transform %1 to %2").arg(from, to),
                         ErrorCode::MissingCrs};
        }
    }
    return t;
}

Expected<CrsTransform> CrsTransform::toLonLat(const QString &mapCrs)
{
    return create(mapCrs, QString::fromLatin1(kWgs84));
}

Expected<CrsTransform> CrsTransform::fromLonLat(const QString &mapCrs)
{
    return create(QString::fromLatin1(kWgs84), mapCrs);
}

CrsTransform::CrsTransform(const CrsTransform &other)
    : m_from(other.m_from), m_to(other.m_to), m_ct(other.m_ct ? other.m_ct->Clone() : nullptr)
{}

CrsTransform &CrsTransform::operator=(const CrsTransform &other)
{
    if (this != &other) {
        m_from = other.m_from;
        m_to = other.m_to;
        m_ct.reset(other.m_ct ? other.m_ct->Clone() : nullptr);
    }
    return *this;
}

CrsTransform::CrsTransform(CrsTransform &&) noexcept = default;
CrsTransform &CrsTransform::operator=(CrsTransform &&) noexcept = default;
CrsTransform::~CrsTransform() = default;

std::optional<QPointF> CrsTransform::apply(QPointF p) const
{
    double x = p.x();
    double y = p.y();
    if (m_ct) {
        QuietGdalErrors quiet; // a point outside the projection's domain is an answer, not noise
        int ok = FALSE;
        if (!m_ct->Transform(1, &x, &y, nullptr, &ok) || !ok) {
            return std::nullopt;
        }
    }
    if (!std::isfinite(x) || !std::isfinite(y)) {
        return std::nullopt;
    }
    return QPointF(x, y);
}

std::optional<LonLat> CrsTransform::applyToLonLat(QPointF p) const
{
    const auto q = apply(p);
    if (!q) {
        return std::nullopt;
    }
    return LonLat{q->x(), q->y()};
}

} // namespace maps
