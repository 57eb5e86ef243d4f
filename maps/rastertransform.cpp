// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/rastertransform.h"

#include "maps/gdalenvironment.h"
#include "maps/rastererrortrap.h"

#include <ogr_spatialref.h>

namespace maps {

RasterTransform::RasterTransform(RasterTransform &&) noexcept = default;
RasterTransform &RasterTransform::operator=(RasterTransform &&) noexcept = default;
RasterTransform::~RasterTransform() = default;

bool RasterTransform::parseCrs(OGRSpatialReference &srs, const QString &definition)
{
    if (definition.trimmed().isEmpty()) {
        return false;
    }
    const QByteArray bytes = definition.toUtf8();
    const char *options[] = {"ALLOW_NETWORK_ACCESS=NO", "ALLOW_FILE_ACCESS=NO", nullptr};
    RasterErrorTrap quiet;
    if (srs.SetFromUserInput(bytes.constData(), options) != OGRERR_NONE) {
        return false;
    }
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return true;
}

bool RasterTransform::sameCrs(const QString &a, const QString &b)
{
    if (a == b || a.isEmpty() || b.isEmpty()) {
        return true;
    }
    OGRSpatialReference sa;
    OGRSpatialReference sb;
    if (!parseCrs(sa, a) || !parseCrs(sb, b)) {
        return false;
    }
    const char *options[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", nullptr};
    return sa.IsSame(&sb, options);
}

Expected<RasterTransform> RasterTransform::create(const QString &fromWkt, const QString &toWkt)
{
    ensureGdal();
    RasterTransform t;
    if (sameCrs(fromWkt, toWkt)) {
        return t;
    }
    RasterErrorTrap trap;
    OGRSpatialReference from;
    OGRSpatialReference to;
    if (!parseCrs(from, fromWkt) || !parseCrs(to, toWkt)) {
        return Error{trap.explain(QStringLiteral("a coordinate system could not be read"))};
    }
    t.m_transform.reset(OGRCreateCoordinateTransformation(&from, &to));
    if (!t.m_transform) {
        return Error{trap.explain(QStringLiteral("no transformation between the map's and "
                                                 "the raster's coordinate systems"))};
    }
    return t;
}

void RasterTransform::apply(double *x, double *y, int n, int *ok) const
{
    if (!m_transform) {
        std::fill(ok, ok + n, 1);
        return;
    }
    RasterErrorTrap quiet; // points outside the area of use are expected, not errors
    m_transform->Transform(n, x, y, nullptr, ok);
}

bool RasterTransform::apply(double &x, double &y) const
{
    int ok = 0;
    apply(&x, &y, 1, &ok);
    return ok != 0;
}

} // namespace maps
