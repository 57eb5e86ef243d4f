// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Point transforms between the map CRS and WGS84 lon/lat (or any two CRSs) with PROJ through
// OGR, for the canvas: mouse position -> site lon/lat for SiteFactorCalculator, and back.
// Threading: holds a PROJ transformation, which is not thread-safe: one object per thread
// (copying is cheap; each copy gets its own transformation).

#include "maps/expected.h"
#include "maps/geodesic.h"

#include <QPointF>
#include <QString>

#include <memory>
#include <optional>

class OGRCoordinateTransformation;

namespace maps {

class CrsTransform
{
public:
    // Both CRSs as EPSG codes ("EPSG:3857"), WKT or PROJ strings; x is east (longitude).
    static Expected<CrsTransform> create(const QString &from, const QString &to);
    // Map CRS <-> WGS84 lon/lat.
    static Expected<CrsTransform> toLonLat(const QString &mapCrs);
    static Expected<CrsTransform> fromLonLat(const QString &mapCrs);

    CrsTransform(const CrsTransform &other);
    CrsTransform &operator=(const CrsTransform &other);
    CrsTransform(CrsTransform &&) noexcept;
    CrsTransform &operator=(CrsTransform &&) noexcept;
    ~CrsTransform();

    // nullopt when PROJ cannot transform the point (outside the projection's domain).
    std::optional<QPointF> apply(QPointF p) const;
    std::optional<LonLat> applyToLonLat(QPointF p) const;

    const QString &from() const { return m_from; }
    const QString &to() const { return m_to; }

private:
    CrsTransform() = default;

    QString m_from;
    QString m_to;
    std::unique_ptr<OGRCoordinateTransformation> m_ct; // null: the same CRS
};

} // namespace maps
