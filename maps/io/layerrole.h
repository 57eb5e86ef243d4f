// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a layer means to the planner. The loader guesses a role from the layer's name, its
// fields and its geometry; the user can override it. Pure functions, thread-safe.

#include <QString>
#include <QStringList>

namespace maps {

enum class GeometryKind { None, Point, Line, Polygon };

enum class LayerRole {
    Unknown,
    TransmissionLines,
    Substations,
    PowerPlants,
    LandCover,
    Elevation,
    FloodZones,
    LandPrice,
    Climate,
    Boundaries,
    ProtectedAreas,
};

struct RoleGuess
{
    LayerRole role = LayerRole::Unknown;
    QString reason; // why, for the layer panel: "layer name contains 'substation'"
};

RoleGuess guessRole(const QString &layerName, const QStringList &fieldNames, GeometryKind kind);

QString roleName(LayerRole role);
// "points", "lines", "polygons" or "no geometry".
QString geometryKindName(GeometryKind kind);
// Inverse of roleName (case-insensitive); Unknown for an unrecognised name.
LayerRole roleFromName(const QString &name);

} // namespace maps
