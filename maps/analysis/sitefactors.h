// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The map's answer for one site: distances and voltages from vector layers, land class, slope,
// flood, price and climate from rasters (or polygon layers), each with the layer it came from
// so that a score can be traced back. Plain values, safe to copy between threads. Filled by
// SiteFactorCalculator (sitefactorcalculator.h); app/ turns it into the planner's input.

#include "maps/geo/geodesic.h"
#include "maps/vector/voltage.h"

#include <QString>

#include <array>
#include <cmath>
#include <optional>

namespace maps {

// The nearest feature of a kind: empty (found() false) when no layer has one.
struct NearestFeature
{
    double distanceM = NAN;
    double kv = NAN; // voltage of the feature, NaN when unknown
    double mw = NAN; // capacity (power plants), NaN when unknown
    QString feature; // its label, or "#fid"
    QString layer; // the layer it came from
    LonLat point; // its closest point

    bool found() const { return !std::isnan(distanceM); }
};

// A value with the layer that gave it (a raster or a polygon layer).
template<typename T>
struct SourcedValue
{
    std::optional<T> value;
    QString layer;
    QString label; // e.g. the land-cover class name or the flood zone code

    bool found() const { return value.has_value(); }
};

struct SiteFactors
{
    LonLat site; // the point, or the centroid of the site polygon

    // Grid, from vector layers.
    NearestFeature substation; // any voltage
    NearestFeature hvSubstation; // voltage >= SiteFactorOptions::hvSubstationKv
    NearestFeature line; // any voltage
    std::array<NearestFeature, kVoltageClassCount> lineByClass; // index: int(VoltageClass)
    NearestFeature powerPlant;
    double plantMwWithinRadius = 0.0; // sum of known capacities within plantRadiusM
    int plantsWithinRadius = 0;

    // Land and hazards: rasters first, polygon layers otherwise.
    SourcedValue<bool> inFloodZone; // label: the zone (e.g. "AE")
    SourcedValue<bool> inProtectedArea; // label: the area's name
    SourcedValue<double> landClass; // raster class code; label: its name
    SourcedValue<double> elevationM;
    SourcedValue<double> slopeDeg;
    SourcedValue<double> landPrice; // in the layer's unit (USD per m² when it says so)
    SourcedValue<double> meanTemperatureC;
    SourcedValue<double> coolingDegreeDays;
    SourcedValue<QString> region; // the boundary polygon containing the site
};

} // namespace maps
