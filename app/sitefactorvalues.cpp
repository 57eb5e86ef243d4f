// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/sitefactorvalues.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>
#include <vector>

namespace app {

namespace {

enum class Quantity {
    None,
    HvSubstationKm,
    LineKv,
    SlopeDeg,
    LandClass,
    LandPrice,
    MeanTemp,
    GridHeadroomMw,
};

Quantity quantityOf(const std::string &id)
{
    if (id == "hv_substation_distance")
        return Quantity::HvSubstationKm;
    if (id == "line_voltage")
        return Quantity::LineKv;
    if (id == "slope")
        return Quantity::SlopeDeg;
    if (id == "land_class")
        return Quantity::LandClass;
    if (id == "land_price")
        return Quantity::LandPrice;
    if (id == "mean_temperature")
        return Quantity::MeanTemp;
    if (id == "grid_headroom")
        return Quantity::GridHeadroomMw;
    return Quantity::None;
}

double valueOf(const maps::SourcedValue<double> &v)
{
    return v.found() ? *v.value : NAN;
}

} // namespace

planner::ScoreInputs scoreInputs(const planner::ScoreModel &model, const maps::SiteFactors &f,
                                 double gridHeadroomMw, double gridHeadroomKm)
{
    planner::ScoreInputs in;
    for (const planner::ScoreFactor &factor : model.factors) {
        double v = NAN, km = NAN;
        switch (quantityOf(factor.id)) {
        case Quantity::HvSubstationKm:
            v = km = f.hvSubstation.found() ? f.hvSubstation.distanceM / 1000.0 : NAN;
            break;
        case Quantity::LineKv:
            v = f.line.found() ? f.line.kv : NAN;
            km = f.line.found() ? f.line.distanceM / 1000.0 : NAN;
            break;
        case Quantity::SlopeDeg:
            v = valueOf(f.slopeDeg);
            break;
        case Quantity::LandClass:
            v = valueOf(f.landClass);
            break;
        case Quantity::LandPrice:
            v = valueOf(f.landPrice);
            break;
        case Quantity::MeanTemp:
            v = valueOf(f.meanTemperatureC);
            break;
        case Quantity::GridHeadroomMw:
            v = gridHeadroomMw;
            km = gridHeadroomKm;
            break;
        case Quantity::None:
            break;
        }
        in.values.push_back(v);
        in.distancesKm.push_back(km);
    }
    if (f.inFloodZone.found())
        in.inFloodZone = *f.inFloodZone.value;
    return in;
}

namespace {

// The grid's column of a quantity, or of the distance at which it was found (nullptr where the
// grid holds none).
const std::vector<float> *columnOf(Quantity q, const maps::SiteFactorGrid &grid, bool distance)
{
    switch (q) {
    case Quantity::HvSubstationKm:
        return &grid.hvSubstationKm; // the value is the distance
    case Quantity::LineKv:
        return distance ? &grid.lineKm : &grid.lineKv;
    case Quantity::GridHeadroomMw:
        return distance ? &grid.nearestPointKm : &grid.nearestPointValue;
    case Quantity::SlopeDeg:
        return distance ? nullptr : &grid.slopeDeg;
    case Quantity::LandClass:
        return distance ? nullptr : &grid.landClass;
    case Quantity::LandPrice:
        return distance ? nullptr : &grid.landPrice;
    case Quantity::MeanTemp:
        return distance ? nullptr : &grid.meanTemperatureC;
    case Quantity::None:
        break;
    }
    return nullptr;
}

std::vector<const float *> columns(const planner::ScoreModel &model,
                                   const maps::SiteFactorGrid &grid, bool distance)
{
    std::vector<const float *> out;
    for (const planner::ScoreFactor &factor : model.factors) {
        const std::vector<float> *v = columnOf(quantityOf(factor.id), grid, distance);
        out.push_back(v && !v->empty() ? v->data() : nullptr);
    }
    return out;
}

} // namespace

std::vector<const float *> scoreColumns(const planner::ScoreModel &model,
                                        const maps::SiteFactorGrid &grid)
{
    return columns(model, grid, false);
}

std::vector<const float *> scoreDistanceColumns(const planner::ScoreModel &model,
                                                const maps::SiteFactorGrid &grid)
{
    return columns(model, grid, true);
}

std::vector<std::uint8_t> scorableCells(const planner::ScoreModel &model,
                                        const maps::SiteFactorGrid &grid)
{
    const std::size_t cells = std::size_t(grid.grid.pixelCount());
    std::vector<std::uint8_t> out(cells, 1);
    const std::vector<const float *> columns = scoreColumns(model, grid);
    // Cells [begin, end), factor by factor; the cores take disjoint ranges.
    auto mark = [&](std::size_t begin, std::size_t end) {
        for (std::size_t k = 0; k < model.factors.size(); ++k) {
            const planner::ScoreFactor &f = model.factors[k];
            if (!(f.weight > 0.0) || !columns[k])
                continue;
            const float *__restrict column = columns[k];
            std::uint8_t *__restrict flags = out.data();
            if (f.kind == planner::ScoreFactor::Kind::Linear) {
                // A linear factor scores every number (NaN alone is unequal to itself).
                for (std::size_t i = begin; i < end; ++i)
                    flags[i] &= std::uint8_t(column[i] == column[i]);
                continue;
            }
            // Classes: which codes score, as a table over the listed codes' range (a code is
            // the value rounded as normalise() rounds it); values far outside it, and other
            // kinds, ask normalise().
            int lo = std::numeric_limits<int>::max(), hi = std::numeric_limits<int>::min();
            for (const auto &entry : f.classScores) {
                lo = std::min(lo, entry.first);
                hi = std::max(hi, entry.first);
            }
            const bool table = f.kind == planner::ScoreFactor::Kind::Classes && lo <= hi
                    && std::int64_t(hi) - lo < 4096;
            std::vector<std::uint8_t> scores(table ? std::size_t(hi - lo + 1) : 0, 0);
            for (const auto &entry : f.classScores) {
                if (table)
                    scores[std::size_t(entry.first - lo)] = 1;
            }
            float last = std::numeric_limits<float>::quiet_NaN();
            bool lastScores = false;
            for (std::size_t i = begin; i < end; ++i) {
                if (!flags[i])
                    continue;
                const float v = column[i];
                if (!(v == last)) { // NaN is never equal: asked (and answered "no") each time
                    last = v;
                    if (table && std::abs(v) < 1e6f) {
                        const long code = std::lround(double(v));
                        lastScores = code >= lo && code <= hi && scores[std::size_t(code - lo)];
                    } else {
                        lastScores = f.normalise(double(v)).has_value();
                    }
                }
                if (!lastScores)
                    flags[i] = 0;
            }
        }
    };
    const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 64);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back(mark, cells * t / threads, cells * (t + 1) / threads);
    mark(0, cells / threads);
    for (std::thread &t : pool)
        t.join();
    return out;
}

