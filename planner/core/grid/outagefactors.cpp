// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/grid/outagefactors.h"

#include "planner/core/common/parallelfor.h"
#include "planner/core/grid/gridbridges.h"
#include "planner/core/grid/headroom.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <map>
#include <new>
#include <numeric>
#include <string>

namespace planner {
namespace {

using energize::Error;
using energize::ErrorCode;
using energize::Expected;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// |S| below this is stored as 0 in float (no subnormals in the scan); the bounds allow for it.
constexpr double kFlush = 1e-30;
// Rounding slack between two evaluations of the same short expression in different orders.
constexpr double kRound = 8.0 * std::numeric_limits<double>::epsilon();
constexpr int kTile = 64;
constexpr int kBlock = 64; // pairs per block of the scan, which bounds skip whole
constexpr int kThetaBins = 32;
constexpr std::size_t kDoubleBudgetBytes = std::size_t(512) << 20;

// The one formula for a factor, used by build(), the scan and the re-check alike.
inline double lodfOf(double alpha, double beta, double s)
{
    return (alpha * beta) * s;
}

inline bool counts(double df, double tau)
{
    return std::abs(df) >= tau && df != 0.0;
}

struct Candidate
{
    double lowerMw;
    int column;
    int position;
};

} // namespace

// Per-bus working data of study(). A pair (branch l, outage k) has the post-outage DF
// d_l + x and flow f_l + y with x = LODF·d_k, y = LODF·f_k. A stored factor may be off by
// unit·|LODF| (float storage) and by a few roundings; ed and ef bound how far that moves the DF
// and the flow: unit·|x| + edc, unit·|y| + efc with edc, efc per outage.
struct OutageFactors::Scan
{
    double tau = 0.0, unit = 0.0, upper = 0.0;
    std::vector<double> d; // per position
    std::vector<double> betaD, betaF, edc, efc; // per column: β·d_k, β·f_k and the slack
    std::vector<double> farRate; // per position: its rating if scanned by column, else -1
    std::vector<int> near; // rated positions scanned along their row (|d| ≥ theta)
    std::vector<int> nearOutages; // columns scanned along their column, on the far rows
    std::vector<double> columnBlockD, farBlockD; // max |d| per block of outages, of far rows
    std::vector<Candidate> candidates;

    // Whether a pair may count and bind (branch-free, so that the loops vectorize): a
    // superset of what pair() keeps.
    static bool mayBind(double x, double y, double dl, double fl, double rate, double edk,
                        double efk, double tau, double unit, double upperSlack)
    {
        const double df = dl + x, f = fl + y;
        const double a = std::abs(df), af = std::abs(f);
        const double ed = unit * std::abs(x) + edk, ef = unit * std::abs(y) + efk;
        const double margin = rate - std::copysign(1.0, df) * f;
        return (a >= tau - ed) & (af <= rate + ef) & (margin - ef <= upperSlack * (a + ed));
    }

    // One pair with the factor `L` as lodfOf() gives it: skip it when it cannot count or cannot
    // bind, tighten the upper bound when it surely counts, keep it as a candidate when it may
    // bind.
    void pair(double L, double dl, double fl, double rate, int c, int p)
    {
        const double x = L * d[c], y = L * flowOf(c);
        const double df = dl + x, a = std::abs(df);
        const double ed = unit * std::abs(x) + edc[c];
        if (!(a >= tau - ed) || a == 0.0) // a NaN factor (split outage) never counts
            return;
        const double f = fl + y, af = std::abs(f);
        const double ef = unit * std::abs(y) + efc[c];
        if (af > rate + ef) // surely pre-existing: listed from build()'s list
            return;
        const double margin = rate - (df > 0.0 ? f : -f);
        if (margin - ef > upper * (a + ed) * (1.0 + 1e-12))
            return;
        if (a >= tau + ed && a > ed && af <= rate - ef) {
            const double high = margin + ef;
            if (high < upper * (a - ed))
                upper = high / (a - ed);
        }
        candidates.push_back({(margin - ef) / (a + ed), c, p});
    }

