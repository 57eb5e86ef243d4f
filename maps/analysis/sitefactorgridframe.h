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

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

namespace maps {

// Metres per pixel: geographic grids east-west per row and north-south; projected grids one
// (conformal) scale per row from geodesic lengths between neighbouring pixel centres.
struct GridMetric
{
    bool geographic = false;
    std::vector<double> eastWest; // per row
    double northSouth = 1.0; // geographic grids
    // A Web Mercator grid with square cells (the heatmap's): its cells' latitudes (degrees, per
    // row) and their size in map units, for FactorGridFrame's per-row distance bounds.
    bool webMercator = false;
    std::vector<double> latitude;
    double cellUnits = 0.0;

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

// The cells of a grid in tiles of a band's rows by kTileColumns columns, for stages that ask
// the spatial index about the cells the transforms cannot decide: cell(r, c, centres) handles
// a cell and returns its centre when the index must be asked about it; ask(cells, centres)
// then gets those of a tile together (indices into the grid, and their centres), for one
// batch of queries per tile and layer.
inline constexpr int kTileColumns = 16;
template<typename Cell, typename Ask>
Status forCellTiles(const RasterGrid &grid, const RasterJobControl &control, Cell &&cell, Ask &&ask)
{
    return forRowBands(grid, control, [&](int r0, int r1, const CellCentres &centres) {
        std::vector<std::size_t> cells;
        std::vector<LonLat> at;
        for (int c0 = 0; c0 < grid.width; c0 += kTileColumns) {
            const int c1 = std::min(grid.width, c0 + kTileColumns);
            cells.clear();
            at.clear();
            for (int r = r0; r < r1; ++r) {
                for (int c = c0; c < c1; ++c) {
                    if (const std::optional<LonLat> p = cell(r, c, centres)) {
                        cells.push_back(std::size_t(r) * std::size_t(grid.width) + std::size_t(c));
                        at.push_back(*p);
                    }
                }
            }
            if (!cells.empty())
                ask(cells, at);
        }
    });
}

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
    // kScaleSlack (on a Web Mercator grid, within the bounds of RowBounds). Returns the
    // diagonal (with 1 % to spare for the burner's path tolerance).
    double diagonal(int r) const;
    static constexpr double kScaleSlack = 1.02;
    // The least and the most the true distance can be for a transform distance d (metres) on
    // row r.
    double least(int r, double d) const
    {
        if (m_rows.empty() || !(d < std::numeric_limits<double>::infinity()))
            return (d - m_halfDiagonal[std::size_t(r)]) / kScaleSlack;
        return (d - m_halfDiagonal[std::size_t(r)]) * leastScale(r, d);
    }
    // The least the true distance can be to a feature at least d metres away on row r's
    // transform whose true distance is no more than most(r, within) (within >= d): d times the
    // least scale along any such path.
    double beyond(int r, double d, double within) const
    {
        return m_rows.empty() ? d / kScaleSlack : d * leastScale(r, within);
    }
    double most(int r, double d) const
    {
        if (m_rows.empty())
            return (d + m_halfDiagonal[std::size_t(r)]) * kScaleSlack;
        const RowBounds &b = m_rows[std::size_t(r)];
        const double x = d + m_halfDiagonal[std::size_t(r)];
        const double crude = x * b.latitudePerMetre;
        const double dPhi = crude * (b.cosLat + b.sinLat * crude);
        return x * (b.scale + dPhi * b.maxScaleSlope) * (1.0 + kRounding);
    }
    // Whether a transform distance d on row r is close enough to a reach (metres; 0 = none)
    // that the true distance may lie on the other side of it.
    bool nearReach(int r, double d, double reachMetres) const
    {
        return reachMetres > 0.0 && most(r, d) >= reachMetres && least(r, d) <= reachMetres;
    }
    // A distance below which most(r, d) < metres for certain (-infinity if none): most() does
    // not fall as d grows, none of its steps does with rounding either, so one bisection per row
    // spares the per-cell stages working it out where a distance is well within a reach.
    double belowMost(int r, double metres) const;
    // least(r, d) for d up to `upTo`, bounded below with one multiplication: (d - h) times the
    // least scale at upTo (the scale falls as d grows), less a little for rounding. Only a
    // bound: where it does not settle a test, least() must.
    struct LeastBound
    {
        double halfDiagonal = 0.0;
        double scale = 0.0;
        double upTo = -1.0;
        double below(double d) const { return (d - halfDiagonal) * scale; }
    };
    LeastBound leastBound(int r, double upTo) const;
    std::vector<const VectorLayer *> layersOf(LayerRole role) const;
    // The control for the next stage: its progress (0..1) mapped into its share of the whole.
    RasterJobControl next();

private:
    // On a Web Mercator grid with square cells of p map units, the metres per map unit at
    // latitude phi are kE = N cos(phi) / a east-west and kN = M cos(phi) / a north-south (N and
    // M the ellipsoid's radii of curvature, M <= N, so kN <= kE <= 1), both falling with |phi|;
    // row r's transform takes s = eastWest[r] metres per cell. A feature whose nearest burnt
    // centre is t cells away has a point within t + h cells (h the half diagonal): a straight
    // path on the grid of at most x = (t + h) p map units, along which latitude moves at most
    // cos(phi') / a per unit, cos(phi') <= cos(phi) + |sin phi| x / a: within dPhi of the row's.
    // The true distance is at most x max kE, and max kE <= kE(phi) + dPhi |sin phi| /
    // sqrt(1 - e^2). The geodesic to the nearest point, no longer than that, keeps within
    // dPhi' = that length / (a (1 - e^2)) of the row's latitude and crosses at least t - h cells
    // at no fewer than min kN metres per unit: min kN >= kN(phi) - dPhi' (|sin phi| + dPhi') /
    // (1 - e^2)^1.5. (Both slopes bound the derivatives of kE and kN.)
    struct RowBounds
    {
        double latitudePerMetre = 0.0; // p / (s a): radians per transform metre, at most
        double latitudePerTrueMetre = 0.0; // 1 / (a (1 - e^2))
        double cosLat = 1.0, sinLat = 0.0; // of |phi|
        double scale = 1.0; // kE(phi) p / s
        double maxScaleSlope = 0.0; // |sin phi| p / s / sqrt(1 - e^2)
        double minScale = 1.0; // kN(phi) p / s
        double minScaleSlope = 0.0; // p / s / (1 - e^2)^1.5
    };
    // min kN p / s (less the rounding) for a geodesic no longer than most(r, d).
    double leastScale(int r, double d) const
    {
        const RowBounds &b = m_rows[std::size_t(r)];
        const double dPhi = most(r, d) * b.latitudePerTrueMetre;
        return (b.minScale - dPhi * (b.sinLat + dPhi) * b.minScaleSlope) * (1.0 - kRounding);
    }
    // Float distances and the index's chord-to-arc step (below 1e-6) to spare.
    static constexpr double kRounding = 1e-5;
    std::vector<double> m_halfDiagonal; // diagonal(r) / 2 (h s, metres), per row
    std::vector<RowBounds> m_rows; // Web Mercator grids with square cells only
    RasterJobControl m_control;
    int m_stages = 1;
    int m_stage = 0;
};

// The stages in their own files.
// lineKv and lineKm (sitefactorgridlines.cpp).
Status computeLineFactors(FactorGridFrame &frame, SiteFactorGrid &out);

} // namespace maps
