// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The N-1 half of the headroom study (see headroom.h for the definition): the line outage
// distribution factors of every non-splitting outage k on every rated branch l, and the scan
// that finds, for one bus's distribution factors d, the (branch, outage) pair that limits first.
//
// Storage: LODF_lk = b_l · β_k · S_lk with b_l the branch susceptance, β_k = 1/(1 − PTDF_kk)
// and S = A·B'⁻¹·Aᵀ, which is symmetric. S is kept once, square and dense over the positions
// (the outages first, then the rated bridges), so that both a branch's factors under every
// outage (a row) and an outage's factors on every branch (a column) are contiguous. S_lk is the
// value from the solve of the lower of the two positions, and exactly 0 across 2-edge-connected
// pieces. In float storage the pairs that may bind are re-checked against that value
// recomputed in double, so both storages give the answer of a full double scan of every pair.
//
// The scan, per bus: a pair can count only if |d_l| + |LODF_lk|·|d_k| ≥ τ, so rows with
// |d_l| ≥ θ are read whole and, for the other rows, only the columns of outages with
// |d_k|·max|LODF_·k| ≥ τ − θ (θ chosen to read the fewest pairs). Both are cut into blocks of
// 64 pairs with two bounds computed in build() — the least margin R − |post-outage flow| and
// the largest |LODF| — so that a block where no pair can count, or none can come below the
// best limit found so far, is skipped whole. What is left is swept branch-free, and only the
// few pairs that may bind are evaluated one by one. Every bound allows for float rounding, so
// the result is exact. The pre-existing overloads (bus-independent) are found in build() and
// only filtered by τ per bus.
//
// Memory: positions² · 8 bytes (double) or · 4 (float) for S, plus 2 · positions² / 64 bounds
// and the overload list. Built once (in parallel, progress on the calling thread); const
// afterwards and then safe from several threads at once. Movable, not copyable; owns everything
// (no reference to the power flow it was built from is kept; study() is handed it).

#include "common/expected.h"
#include "planner/core/grid/dcpowerflow.h"
#include "planner/core/grid/headroom.h"

#include <cstddef>
#include <functional>
#include <limits>
#include <vector>

namespace planner {

// A branch at its limit after an outage: the MW of new load that takes it there.
struct OutageLimit
{
    double mw = 0.0;
    int branch = -1; // index into GridCase::branches
    int outage = -1; // index into GridCase::branches of the outaged branch
};

class OutageFactors
{
public:
    using Progress = std::function<bool(int done, int total)>;

    struct Inputs
    {
        const DcPowerFlow *powerFlow = nullptr;
        int buses = 0;
        std::vector<int> from, to; // bus index per branch
        std::vector<double> flowMw; // base-case flow per branch
        std::vector<double> emergencyMw; // per branch; 0 = unlimited
        LodfStorage storage = LodfStorage::Automatic; // Automatic: double up to 512 MB
        int threads = 0; // 0: all cores
    };

    // Errors: not enough memory for the matrix, cancelled (ErrorCode::Cancelled).
    static energize::Expected<OutageFactors> build(const Inputs &in, const Progress &progress);

    OutageFactors(OutageFactors &&) noexcept;
    OutageFactors &operator=(OutageFactors &&) noexcept;
    ~OutageFactors();

    const std::vector<int> &splitting() const { return m_splitting; }
    std::size_t bytes() const;
    bool inFloat() const { return !m_sFloat.empty(); }

    // For the distribution factors `d` (per branch) of one bus and threshold `tau`: the lowest
    // limit among the counting, not pre-existing (branch, outage) pairs if it is at most
    // `upper` (ties: lowest outage, then lowest branch), and the counting pre-existing
    // overloads appended to `overloads` in outage then branch order. `pf` must be the power
    // flow the factors were built from (float storage re-solves a few columns with it).
    struct Result
    {
        bool found = false;
        OutageLimit limit;
    };
    Result study(const DcPowerFlow &pf, const std::vector<double> &d, double tau, double upper,
                 std::vector<PreexistingOverload> &overloads) const;

private:
    struct Overload // a pair over its limit before any new load (bus-independent)
    {
        int column = 0;
        int position = 0;
        double lodf = 0.0;
        double flowMw = 0.0;
    };
    struct Scan;
    struct BlockBound // over a block of pairs that are not pre-existing overloads
    {
        double margin = std::numeric_limits<double>::infinity(); // least R − |flow|
        double maxLodf = 0.0; // largest |LODF|
    };

    OutageFactors() = default;
    double storedS(int p, int q) const;
    template<typename T>
    void scan(const T *s, Scan &state) const;

    std::vector<int> m_branch; // per position; positions [0, m_columns) are the outages
    int m_columns = 0;
    std::vector<int> m_from, m_to; // bus index per position
    std::vector<int> m_piece; // 2-edge-connected component per position (a bridge: its own)
    std::vector<double> m_alpha; // susceptance per position
    std::vector<double> m_beta; // per column: 1/(1 − PTDF_kk); NaN when numerically split
    std::vector<double> m_columnMax; // per column: bound on |LODF| (rated, not pre-existing)
    std::vector<double> m_flushError; // per column: bound on |LODF| of a factor stored as 0
    std::vector<double> m_rate; // emergency rating per position, 0 = unlimited
    std::vector<double> m_flow; // base flow per position
    double m_maxAbsFlow = 0.0;
    std::vector<double> m_sDouble;
    std::vector<float> m_sFloat;
    std::vector<Overload> m_overloads; // by column, then branch index
    int m_rowBlocks = 0, m_columnBlocks = 0;
    std::vector<BlockBound> m_rowBounds; // per position, per block of 64 columns
    std::vector<BlockBound> m_columnBounds; // per column, per block of 64 positions
    std::vector<int> m_splitting;
};

} // namespace planner