    const double *flow = nullptr; // per position, the base flows
    double flowOf(int c) const { return flow[c]; }
};

OutageFactors::OutageFactors(OutageFactors &&) noexcept = default;
OutageFactors &OutageFactors::operator=(OutageFactors &&) noexcept = default;
OutageFactors::~OutageFactors() = default;

std::size_t OutageFactors::bytes() const
{
    return m_sDouble.size() * sizeof(double) + m_sFloat.size() * sizeof(float)
            + m_overloads.size() * sizeof(Overload);
}

Expected<OutageFactors> OutageFactors::build(const Inputs &in, const Progress &progress)
{
    const DcPowerFlow &pf = *in.powerFlow;
    const int nBranch = int(in.from.size());
    OutageFactors f;
    const std::vector<bool> bridge =
            findBridges(in.buses, in.from, in.to, [&](int k) { return pf.branchActive(k); });
    for (int k = 0; k < nBranch; ++k) {
        if (pf.branchActive(k) && !bridge[k])
            f.m_branch.push_back(k);
    }
    f.m_columns = int(f.m_branch.size());
    for (int k = 0; k < nBranch; ++k) {
        if (pf.branchActive(k) && bridge[k]) {
            f.m_splitting.push_back(k);
            if (in.emergencyMw[k] > 0.0)
                f.m_branch.push_back(k);
        }
    }
    const int nU = int(f.m_branch.size()), nCols = f.m_columns;
    const std::size_t n = std::size_t(nU);
    const bool inFloat = in.storage == LodfStorage::Float
            || (in.storage == LodfStorage::Automatic
                && n * n * sizeof(double) > kDoubleBudgetBytes);
    // Two branches in different 2-edge-connected components (the pieces the bridges join)
    // never see each other's outage: their factor is 0 exactly, not a rounding residue.
    std::vector<int> piece(in.buses);
    std::iota(piece.begin(), piece.end(), 0);
    auto root = [&](int i) {
        while (piece[i] != i)
            i = piece[i] = piece[piece[i]];
        return i;
    };
    for (int c = 0; c < f.m_columns; ++c)
        piece[root(in.from[f.m_branch[c]])] = root(in.to[f.m_branch[c]]);
    for (int p = 0; p < nU; ++p)
        f.m_piece.push_back(p < nCols ? root(in.from[f.m_branch[p]]) : -1 - p);
    for (int k : f.m_branch) {
        f.m_from.push_back(in.from[k]);
        f.m_to.push_back(in.to[k]);
        f.m_alpha.push_back(pf.branchSusceptance(k));
        f.m_rate.push_back(in.emergencyMw[k]);
        f.m_flow.push_back(in.flowMw[k]);
        f.m_maxAbsFlow = std::max(f.m_maxAbsFlow, std::abs(in.flowMw[k]));
    }
    try {
        if (inFloat)
            f.m_sFloat.assign(n * n, 0.0f);
        else
            f.m_sDouble.assign(n * n, 0.0);
    } catch (const std::bad_alloc &) {
        return Error{"not enough memory for the N-1 outage factors ("
                     + std::to_string((n * n * (inFloat ? sizeof(float) : sizeof(double))) >> 20)
                     + " MB): study N only, or a smaller case"};
    }
    auto cancelled = [] {
        return Error{"headroom study cancelled", ErrorCode::Cancelled};
    };

    // S row by row (the upper triangle from each position's solve), β of every outage (an
    // outage whose PTDF_kk is 1 splits its island after all), and the pairs already over their
    // limit, decided with the exact values. Positions go from the last to the first: a row's
    // pairs (branch p, outage q > p) need β_q, which the solve of q gives; that solve was
    // handed out before p's, and β_q is published as soon as it is known.
    f.m_beta.assign(nCols, 0.0);
    std::vector<std::atomic<bool>> betaReady(static_cast<std::size_t>(nCols));
    std::vector<std::vector<Overload>> overloads(n);
    if (!parallelFor(
                nU, in.threads,
                [&](int i) {
                    const int p = nU - 1 - i;
                    // A bridge's factors are all 0: no solve.
                    const std::vector<double> t = p < nCols
                            ? pf.transferColumn(f.m_from[p], f.m_to[p])
                            : std::vector<double>();
                    if (p < nCols) {
                        const double tkk = t[f.m_branch[p]];
                        f.m_beta[p] = std::abs(1.0 - tkk) < 1e-9 ? kNaN : 1.0 / (1.0 - tkk);
                        betaReady[p].store(true, std::memory_order_release);
                        betaReady[p].notify_all();
                    }
                    for (int q = p + 1; q < nCols; ++q)
                        betaReady[q].wait(false, std::memory_order_acquire);
                    for (int q = p + 1; q < nU; ++q) {
                        const double s = f.m_piece[q] == f.m_piece[p]
                                ? t[f.m_branch[q]] / f.m_alpha[q]
                                : 0.0;
                        const std::size_t at = std::size_t(p) * n + q;
                        if (inFloat)
                            f.m_sFloat[at] = std::abs(s) < kFlush ? 0.0f : float(s);
                        else
                            f.m_sDouble[at] = s;
                        if (p < nCols && f.m_rate[q] > 0.0) { // branch q, outage p
                            const double L = lodfOf(f.m_alpha[q], f.m_beta[p], s);
                            const double flow = f.m_flow[q] + L * f.m_flow[p];
                            if (std::abs(flow) > f.m_rate[q])
                                overloads[p].push_back({p, q, L, flow});
                        }
                        if (q < nCols && f.m_rate[p] > 0.0) { // branch p, outage q
                            const double L = lodfOf(f.m_alpha[p], f.m_beta[q], s);
                            const double flow = f.m_flow[p] + L * f.m_flow[q];
                            if (std::abs(flow) > f.m_rate[p])
                                overloads[p].push_back({q, p, L, flow});
                        }
                    }
                },
                progress))
        return cancelled();
    for (const std::vector<Overload> &list : overloads)
        f.m_overloads.insert(f.m_overloads.end(), list.begin(), list.end());
    std::sort(f.m_overloads.begin(), f.m_overloads.end(),
              [&](const Overload &a, const Overload &b) {
                  return a.column < b.column
                          || (a.column == b.column
                              && f.m_branch[a.position] < f.m_branch[b.position]);
              });

    // The lower triangle mirrors the upper one, tile by tile.
    const int tiles = (nU + kTile - 1) / kTile;
    parallelFor(tiles, in.threads, [&](int bi) {
        for (int bj = 0; bj <= bi; ++bj) {
            for (int q = bi * kTile; q < std::min(nU, (bi + 1) * kTile); ++q) {
                for (int p = bj * kTile; p < std::min(q, (bj + 1) * kTile); ++p) {
                    if (inFloat)
                        f.m_sFloat[std::size_t(q) * n + p] = f.m_sFloat[std::size_t(p) * n + q];
                    else
                        f.m_sDouble[std::size_t(q) * n + p] = f.m_sDouble[std::size_t(p) * n + q];
                }
            }
        }
    });

    // A float factor stored as 0 may be this far from 0 (|S| < kFlush): per outage.
    double maxAlpha = 0.0;
    for (double a : f.m_alpha)
        maxAlpha = std::max(maxAlpha, std::abs(a));
    f.m_flushError.assign(nCols, 0.0);
    for (int c = 0; c < nCols; ++c) {
        if (inFloat && !std::isnan(f.m_beta[c]))
            f.m_flushError[c] = 2.0 * maxAlpha * std::abs(f.m_beta[c]) * kFlush;
    }

    // Per block of 64 pairs, along rows (a branch under 64 outages) and along columns (an
    // outage on 64 branches): the least margin R − |post-outage flow| and the largest |LODF|
    // over the pairs that are not pre-existing overloads, both allowing for float rounding.
    // The scan skips a block when no pair in it can count or come below the best limit.
    const double unit = inFloat ? std::ldexp(1.0, -24) * (1.0 + 1e-6) : 0.0;
    auto accumulate = [&](BlockBound &b, int row, int column, double s) {
        const double L = lodfOf(f.m_alpha[row], f.m_beta[column], s);
        if (std::isnan(L))
            return;
        const double y = L * f.m_flow[column], flow = f.m_flow[row] + y;
        const double ef = unit * std::abs(y) + kRound * (std::abs(f.m_flow[row]) + std::abs(y))
                + f.m_flushError[column] * std::abs(f.m_flow[column]);
        if (std::abs(flow) > f.m_rate[row] + ef)
            return; // surely pre-existing: never binds
        b.margin = std::min(b.margin, std::max(0.0, f.m_rate[row] - std::abs(flow) - ef));
        b.maxLodf = std::max(b.maxLodf, std::abs(L));
    };
    auto widen = [&](BlockBound &b, int column) {
        b.maxLodf = b.maxLodf * (1.0 + 2.0 * unit) + f.m_flushError[column];
    };
    f.m_rowBlocks = (nCols + kBlock - 1) / kBlock;
    f.m_columnBlocks = (nU + kBlock - 1) / kBlock;
    f.m_rowBounds.assign(n * f.m_rowBlocks, {});
    f.m_columnBounds.assign(std::size_t(nCols) * f.m_columnBlocks, {});
    f.m_columnMax.assign(nCols, 0.0);
    parallelFor(nU, in.threads, [&](int p) {
        if (!(f.m_rate[p] > 0.0))
            return;
        for (int c = 0; c < nCols; ++c) {
            if (c == p)
                continue;
            BlockBound &b = f.m_rowBounds[std::size_t(p) * f.m_rowBlocks + c / kBlock];
            accumulate(b, p, c, f.storedS(p, c));
        }
        for (int b = 0; b < f.m_rowBlocks; ++b) {
            BlockBound &bound = f.m_rowBounds[std::size_t(p) * f.m_rowBlocks + b];
            double flush = 0.0;
            for (int c = b * kBlock; c < std::min(nCols, (b + 1) * kBlock); ++c)
                flush = std::max(flush, f.m_flushError[c]);
            bound.maxLodf = bound.maxLodf * (1.0 + 2.0 * unit) + flush;
        }
    });
    parallelFor(nCols, in.threads, [&](int c) {
        for (int q = 0; q < nU; ++q) {
            if (q == c || !(f.m_rate[q] > 0.0))
                continue;
            accumulate(f.m_columnBounds[std::size_t(c) * f.m_columnBlocks + q / kBlock], q, c,
                       f.storedS(c, q));
        }
        // The bound on |LODF| over the whole column follows from its blocks'.
        double m = 0.0;
        for (int b = 0; b < f.m_columnBlocks; ++b) {
            BlockBound &bound = f.m_columnBounds[std::size_t(c) * f.m_columnBlocks + b];
            widen(bound, c);
            m = std::max(m, bound.maxLodf);
        }
        f.m_columnMax[c] = m;
    });

    for (int c = 0; c < nCols; ++c) {
        if (std::isnan(f.m_beta[c]))
            f.m_splitting.push_back(f.m_branch[c]);
    }
    std::sort(f.m_splitting.begin(), f.m_splitting.end());
    return f;
}

double OutageFactors::storedS(int p, int q) const
{
    const std::size_t at = std::size_t(p) * m_branch.size() + q;
    return m_sFloat.empty() ? m_sDouble[at] : double(m_sFloat[at]);
}

template<typename T>
void OutageFactors::scan(const T *s, Scan &st) const
{
    const std::size_t n = m_branch.size();
    const double tau = st.tau, unit = st.unit;
    const double *betaD = st.betaD.data(), *betaF = st.betaF.data(), *edc = st.edc.data(),
                 *efc = st.efc.data();
    // A block is passed over when its bounds show that no pair in it can count or come below
    // the best limit so far; else one vectorizable sweep looks for a pair that may bind, and
    // only then are its pairs taken one by one.
    auto skip = [&](const BlockBound &b, double reach) {
        return reach < tau || b.margin > st.upper * (1.0 + 1e-12) * reach;
    };
    // Rows of the branches near the bus: every outage.
    for (int p : st.near) {
        const T *row = s + std::size_t(p) * n;
        const double alpha = m_alpha[p], dl = st.d[p], fl = m_flow[p], rate = m_rate[p];
        const BlockBound *bounds = m_rowBounds.data() + std::size_t(p) * m_rowBlocks;
        for (int b = 0; b < m_rowBlocks; ++b) {
            if (skip(bounds[b], std::abs(dl) + bounds[b].maxLodf * st.columnBlockD[b]))
                continue;
            const int c0 = b * kBlock, c1 = std::min(m_columns, c0 + kBlock);
            const double upperSlack = st.upper * (1.0 + 1e-12);
            int hits = 0;
            for (int c = c0; c < c1; ++c) {
                const double as = alpha * double(row[c]);
                hits += Scan::mayBind(as * betaD[c], as * betaF[c], dl, fl, rate, edc[c], efc[c],
                                      tau, unit, upperSlack);
            }
            if (hits == 0)
                continue;
            for (int c = c0; c < c1; ++c) {
                if (c != p)
                    st.pair(lodfOf(alpha, m_beta[c], double(row[c])), dl, fl, rate, c, p);
            }
        }
    }
    // Columns of the outages near the bus: every far row (farRate -1 elsewhere never binds).
    const int nU = int(n);
    const double *alpha = m_alpha.data(), *d = st.d.data(), *flow = m_flow.data(),
                 *farRate = st.farRate.data();
    for (int c : st.nearOutages) {
        const T *column = s + std::size_t(c) * n; // S is symmetric
        const double bd = betaD[c], bf = betaF[c], edk = edc[c], efk = efc[c];
        const double dk = std::abs(st.d[c]);
        const BlockBound *bounds = m_columnBounds.data() + std::size_t(c) * m_columnBlocks;
        for (int b = 0; b < m_columnBlocks; ++b) {
            if (skip(bounds[b], st.farBlockD[b] + bounds[b].maxLodf * dk))
                continue;
            const int q0 = b * kBlock, q1 = std::min(nU, q0 + kBlock);
            const double upperSlack = st.upper * (1.0 + 1e-12);
            int hits = 0;
            for (int q = q0; q < q1; ++q) {
                const double as = alpha[q] * double(column[q]);
                hits += Scan::mayBind(as * bd, as * bf, d[q], flow[q], farRate[q], edk, efk, tau,
                                      unit, upperSlack);
            }
            if (hits == 0)
                continue;
            for (int q = q0; q < q1; ++q) {
                if (q != c && farRate[q] >= 0.0)
                    st.pair(lodfOf(alpha[q], m_beta[c], double(column[q])), d[q], flow[q],
                            farRate[q], c, q);
            }
        }
    }
}

OutageFactors::Result OutageFactors::study(const DcPowerFlow &pf, const std::vector<double> &d,
                                           double tau, double upper,
                                           std::vector<PreexistingOverload> &overloads) const
{
    Result result;
    const int nU = int(m_branch.size());
    if (nU == 0)
        return result;
    Scan st;
    st.tau = tau;
    st.upper = upper;
    st.unit = inFloat() ? std::ldexp(1.0, -24) * (1.0 + 1e-6) : 0.0;
    st.flow = m_flow.data();
    st.d.resize(nU);
    double maxAbsD = 0.0;
    for (int p = 0; p < nU; ++p) {
        st.d[p] = d[m_branch[p]];
        if (m_rate[p] > 0.0)
            maxAbsD = std::max(maxAbsD, std::abs(st.d[p]));
    }
    // A pair counts only if |d_l| + |LODF_lk|·|d_k| ≥ tau. Split at theta: rows with
    // |d_l| ≥ theta are scanned whole; the other rows need |d_k|·max|LODF_·k| ≥ tau − theta,
    // so only those outages' columns are scanned, over the other rows. Theta is chosen to
    // scan the fewest pairs.
    st.betaD.resize(m_columns);
    st.betaF.resize(m_columns);
    st.edc.resize(m_columns);
    st.efc.resize(m_columns);
    std::vector<double> key(m_columns);
    std::vector<int> histRows(kThetaBins + 2, 0), histCols(kThetaBins + 2, 0);
    for (int c = 0; c < m_columns; ++c) {
        const double dk = std::abs(st.d[c]), fk = std::abs(m_flow[c]), m = m_columnMax[c];
        st.betaD[c] = m_beta[c] * st.d[c];
        st.betaF[c] = m_beta[c] * m_flow[c];
        st.edc[c] = kRound * (maxAbsD + m * dk) + m_flushError[c] * dk;
        st.efc[c] = kRound * (m_maxAbsFlow + m * fk) + m_flushError[c] * fk;
        key[c] = dk * m * (1.0 + st.unit) + st.edc[c];
        if (tau > 0.0) {
            const double i = std::ceil((tau - key[c]) * kThetaBins / tau);
            ++histCols[std::size_t(std::clamp(i, 0.0, double(kThetaBins + 1)))];
        }
    }
    int rated = 0;
    for (int p = 0; p < nU; ++p) {
        if (m_rate[p] > 0.0 && tau > 0.0) {
            ++rated;
            const double i = std::floor(std::abs(st.d[p]) * kThetaBins / tau);
            ++histRows[std::size_t(std::clamp(i, 0.0, double(kThetaBins)))];
        }
    }
    double theta = 0.0;
    if (tau > 0.0) {
        double bestCost = std::numeric_limits<double>::infinity();
        std::vector<long long> rowsAbove(kThetaBins + 2, 0);
        for (int i = kThetaBins; i >= 0; --i)
            rowsAbove[i] = rowsAbove[i + 1] + histRows[i];
        long long colsIn = 0;
        for (int i = 0; i <= kThetaBins; ++i) {
            colsIn += histCols[i];
            const double cost =
                    double(rowsAbove[i]) * m_columns + double(colsIn) * double(nU - rowsAbove[i]);
            if (cost < bestCost) {
                bestCost = cost;
                theta = tau * i / kThetaBins;
            }
        }
    }
    st.farRate.assign(nU, -1.0);
    for (int p = 0; p < nU; ++p) {
        if (!(m_rate[p] > 0.0))
            continue;
        if (std::abs(st.d[p]) >= theta)
            st.near.push_back(p);
        else
            st.farRate[p] = m_rate[p];
    }
    for (int c = 0; c < m_columns; ++c) {
        if (key[c] >= tau - theta)
            st.nearOutages.push_back(c);
    }
    // The largest |d| per block of outages and of far rows, for the block bounds; the rows and
    // outages nearest the bus first, so that the best limit drops early.
    st.columnBlockD.assign(m_rowBlocks, 0.0);
    for (int c = 0; c < m_columns; ++c)
        st.columnBlockD[c / kBlock] = std::max(st.columnBlockD[c / kBlock], std::abs(st.d[c]));
    st.farBlockD.assign(m_columnBlocks, 0.0);
    for (int p = 0; p < nU; ++p) {
        if (st.farRate[p] >= 0.0)
            st.farBlockD[p / kBlock] = std::max(st.farBlockD[p / kBlock], std::abs(st.d[p]));
    }
    std::sort(st.near.begin(), st.near.end(),
              [&](int a, int b) { return std::abs(st.d[a]) > std::abs(st.d[b]); });
    std::sort(st.nearOutages.begin(), st.nearOutages.end(),
              [&](int a, int b) { return key[a] > key[b]; });
    if (inFloat())
        scan(m_sFloat.data(), st);
    else
        scan(m_sDouble.data(), st);

    // The exact value of every pair that may bind: S from the solve of the lower position.
    std::map<int, std::vector<double>> solved;
    auto exactS = [&](int p, int q) {
        const int lo = std::min(p, q), hi = std::max(p, q);
        if (m_piece[p] != m_piece[q])
            return 0.0;
        if (!inFloat())
            return m_sDouble[std::size_t(lo) * m_branch.size() + hi];
        auto it = solved.find(lo);
        if (it == solved.end())
            it = solved.emplace(lo, pf.transferColumn(m_from[lo], m_to[lo])).first;
        return it->second[m_branch[hi]] / m_alpha[hi];
    };
    for (const Candidate &cand : st.candidates) {
        if (cand.lowerMw > st.upper * (1.0 + 1e-12))
            continue;
        const int c = cand.column, p = cand.position;
        const double L = lodfOf(m_alpha[p], m_beta[c], exactS(p, c));
        const double df = st.d[p] + L * st.d[c];
        if (!counts(df, tau))
            continue;
        const double f = m_flow[p] + L * m_flow[c];
        if (std::abs(f) > m_rate[p])
            continue;
        const double mw = (m_rate[p] - (df > 0.0 ? f : -f)) / std::abs(df);
        const int k = m_branch[c], l = m_branch[p];
        if (mw > upper)
            continue;
        if (!result.found || mw < result.limit.mw
            || (mw == result.limit.mw
                && (k < result.limit.outage
                    || (k == result.limit.outage && l < result.limit.branch)))) {
            result.found = true;
            result.limit = {mw, l, k};
        }
    }

    for (const Overload &o : m_overloads) {
        if (counts(st.d[o.position] + o.lodf * st.d[o.column], tau))
            overloads.push_back(
                    {m_branch[o.position], m_branch[o.column], o.flowMw, m_rate[o.position]});
    }
    return result;
}

} // namespace planner
