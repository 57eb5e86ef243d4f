// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Coordinates from one CRS to another (each given as WKT, "EPSG:n" or a PROJ string) (x =
// easting/longitude, y = northing/latitude, whatever the CRS's official axis order). Identity when
// both CRSs are the same or either is unknown. Not thread-safe (PROJ contexts are per thread): one
// per thread, movable, not copyable.

#include "maps/expected.h"
#include "maps/rasterstatus.h"

#include <QString>

#include <memory>

class OGRCoordinateTransformation;
class OGRSpatialReference;

namespace maps {

class RasterTransform
{
public:
    static Expected<RasterTransform> create(const QString &fromWkt, const QString &toWkt);

    RasterTransform(RasterTransform &&) noexcept;
    RasterTransform &operator=(RasterTransform &&) noexcept;
    ~RasterTransform();

    bool isIdentity() const { return !m_transform; }
    // Transforms n points in place; ok[i] tells which succeeded (all true for identity).
    void apply(double *x, double *y, int n, int *ok) const;
    // One point; false when PROJ cannot transform it (outside the CRS's area of use).
    bool apply(double &x, double &y) const;

    // Whether two CRS definitions describe the same CRS (ignoring axis-order metadata).
    static bool sameCrs(const QString &a, const QString &b);

    // Reads a CRS given as WKT, "EPSG:n" or a PROJ string (never from files or the network),
    // with x = easting/longitude axis order. False for an empty or unreadable definition.
    static bool parseCrs(OGRSpatialReference &srs, const QString &definition);

private:
    RasterTransform() = default;
    std::unique_ptr<OGRCoordinateTransformation> m_transform;
};

} // namespace maps
