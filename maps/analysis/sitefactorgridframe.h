// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the stages of SiteFactorGrid::compute share (internal to maps/analysis): the grid's
// metres per pixel, distance transforms handed on row by row, bands of rows with their cell
// centres, and the frame that holds the inputs, the bounds on what lies past a margin and the
// progress over the stages.
// Threading: a frame belongs to one compute(); its const members are read by the stages'
// worker threads, next() is called between stages on the computing thread.

#include "maps/analysis/cellcentres.h"
#include "maps/analysis/sitefactorgrid.h"

#include <cmath>
#include <cstdint>
#include <functional>
#include <vector>

namespace maps {

// Metres per pixel: geographic grids east-west per row and north-south; projected grids one
// (conformal) scale per row from geodesic lengths between neighbouring pixel centres.
struct GridMetric
{
    bool geographic = false;
    std::vector<double> eastWest; // per row
    double northSouth = 1.0; // geographic grids

    static Expected<GridMetric> of(const RasterGrid &grid);
};

RasterGrid withMargin(const RasterGrid &grid, int margin);

// Distances in metres from the cells of `grid` to the burnt pixels of a mask on the grid with a
// margin (NaN where the mask is empty), handed on row by row: sink(row, distances, scale) gets
// the grid's row `row` as distances[c] * scale metres, concurrently for different rows.
using DistanceRowSink = std::function<void(int row, const float *distances, float scale)>;
Status distanceRows(const std::vector<std::uint8_t> &mask, const RasterGrid &extended, int margin,
                    const GridMetric &metric, const RasterGrid &grid,
                    const RasterJobControl &control, const DistanceRowSink &sink);

// The same distances as one buffer of the grid's cells.
Expected<std::vector<float>> distancesMetres(const std::vector<std::uint8_t> &mask,
                                             const RasterGrid &extended, int margin,
                                             const GridMetric &metric, const RasterGrid &grid,
                                             const RasterJobControl &control);

// Runs fn(firstRow, lastRow, centres) over bands of rows on the control's threads, each thread
// with its own coordinate transform.
Status forRowBands(const RasterGrid &grid, const RasterJobControl &control,
                   const std::function<void(int, int, const CellCentres &)> &fn);

// km as a float on the same side of a reach (km; 0 or infinite: none) as the double, so that a
// reach test on the stored float agrees with the site calculator's on the double.
// Inline for the common case (the float already on the right side), called for every cell.
float nudgedToSideOf(double km, double reachKm);
inline float onSideOf(double km, double reachKm)
{
    const float f = float(km);
    if (!(reachKm > 0.0) || !std::isfinite(reachKm) || std::isnan(km)
        || (double(f) > reachKm) == (km > reachKm))
        return f;
    return nudgedToSideOf(km, reachKm);
}

class FactorGridFrame
{
public:
    FactorGridFrame(const SiteFactorGridInputs &inputs, const RasterGrid &grid,
                    const SiteFactorGridRequest &request, const RasterJobControl &control,
                    GridMetric metric);

    const SiteFactorGridInputs &inputs;
    const RasterGrid &grid;
    const SiteFactorGridRequest &request;
    const GridMetric metric;
    const double finestMetres; // the finest pixel size, either way, anywhere on the grid
    const std::size_t cells;

    // How far a cell is, at the least, from anything outside the grid extended by `extra`
    // cells: features there cannot be nearer than this (metres).
    double reach(int c, int r, int extra) const
    {
        const int inside = std::min({c, r, grid.width - 1 - c, grid.height - 1 - r});
        return (extra + inside + 0.5) * finestMetres;
    }
    // Whether cell i must have exact distances and voltages (request.exactWhere).
    bool exact(std::size_t i) const
    {
        return request.exactWhere.empty() || request.exactWhere[i] != 0;
    }
    // How far a transform distance (metres, on row r) can be from the true one: the burnt
    // centres lie within half a cell diagonal of the features and the features within as much
    // of a burnt centre (GridBurner), and the row's scale holds along the way to within
    // kScaleSlack. Returns the diagonal (with 1 % to spare for the burner's path tolerance).
    double diagonal(int r) const;
    static constexpr double kScaleSlack = 1.02;
    // The least and the most the true distance can be for a transform distance d (metres) on a
    // row with diagonal diag.
    static double atLeast(double d, double diag) { return (d - diag / 2.0) / kScaleSlack; }
    static double atMost(double d, double diag) { return (d + diag / 2.0) * kScaleSlack; }
    // Whether a transform distance d is close enough to a reach (metres; 0 = none) that the
    // true distance may lie on the other side of it.
    static bool nearReach(double d, double reachMetres, double diag)
    {
        return reachMetres > 0.0 && atMost(d, diag) >= reachMetres
                && atLeast(d, diag) <= reachMetres;
    }
    std::vector<const VectorLayer *> layersOf(LayerRole role) const;
    // The control for the next stage: its progress (0..1) mapped into its share of the whole.
    RasterJobControl next();

private:
    RasterJobControl m_control;
    int m_stages = 1;
    int m_stage = 0;
};

// The stages in their own files.
// lineKv and lineKm (sitefactorgridlines.cpp).
Status computeLineFactors(FactorGridFrame &frame, SiteFactorGrid &out);

} // namespace maps
