// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/scoring/scoremodel.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace planner {

namespace {

// std::lround(v) for a finite v, without the library call when v is already whole (class codes
// are whole numbers; the table scan calls this once per cell).
long roundedCode(double v)
{
    if (std::abs(v) < 1e15) {
        const long whole = long(v);
        if (double(whole) == v)
            return whole;
    }
    return std::lround(v);
}

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// What one place adds up to; shared by scoreSite() and CellScorer so that both give the same
// number for the same values.
struct Tally
{
    double sum = 0.0; // Σ w·s
    double used = 0.0; // Σ w over factors with a score
    bool excluded = false;
    bool complete = true;

    void add(double weight, std::optional<double> normalised)
    {
        if (normalised) {
            sum += weight * *normalised;
            used += weight;
        } else if (weight > 0.0) {
            complete = false;
        }
    }
    std::optional<double> score() const
    {
        if (excluded || !complete || !(used > 0.0))
            return std::nullopt;
        return sum / used;
    }
};

} // namespace

std::optional<double> ScoreFactor::normalise(double value) const
{
    if (std::isnan(value))
        return std::nullopt;
    if (kind == Kind::Classes) {
        const auto it = classScores.find(int(std::lround(value)));
        return it != classScores.end() ? std::optional<double>(it->second) : std::nullopt;
    }
    if (best == worst)
        return value == best ? 1.0 : 0.0;
    return std::clamp((value - worst) / (best - worst), 0.0, 1.0);
}

bool ScoreFactor::excludes(double value) const
{
    if (std::isnan(value))
        return false;
    if (kind == Kind::Classes)
        return excludedClasses.count(int(std::lround(value))) > 0;
    return excludeAbove && value > *excludeAbove;
}

int ScoreModel::indexOf(const std::string &id) const
{
    for (std::size_t i = 0; i < factors.size(); ++i) {
        if (factors[i].id == id)
            return int(i);
    }
    return -1;
}

double ScoreModel::weightSum() const
{
    double sum = 0.0;
    for (const ScoreFactor &f : factors)
        sum += f.weight;
    return sum;
}

SiteScore scoreSite(const ScoreModel &model, const ScoreInputs &inputs)
{
    SiteScore out;
    const double total = model.weightSum();
    Tally tally;
    for (std::size_t i = 0; i < model.factors.size(); ++i) {
        const ScoreFactor &f = model.factors[i];
        const double v = i < inputs.values.size() ? inputs.values[i] : NAN;
        const double km = i < inputs.distancesKm.size() ? inputs.distancesKm[i] : NAN;
        FactorScore s;
        if (!std::isnan(v))
            s.value = v;
        s.beyondReach = f.beyondReach(km);
        s.normalised = s.beyondReach ? std::optional<double>(0.0) : f.normalise(v);
        s.weightShare = total > 0.0 ? f.weight / total : 0.0;
        if (s.normalised)
            s.contribution = s.weightShare * *s.normalised;
        s.excludes = !s.beyondReach && f.excludes(v);
        tally.excluded = tally.excluded || s.excludes;
        tally.add(f.weight, s.normalised);
        out.factors.push_back(s);
    }
    out.floodExcludes = model.floodExclusion && inputs.inFloodZone.value_or(false);
    tally.excluded = tally.excluded || out.floodExcludes;
    out.excluded = tally.excluded;
    out.complete = tally.complete;
    out.score = tally.score();
    return out;
}

CellScorer::CellScorer(const ScoreModel &model) : m_floodExcludes(model.floodExclusion.has_value())
{
    for (const ScoreFactor &f : model.factors) {
        Compiled c;
        c.factor = f;
        if (f.kind == ScoreFactor::Kind::Classes) {
            int first = std::numeric_limits<int>::max(), last = std::numeric_limits<int>::min();
            for (const auto &[code, score] : f.classScores) {
                first = std::min(first, code);
                last = std::max(last, code);
            }
            for (const auto &[code, reason] : f.excludedClasses) {
                first = std::min(first, code);
                last = std::max(last, code);
            }
            if (first <= last && last - first < (1 << 20)) {
                c.lutFirst = first;
                c.scores.assign(std::size_t(last - first + 1), NAN);
                c.excluded.assign(c.scores.size(), 0);
                for (const auto &[code, score] : f.classScores)
                    c.scores[std::size_t(code - first)] = score;
                for (const auto &[code, reason] : f.excludedClasses)
                    c.excluded[std::size_t(code - first)] = 1;
            }
        }
        m_factors.push_back(std::move(c));
    }
}

