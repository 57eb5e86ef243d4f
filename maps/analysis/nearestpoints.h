// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The nearest of a fixed set of points (a grid case's buses at or above a voltage), for one site
// on the live-drag path and for every cell of a heatmap, so that a value carried by the points
// (a bus's headroom) reads the same at a site and at the cell centred on it.
//
// Points are compared by straight-line chord between their Earth-centred coordinates (toEcef),
// which orders them as geodesics do; equal chords go to the lower index. nearest() scans every
// point; nearestForCells() answers blocks of cells at once: it bounds each block by a sphere
// around its centre (radius r, from the cells themselves), keeps the points within
// d_min + 2r of that centre (no other point can be nearest to any cell of the block, by the
// triangle inequality) and scans only those per cell. The answer is the same as nearest()'s for
// every cell. Immutable after construction; const members are safe from any thread.

#include "maps/geo/geodesic.h"

#include <cstddef>
#include <limits>
#include <vector>

namespace maps {

class NearestPoints
{
public:
    NearestPoints() = default;
    explicit NearestPoints(const std::vector<LonLat> &points);

    bool isEmpty() const { return m_points.empty(); }
    std::size_t size() const { return m_points.size(); }

    struct Hit
    {
        int index = -1; // into the points given; -1 when there are none
        double distanceM = 0.0; // surface distance (surfaceDistance of the chord)
    };
    Hit nearest(const LonLat &p) const;

    // For each of minLevels, the nearest point whose level (levels[i], one per point; NaN never
    // qualifies) is at or above it: one scan for all. Each answer is nearest()'s on the points
    // that qualify, in their order (so also on ties). levels.size() must equal size().
    std::vector<Hit> nearestAtOrAbove(const LonLat &p, const std::vector<double> &levels,
                                      const std::vector<double> &minLevels) const;

    // For n query points: the index of the nearest point of each (-1 when there are none) and,
    // if distanceMOut is given, its distance: nearest()'s to the bit up to exactWithinM; farther,
    // possibly only a bound below it that is itself past exactWithinM (the chord, when that is),
    // which is all a reach test needs. NaN when there are no points.
    // Queries should be spatially coherent (a block of a grid) for the pruning to pay off;
    // any order gives the right answer.
    void nearestForCells(const LonLat *queries, std::size_t n, int *indexOut,
                         double *distanceMOut = nullptr,
                         double exactWithinM = std::numeric_limits<double>::infinity()) const;
    // The same with the queries' Earth-centred points given (toEcef's of each query, to the
    // bit: an EcefProduct's over a grid's cells, say).
    void nearestForCells(const LonLat *queries, const Ecef *ecef, std::size_t n, int *indexOut,
                         double *distanceMOut = nullptr,
                         double exactWithinM = std::numeric_limits<double>::infinity()) const;

private:
    std::vector<LonLat> m_lonLat;
    std::vector<Ecef> m_points;
};

} // namespace maps
