// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Computes SiteFactors for a point or a site polygon from the loaded vector layers (by role) and
// a raster-sampling callback. Cheap for a point (a few index queries, microseconds), so it runs
// on every mouse move while a site is dragged.
// Threading: immutable after construction; at() and forPolygon() may run concurrently if the
// raster callback allows it (RasterSampler is per-thread: give each thread its own callback).
// The calculator shares the layers' data; it stays valid while it lives.

#include "maps/analysis/sitefactors.h"
#include "maps/vector/vectorlayer.h"

#include <functional>
#include <vector>

namespace maps {

// What the raster side can be asked for at a point.
enum class RasterQuantity {
    LandClass,
    ElevationM,
    SlopeDeg,
    FloodZone, // value != 0 inside a flood zone
    LandPrice,
    MeanTemperatureC,
    CoolingDegreeDays,
};

struct RasterSample
{
    double value = NAN;
    QString layer;
    QString label; // optional: the class name of a categorical raster
};

// Returns nullopt when no raster of that quantity covers the point (or it has no value there).
using RasterSampleFn = std::function<std::optional<RasterSample>(RasterQuantity, LonLat)>;

struct SiteFactorOptions
{
    double hvSubstationKv = 230.0;
    double plantRadiusM = 50e3;
    // A site polygon is measured from points along its outline, at most this far apart.
    double polygonSampleSpacingM = 100.0;
    int maxPolygonSamples = 400;
};

class SiteFactorCalculator
{
public:
    SiteFactorCalculator(std::vector<VectorLayer> layers, RasterSampleFn raster = {},
                         SiteFactorOptions options = {});

    SiteFactors at(LonLat site) const;
    // `ring`: the site outline in lon/lat (closed or not). Distances are from the nearest point
    // of the site (0 for features inside it); flood and protected areas count when any part of
    // the outline or the centroid is inside; rasters, polygon attributes and the plant capacity
    // within the radius are taken at the centroid.
    SiteFactors forPolygon(const std::vector<LonLat> &ring) const;

    const std::vector<VectorLayer> &layers() const { return m_layers; }

private:
    void fillVector(SiteFactors &f, LonLat site) const;
    void fillRaster(SiteFactors &f, LonLat site) const;
    void fillPolygons(SiteFactors &f, LonLat site) const;

    std::vector<VectorLayer> m_layers;
    RasterSampleFn m_raster;
    SiteFactorOptions m_options;
};

} // namespace maps
