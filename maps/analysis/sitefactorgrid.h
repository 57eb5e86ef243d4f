// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The raster twin of SiteFactorCalculator: the same site factors for every cell of a grid (a
// view at screen resolution, or a region at a raster's native resolution), so that a heatmap
// cell shows the score of a site at its centre.
// - Distances (nearest substation at or above a voltage) and the voltage of the nearest line:
//   features burnt into masks on the grid plus a margin, then exact Euclidean distance
//   transforms (ProximityTransform) in metres (geodesic pixel sizes per row). A distance is
//   measured to the centre of the nearest burnt pixel, so it is within one cell of the site
//   calculator's; cells farther than the margin from every burnt pixel are asked of the spatial
//   index directly (exact), or, for distances, set to the margin when that is past `capKm` or
//   past the factor's reach. Near a reach the index is asked too, so a cell is on the same side
//   of it as a site at its centre.
// - Rasters (land cover, land price, mean temperature) are read onto the grid with the layer's
//   interpolation (RasterReader, as the map draws them); slope is Horn's slope of the DEM pixel
//   under each cell centre (as Slope::at), from a slope raster of the DEM made once per DEM.
// - Polygon layers give land class, land price, temperature where no raster does, and the
//   flood flag (any hazard polygon over the cell centre), first feature first, as the site
//   calculator does.
// Threading: compute() blocks and runs on the control's threads; call it from a worker. Its
// inputs are shared read-only; the result is a plain value.

#include "maps/raster/rastergrid.h"
#include "maps/raster/rasterlayer.h"
#include "maps/raster/rastertilerunner.h"
#include "maps/vector/vectorlayer.h"

#include <cmath>
#include <cstdint>
#include <vector>

namespace maps {

struct SiteFactorGridInputs
{
    std::vector<VectorLayer> vectors; // by role: substations, lines, flood zones, polygons
    RasterLayerPtr landCover;
    RasterLayerPtr elevation;
    RasterLayerPtr landPrice;
    RasterLayerPtr meanTemperature; // band 1 of the climate layer
    // Points carrying a value, for a factor that reads the value of the nearest point (a grid
    // case's substations with the N-1 headroom of their best bus at the factor's voltage, as
    // the app's grid-headroom index chooses them): same length; NaN values allowed.
    std::vector<LonLat> valuePoints;
    std::vector<float> pointValues;
};

struct SiteFactorGridRequest
{
    bool hvSubstationKm = false;
    double hvSubstationKv = 230.0; // substations at or above this voltage count
    double hvSubstationCapKm = 0.0; // farther distances need not be exact (the score is flat)
    // A factor's reach (km; 0 = none): distances within a cell or so of it are made exact, so
    // that a cell falls on the same side of the reach as a site at its centre.
    double hvSubstationReachKm = 0.0;
    bool lineKv = false; // the voltage of the nearest line, and lineKm its distance
    // Lines farther than this (km; 0 = none) do not count: their voltage need not be known, and
    // distances near it are exact.
    double lineReachKm = 0.0;
    bool slopeDeg = false;
    bool landClass = false;
    bool landPrice = false;
    bool meanTemperatureC = false;
    bool floodZone = false;
    bool nearestPointValue = false; // the value of the nearest of inputs.valuePoints
    bool nearestPointKm = false; // and its distance (for a reach) ...
    double nearestPointReachKm = INFINITY; // ... exact up to this reach, past it a bound above it
    int maxMarginPixels = 256; // margin around the grid for substations just outside it
    int lineMarginPixels = 64; // the same for lines (cells farther are asked of the index)
    // Cells whose distances and voltages must be exact (non-zero); others may keep the distance
    // transform's value where it is not (far from everything, or two voltages about equally
    // near), and may get no raster or nearest point value (NaN). Empty: every cell. Lets a
    // caller skip cells whose score cannot depend on them.
    std::vector<std::uint8_t> exactWhere;
};

struct SiteFactorGrid
{
    RasterGrid grid;
    // One value per cell, row by row, NaN = no value; empty when not requested.
    std::vector<float> hvSubstationKm;
    std::vector<float> lineKv;
    // Distance to the nearest line (with lineKv): exact where the index was asked (past the
    // margin, near the reach, near two voltages), else the transform's (within a cell or so);
    // past the reach only a bound above it.
    std::vector<float> lineKm;
    std::vector<float> slopeDeg;
    std::vector<float> landClass;
    std::vector<float> landPrice;
    std::vector<float> meanTemperatureC;
    std::vector<std::uint8_t> floodZone; // 1 inside a hazard polygon; empty: no flood layer
    // The value of the nearest value point (NearestPoints, as for a site at the cell centre);
    // empty when not requested, all NaN when there are no points, NaN outside exactWhere.
    std::vector<float> nearestPointValue;
    // The distance to that point (as NearestPoints measures it), when requested; past
    // nearestPointReachKm possibly only a bound that is itself past it.
    std::vector<float> nearestPointKm;

    static Expected<SiteFactorGrid> compute(const SiteFactorGridInputs &inputs,
                                            const RasterGrid &grid,
                                            const SiteFactorGridRequest &request,
                                            const RasterJobControl &control = {});
};

} // namespace maps
