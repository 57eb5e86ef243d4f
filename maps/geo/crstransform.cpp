// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/geo/crstransform.h"

#include "maps/io/gdalenvironment.h"
#include "maps/io/gdalopen.h"
#include "maps/io/rastererrortrap.h"

#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <utility>

namespace maps {

namespace {

constexpr const char *kWgs84 = "EPSG:4326";

bool isSame(const OGRSpatialReference &a, const OGRSpatialReference &b)
{
    const char *const options[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", nullptr};
    return a.IsSame(&b, options);
}

// What PROJ worked out for a pair of CRS definitions, kept for the life of the process: a view
// makes a score of transforms between the same few CRSs, and each new one costs PROJ database
// lookups (about a millisecond). Leaked on purpose, so that nothing of PROJ's is released after
// PROJ itself at exit.
struct Made
{
    std::mutex mutex;
    std::map<std::pair<QString, QString>, CrsTransform> created; // create()
    std::map<std::pair<QString, QString>, CrsTransform> toRaster; // toRaster()
    std::map<std::pair<QString, QString>, bool> same; // sameCrs()
};

Made &made()
{
    static Made *const kept = new Made;
    return *kept;
}

} // namespace

bool CrsTransform::parseCrs(OGRSpatialReference &srs, const QString &definition)
{
    const QByteArray text = definition.trimmed().toUtf8();
    if (text.isEmpty()) {
        return false;
    }
    const char *const options[] = {"ALLOW_NETWORK_ACCESS=NO", "ALLOW_FILE_ACCESS=NO", nullptr};
    RasterErrorTrap quiet;
    if (srs.SetFromUserInput(text.constData(), options) != OGRERR_NONE) {
        return false;
    }
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return true;
}

bool CrsTransform::sameCrs(const QString &a, const QString &b)
{
    if (a == b || a.isEmpty() || b.isEmpty()) {
        return true;
    }
    Made &m = made();
    const std::pair<QString, QString> key{a, b};
    {
        const std::lock_guard lock(m.mutex);
        if (const auto it = m.same.find(key); it != m.same.end())
            return it->second;
    }
    OGRSpatialReference sa;
    OGRSpatialReference sb;
    const bool same = parseCrs(sa, a) && parseCrs(sb, b) && isSame(sa, sb);
    const std::lock_guard lock(m.mutex);
    m.same.emplace(key, same);
    return same;
}

namespace {

// A copy of the transform kept for (from, to) in `kept`, if there is one (a copy clones PROJ's
// transformation, which takes no database lookup).
std::optional<CrsTransform> keptCopy(std::map<std::pair<QString, QString>, CrsTransform> &kept,
                                     const QString &from, const QString &to)
{
    const std::lock_guard lock(made().mutex);
    if (const auto it = kept.find({from, to}); it != kept.end())
        return it->second;
    return std::nullopt;
}

void keep(std::map<std::pair<QString, QString>, CrsTransform> &kept, const CrsTransform &t)
{
    const std::lock_guard lock(made().mutex);
    kept.emplace(std::pair{t.from(), t.to()}, t);
}

} // namespace

Expected<CrsTransform> CrsTransform::create(const QString &from, const QString &to)
{
    if (auto kept = keptCopy(made().created, from, to))
        return std::move(*kept);
    ensureGdal();
    QuietGdalErrors quiet;
    auto unreadable = [](const QString &crs) {
        return fail(QStringLiteral("'%1' is not a coordinate system GDAL knows — enter an EPSG "
                                   "code such as EPSG:3857")
                            .arg(crs),
                    ErrorCode::MissingCrs);
    };
    OGRSpatialReference a;
    OGRSpatialReference b;
    if (!parseCrs(a, from)) {
        return unreadable(from);
    }
    if (!parseCrs(b, to)) {
        return unreadable(to);
    }
    CrsTransform t;
    t.m_from = from;
    t.m_to = to;
    if (!isSame(a, b)) {
        t.m_ct.reset(OGRCreateCoordinateTransformation(&a, &b));
        if (!t.m_ct) {
            return fail(QStringLiteral("PROJ cannot transform %1 to %2").arg(from, to),
                        ErrorCode::MissingCrs);
        }
    }
    keep(made().created, t);
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

Expected<CrsTransform> CrsTransform::toRaster(const QString &fromWkt, const QString &rasterWkt)
{
    if (auto kept = keptCopy(made().toRaster, fromWkt, rasterWkt))
        return std::move(*kept);
    ensureGdal();
    CrsTransform t;
    t.m_from = fromWkt;
    t.m_to = rasterWkt;
    if (sameCrs(fromWkt, rasterWkt)) {
        return t;
    }
    RasterErrorTrap trap;
    OGRSpatialReference from;
    OGRSpatialReference to;
    if (!parseCrs(from, fromWkt) || !parseCrs(to, rasterWkt)) {
        return fail(trap.explain(QStringLiteral("a coordinate system could not be read")));
    }
    t.m_ct.reset(OGRCreateCoordinateTransformation(&from, &to));
    if (!t.m_ct) {
        return fail(trap.explain(QStringLiteral("no transformation between the map's and "
                                                "the raster's coordinate systems")));
    }
    keep(made().toRaster, t);
    return t;
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

void CrsTransform::apply(double *x, double *y, int n, int *ok) const
{
    if (!m_ct) {
        std::fill(ok, ok + n, 1);
        return;
    }
    RasterErrorTrap quiet; // points outside the area of use are expected, not errors
    m_ct->Transform(n, x, y, nullptr, ok);
}

bool CrsTransform::apply(double &x, double &y) const
{
    int ok = 0;
    apply(&x, &y, 1, &ok);
    return ok != 0;
}

QString describeCrs(const OGRSpatialReference &srs)
{
    const char *auth = srs.GetAuthorityName(nullptr);
    const char *code = srs.GetAuthorityCode(nullptr);
    if (auth && code)
        return QStringLiteral("%1:%2").arg(QString::fromUtf8(auth), QString::fromUtf8(code));
    const char *name = srs.GetName();
    return name ? QString::fromUtf8(name) : QStringLiteral("unnamed coordinate system");
}

QString describeCrsWkt(const QString &wkt)
{
    if (wkt.trimmed().isEmpty())
        return {};
    OGRSpatialReference srs;
    const QByteArray text = wkt.toUtf8();
    if (srs.importFromWkt(text.constData()) != OGRERR_NONE)
        return {};
    if (!srs.GetAuthorityCode(nullptr))
        srs.AutoIdentifyEPSG();
    return describeCrs(srs);
}

} // namespace maps