void CellScorer::score(const float *const *values, const unsigned char *flood, std::size_t n,
                       float *out, const float *const *distancesKm) const
{
    // Factor by factor over chunks of cells, adding in the model's factor order, so that each
    // cell's sum is formed exactly as scoreSite() forms it.
    constexpr std::size_t kChunk = 1024;
    double sum[kChunk], used[kChunk];
    unsigned char excluded[kChunk], incomplete[kChunk];
    for (std::size_t first = 0; first < n; first += kChunk) {
        const std::size_t m = std::min(kChunk, n - first);
        std::fill(sum, sum + m, 0.0);
        std::fill(used, used + m, 0.0);
        std::fill(incomplete, incomplete + m, 0);
        for (std::size_t i = 0; i < m; ++i)
            excluded[i] = m_floodExcludes && flood && flood[first + i] != 0;
        // One cell through normalise() and excludes(), as scoreSite() takes it.
        auto general = [&](const ScoreFactor &f, std::size_t i, double v) {
            excluded[i] |= f.excludes(v);
            if (const auto s = f.normalise(v)) {
                sum[i] += f.weight * *s;
                used[i] += f.weight;
            } else if (f.weight > 0.0) {
                incomplete[i] = 1;
            }
        };
        for (const Compiled &c : m_factors) {
            const ScoreFactor &f = c.factor;
            const std::size_t k = std::size_t(&c - m_factors.data());
            const float *column = values[k] ? values[k] + first : nullptr;
            const double w = f.weight;
            const float *km =
                    f.reachKm && distancesKm && distancesKm[k] ? distancesKm[k] + first : nullptr;
            if (!column && !km) {
                if (w > 0.0)
                    std::fill(incomplete, incomplete + m, 1);
                continue;
            }
            // Each cell through `one(i, value)`; past a reach the factor scores 0 whatever it
            // read.
            auto overCells = [&](auto &&one) {
                if (km) {
                    const double reach = *f.reachKm;
                    for (std::size_t i = 0; i < m; ++i) {
                        if (double(km[i]) > reach)
                            used[i] += w;
                        else
                            one(i, column ? double(column[i]) : NAN);
                    }
                } else {
                    for (std::size_t i = 0; i < m; ++i)
                        one(i, double(column[i]));
                }
            };
            if (!c.scores.empty()) {
                // The tables hold what normalise() and excludes() give for every listed code.
                const long size = long(c.scores.size());
                overCells([&](std::size_t i, double v) {
                    double s = NAN;
                    if (!std::isnan(v)) {
                        const long at = roundedCode(v) - c.lutFirst;
                        if (at >= 0 && at < size) {
                            s = c.scores[std::size_t(at)];
                            excluded[i] |= c.excluded[std::size_t(at)];
                        }
                    }
                    if (!std::isnan(s)) {
                        sum[i] += w * s;
                        used[i] += w;
                    } else if (w > 0.0) {
                        incomplete[i] = 1;
                    }
                });
                continue;
            }
            if (f.kind == ScoreFactor::Kind::Classes || f.best == f.worst) {
                overCells([&](std::size_t i, double v) { general(f, i, v); });
                continue;
            }
            // Linear: the same expression as normalise(), clamped the same way.
            const double worst = f.worst, span = f.best - f.worst;
            const bool limit = f.excludeAbove.has_value();
            const double above = limit ? *f.excludeAbove : 0.0;
            overCells([&](std::size_t i, double v) {
                if (std::isnan(v)) {
                    if (w > 0.0)
                        incomplete[i] = 1;
                    return;
                }
                excluded[i] |= limit && v > above;
                sum[i] += w * std::clamp((v - worst) / span, 0.0, 1.0);
                used[i] += w;
            });
        }
        for (std::size_t i = 0; i < m; ++i) {
            float &o = out[first + i];
            if (excluded[i])
                o = kExcluded;
            else if (incomplete[i] || !(used[i] > 0.0))
                o = kNaN;
            else
                o = float(sum[i] / used[i]);
        }
    }
}

} // namespace planner
