// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test helpers for grids of cells checked against the site calculator at their centres: a grid
// extent covering a lon/lat box, a cell's diagonal on the ground, and a walk over the centres.

#include "maps/analysis/sitefactorcalculator.h"
#include "maps/geo/crstransform.h"
#include "maps/raster/rastergrid.h"

#include <QRectF>

#include <cstddef>
#include <functional>

namespace maps::test {

// The grid's extent covering a lon/lat box, from points along the box's edges.
QRectF extentOf(const QRectF &lonLat, const QString &crs);

// Ground metres of a cell's diagonal: the geodesic between two opposite corners.
double diagonalMetres(const RasterGrid &grid, const CrsTransform &toLonLat, int c, int r);

// Calls fn(cell, centre, the calculator's factors there) for every cell of the grid; false if a
// centre has no lon/lat.
bool forEachCentre(const RasterGrid &grid, const SiteFactorCalculator &calc,
                   const std::function<void(std::size_t, LonLat, const SiteFactors &)> &fn);

} // namespace maps::test
