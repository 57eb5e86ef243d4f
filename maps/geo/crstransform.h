// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Coordinates from one CRS to another with PROJ through OGR: between the map CRS and WGS84
// lon/lat for the canvas (mouse position -> site lon/lat for SiteFactorCalculator, and back),
// and between a view or query CRS and a raster's own for the raster readers. CRSs are given as
// WKT, "EPSG:n" or PROJ strings and are never read from files or the network; x is
// easting/longitude and y northing/latitude, whatever the CRS's official axis order. Identity
// when both describe the same CRS.
// Threading: holds a PROJ transformation, which is not thread-safe: one object per thread
// (copying is cheap; each copy gets its own transformation). create() and toRaster() keep what
// PROJ worked out for each pair of definitions for the life of the process and hand out copies,
// so making a transform again costs no PROJ database lookups; sameCrs() keeps its answers too.

#include "maps/geo/geodesic.h"
#include "maps/io/expected.h"

#include <QPointF>
#include <QString>

#include <memory>
#include <optional>

class OGRCoordinateTransformation;
class OGRSpatialReference;

namespace maps {

class CrsTransform
{
public:
    // Both CRSs must be readable; otherwise an ErrorCode::MissingCrs error says what to enter.
    static Expected<CrsTransform> create(const QString &from, const QString &to);
    // Map CRS <-> WGS84 lon/lat.
    static Expected<CrsTransform> toLonLat(const QString &mapCrs);
    static Expected<CrsTransform> fromLonLat(const QString &mapCrs);
    // From a view or query CRS to a raster's: identity when either CRS is unknown (empty), so a
    // raster without a CRS is taken to share the view's.
    static Expected<CrsTransform> toRaster(const QString &fromWkt, const QString &rasterWkt);

    CrsTransform(const CrsTransform &other);
    CrsTransform &operator=(const CrsTransform &other);
    CrsTransform(CrsTransform &&) noexcept;
    CrsTransform &operator=(CrsTransform &&) noexcept;
    ~CrsTransform();

    bool isIdentity() const { return !m_ct; }

    // nullopt when PROJ cannot transform the point (outside the projection's domain).
    std::optional<QPointF> apply(QPointF p) const;
    std::optional<LonLat> applyToLonLat(QPointF p) const;
    // In place: n points, ok[i] tells which succeeded (all true for identity).
    void apply(double *x, double *y, int n, int *ok) const;
    // In place: one point; false when PROJ cannot transform it.
    bool apply(double &x, double &y) const;

    const QString &from() const { return m_from; }
    const QString &to() const { return m_to; }

    // Whether two CRS definitions describe the same CRS (ignoring axis-order metadata); an
    // empty definition matches anything.
    static bool sameCrs(const QString &a, const QString &b);
    // Reads a CRS definition with x = easting/longitude axis order. False for an empty or
    // unreadable definition.
    static bool parseCrs(OGRSpatialReference &srs, const QString &definition);

private:
    CrsTransform() = default;

    QString m_from;
    QString m_to;
    std::unique_ptr<OGRCoordinateTransformation> m_ct; // null: the same CRS
};

// A CRS as users name it: "AUTHORITY:CODE" where it has one (EPSG:4326), else its name.
QString describeCrs(const OGRSpatialReference &srs);
// The same for WKT (a raster's); empty for empty or unreadable WKT. An unnamed WKT that PROJ
// identifies gets its EPSG code.
QString describeCrsWkt(const QString &wkt);

} // namespace maps