namespace {

// The request's switch for a quantity (nullptr for none).
bool maps::SiteFactorGridRequest::*flagOf(Quantity q)
{
    using R = maps::SiteFactorGridRequest;
    switch (q) {
    case Quantity::HvSubstationKm:
        return &R::hvSubstationKm;
    case Quantity::LineKv:
        return &R::lineKv;
    case Quantity::SlopeDeg:
        return &R::slopeDeg;
    case Quantity::LandClass:
        return &R::landClass;
    case Quantity::LandPrice:
        return &R::landPrice;
    case Quantity::MeanTemp:
        return &R::meanTemperatureC;
    case Quantity::GridHeadroomMw:
        return &R::nearestPointValue;
    case Quantity::None:
        break;
    }
    return nullptr;
}

} // namespace

std::vector<std::uint8_t> cellsForNextPass(const planner::ScoreModel &model,
                                           const maps::SiteFactorGrid &sofar,
                                           const maps::SiteFactorGridRequest &next)
{
    for (const planner::ScoreFactor &f : model.factors) {
        const auto flag = flagOf(quantityOf(f.id));
        if ((f.excludeAbove || !f.excludedClasses.empty()) && flag && next.*flag)
            return {};
    }
    return scorableCells(model, sofar);
}

maps::SiteFactorGridRequest gridRequest(const planner::ScoreModel &model)
{
    maps::SiteFactorGridRequest r;
    for (const planner::ScoreFactor &factor : model.factors) {
        switch (quantityOf(factor.id)) {
        case Quantity::HvSubstationKm:
            r.hvSubstationKm = true;
            r.hvSubstationKv = factor.minKv;
            // Past the farther of worst and best the score no longer changes.
            r.hvSubstationCapKm = std::max(factor.worst, factor.best);
            r.hvSubstationReachKm = factor.reachKm.value_or(0.0);
            break;
        case Quantity::LineKv:
            r.lineKv = true;
            r.lineReachKm = factor.reachKm.value_or(0.0);
            break;
        case Quantity::SlopeDeg:
        case Quantity::LandClass:
        case Quantity::LandPrice:
        case Quantity::MeanTemp:
            r.*flagOf(quantityOf(factor.id)) = true;
            break;
        case Quantity::GridHeadroomMw:
            r.nearestPointValue = factor.weight > 0.0;
            r.nearestPointKm = r.nearestPointValue && factor.reachKm.has_value();
            r.nearestPointReachKm = factor.reachKm.value_or(INFINITY);
            break;
        case Quantity::None:
            break;
        }
    }
    r.floodZone = model.floodExclusion.has_value();
    return r;
}

} // namespace app
