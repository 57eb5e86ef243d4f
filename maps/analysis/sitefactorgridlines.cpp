// SPDX-License-Identifier: GPL-3.0-or-later
// SiteFactorGrid's line stage: the voltage of the nearest line and its distance. One exact
// distance transform per voltage found on the lines (unknown voltages as one), folded into the
// nearest and second-nearest voltage per cell; the spatial index is asked where the transform
// cannot decide: past the margin, where two voltages are about equally near, and about as far
// as the factor's reach.
#include "maps/analysis/sitefactorgridburn.h"
#include "maps/analysis/sitefactorgridframe.h"

#include <cmath>
#include <limits>
#include <map>

namespace maps {

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kUnknownKv = -1.0F; // how the index stores an unknown voltage

} // namespace

Status computeLineFactors(FactorGridFrame &frame, SiteFactorGrid &out)
{
    const SiteFactorGridRequest &request = frame.request;
    const RasterGrid &grid = frame.grid;
    const std::size_t cells = frame.cells;
    // The margin need not pass the reach, if there is one.
    const int margin = request.lineReachKm > 0.0
            ? std::clamp(int(std::ceil(request.lineReachKm * 1000.0 / frame.finestMetres)) + 2, 1,
                         std::max(1, request.lineMarginPixels))
            : std::max(1, request.lineMarginPixels);
    const RasterGrid extended = withMargin(grid, margin);
    auto burner = GridBurner::create(extended);
    if (!burner)
        return burner.error();

    const auto lines = frame.layersOf(LayerRole::TransmissionLines);
    // One distance transform per voltage found on the lines (unknown voltages as one).
    std::map<float, std::vector<std::uint8_t>> masks;
    for (const VectorLayer *layer : lines) {
        const FeatureStore &s = layer->features();
        for (std::size_t f = 0; f < s.featureCount(); ++f) {
            const float kv = std::isnan(s.kv[f]) ? kUnknownKv : s.kv[f];
            auto [it, added] = masks.try_emplace(kv);
            if (added)
                it->second.assign(std::size_t(extended.pixelCount()), 0);
        }
    }
    out.lineKv.assign(cells, kNaN);
    out.lineKm.assign(cells, kNaN);
    std::vector<float> best(cells, std::numeric_limits<float>::infinity());
    std::vector<float> second(cells, std::numeric_limits<float>::infinity());
    for (auto &entry : masks) {
        // Named, not bound: clang before 16 cannot capture a structured binding.
        const float kv = entry.first;
        std::vector<std::uint8_t> &mask = entry.second;
        bool any = false;
        for (const VectorLayer *layer : lines) {
            const FeatureStore &s = layer->features();
            any = burner->burn(s, mask.data(), [&](int f) {
                return (std::isnan(s.kv[f]) ? kUnknownKv : s.kv[f]) == kv;
            }) || any;
        }
        if (!any)
            continue;
        const float label = kv == kUnknownKv ? kNaN : kv;
        // Each row of distances folded into the nearest and second-nearest voltage as it
        // comes (rows are disjoint between threads).
        auto status = distanceRows(mask, extended, margin, frame.metric, grid, frame.next(),
                                   [&](int r, const float *row, float scale) {
                                       const std::size_t first = std::size_t(r) * grid.width;
                                       float *b = best.data() + first;
                                       float *s2 = second.data() + first;
                                       float *kvs = out.lineKv.data() + first;
                                       for (int c = 0; c < grid.width; ++c) {
                                           const float d = row[c] * scale;
                                           if (d < b[c]) {
                                               s2[c] = b[c];
                                               b[c] = d;
                                               kvs[c] = label;
                                           } else if (d < s2[c]) {
                                               s2[c] = d;
                                           }
                                       }
                                   });
        if (!status)
            return status.error();
        mask = {};
    }
    if (!masks.empty()) {
        // The least reach of any cell, and the largest (the centre cell's).
        const double nearest = frame.reach(0, 0, margin);
        const double farthest = frame.reach(grid.width / 2, grid.height / 2, margin);
        const double reachMetres = request.lineReachKm * 1000.0;
        // Per row: below which distance a cell is well within the reach (neither past it nor
        // about as far), and a one-multiplication bound below least() for second-nearest
        // distances up to a few margins (about all there are near two voltages).
        std::vector<double> withinReach(std::size_t(grid.height));
        std::vector<FactorGridFrame::LeastBound> secondBound(std::size_t(grid.height));
        for (int r = 0; r < grid.height; ++r) {
            withinReach[std::size_t(r)] = reachMetres > 0.0
                    ? frame.belowMost(r, reachMetres)
                    : std::numeric_limits<double>::infinity();
            secondBound[std::size_t(r)] = frame.leastBound(r, 8.0 * farthest);
        }
        // No line outside the margin is nearer to a cell of a row than this (the least reach,
        // at the least scale any reach allows).
        std::vector<double> nearAllOf(std::size_t(grid.height));
        for (int r = 0; r < grid.height; ++r)
            nearAllOf[std::size_t(r)] = frame.beyond(r, nearest, farthest);
        auto status = forCellTiles(
                grid, frame.next(),
                [&](int r, int c, const CellCentres &centres) -> std::optional<LonLat> {
                    // Distances are to burnt cell centres, each within half a cell diagonal of the
                    // line (and the line within as much of one), so the nearest voltage is certain
                    // only where the most the nearest can be is less than the least the second
                    // can be: elsewhere, ask the index.
                    const std::size_t i = std::size_t(r) * grid.width + c;
                    const double b = best[i];
                    out.lineKm[i] = std::isfinite(b) ? float(b / 1000.0) : kNaN;
                    if (!frame.exact(i))
                        return std::nullopt;
                    // A line outside the margin is at least `far` away; the one found is
                    // certainly nearer if the most it can be is less (the cheap test first:
                    // within the margin of any cell).
                    const double nearAll = nearAllOf[std::size_t(r)];
                    const double most = frame.most(r, b);
                    double far = nearAll;
                    bool inside = most <= nearAll;
                    if (!inside) {
                        const double reach = frame.reach(c, r, margin);
                        far = frame.beyond(r, reach, reach);
                        inside = most <= far;
                    }
                    // Well within the reach (most < reach): neither past it nor near.
                    const bool wellInside = b < withinReach[std::size_t(r)];
                    if (reachMetres > 0.0 && !wellInside) {
                        // Past the reach for sure: the voltage does not count.
                        const double least =
                                inside ? frame.least(r, b) : std::min(far, frame.least(r, b));
                        if (least > reachMetres) {
                            out.lineKm[i] = onSideOf((inside ? b : std::min(far, b)) / 1000.0,
                                                     request.lineReachKm);
                            return std::nullopt;
                        }
                    }
                    const bool band = inside && !wellInside && frame.nearReach(r, b, reachMetres);
                    if (inside && !band) {
                        const FactorGridFrame::LeastBound &bound2 = secondBound[std::size_t(r)];
                        const double s2 = second[i];
                        if ((s2 <= bound2.upTo && most < bound2.below(s2))
                            || most < frame.least(r, s2))
                            return std::nullopt;
                    }
                    // Farther than the margin (the nearest line may lie outside it), near the
                    // boundary between two voltages, or about as far as the reach.
                    return centres.at(c, r);
                },
                [&](const std::vector<std::size_t> &cells, const std::vector<LonLat> &at) {
                    // The nearest line of any layer (the first layer's of equally near ones).
                    const std::size_t n = cells.size();
                    std::vector<Hit> hits(n);
                    std::vector<double> found(n, std::numeric_limits<double>::infinity());
                    for (const VectorLayer *layer : lines) {
                        layer->nearestDistances(at.data(), n, {}, hits.data());
                        for (std::size_t k = 0; k < n; ++k) {
                            if (hits[k].feature >= 0 && hits[k].distanceM < found[k]) {
                                found[k] = hits[k].distanceM;
                                out.lineKv[cells[k]] = layer->features().kv[hits[k].feature];
                            }
                        }
                    }
                    for (std::size_t k = 0; k < n; ++k) {
                        if (std::isfinite(found[k]))
                            out.lineKm[cells[k]] = onSideOf(found[k] / 1000.0, request.lineReachKm);
                    }
                });
        if (!status)
            return status.error();
    }
    return done();
}

} // namespace maps
