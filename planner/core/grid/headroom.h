// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Load headroom at a bus: the extra load ΔP ≥ 0 the grid can serve there, from a DC power flow.
//
// Definition (the one tests check by brute force):
//  - The base case is the DC power flow of the case (DcPowerFlow). Its generator outputs are
//    the case's Pg, except that the first online generator at each island's reference bus also
//    takes up the island's mismatch (loads + shunts − Pg), as MATPOWER's rundcpf reports it.
//  - The new load is withdrawn at the bus and balanced by the online generators of the bus's
//    island in proportion to their spare capacity max(Pmax − Pg, 0). Per MW of new load the
//    branch flows change by d = Σ_g w_g·ptdf(bus of g) − ptdf(bus), w_g = spare_g / Σ spare:
//    d is the bus's distribution factor (DF) on each branch.
//  - N: every in-service branch with a rating keeps |flow| ≤ rateA (rateA = 0: unlimited).
//  - N-1: after any single outage of an in-service branch that does not split the network
//    (splitting outages, i.e. bridges, are skipped and listed in splittingOutages()), every
//    other branch keeps |flow| ≤ its emergency rating: rateB, or rateA where rateB is 0; 0 and
//    0 is unlimited. With LODF L: post-outage DF d_l + L_lk·d_k, post-outage base flow
//    f_l + L_lk·f_k. The N-1 figure also keeps the N constraints, so it is ≤ the N figure.
//  - A (branch, outage) pair counts only if its DF (post-outage DF under N-1) is at least τ in
//    magnitude and not zero. A counting pair limits ΔP to (R − s·f)/|DF|, s = sign(DF), f its
//    base (post-outage) flow and R its rating.
//  - A counting pair already over its rating before the new load (|f| > R) is a pre-existing
//    overload: listed in BusHeadroom::preexisting, not counted.
//  - The island's total spare capacity caps the headroom too (binding kind Generation; a branch
//    limit equal to it wins). An isolated bus, or one whose island has no spare capacity, is
//    NotServable with headroom 0 (and no overloads listed).
//  - Branches in different 2-edge-connected pieces of the network (the pieces that bridges
//    join) do not see each other's outages: their LODF is taken as exactly 0.
//  - On equal limits the binding pair is the one with the lowest outage (the base case first),
//    then the lowest branch index.
//
// HeadroomStudy::build() does the per-case work once (factorization, base flows and, with N-1,
// the outage factors of every outage on every rated branch, on all cores); headroomAt() is then
// the cheap per-bus query that a site drag calls (one solve for the bus's PTDF, then a scan of
// the (branch, outage) pairs that exact bounds cannot rule out; see outagefactors.h). The
// factors are kept in double precision when they fit in 512 MB (ACTIVSg2000: 78 MB), else in
// single precision (ACTIVSg10k: 419 MB) with every pair the rounding could decide re-checked in
// double, so that both give the answer of a full double-precision scan of every pair. Const
// member functions are safe from several threads at once; build() calls progress on the calling
// thread only. The object owns copies of what it needs (no reference to the GridCase is kept);
// movable, not copyable.

#include "common/expected.h"
#include "planner/core/grid/dcpowerflow.h"
#include "planner/core/grid/gridcase.h"

#include <cstddef>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace planner {

// How build() keeps the N-1 outage factors (the answers are the same; memory and speed differ).
enum class LodfStorage {
    Automatic, // double when the matrix takes at most 512 MB, else float
    Double,
    Float, // half the memory; pairs the rounding could decide are re-checked in double
};

struct HeadroomOptions
{
    double tau = 0.05; // distribution-factor threshold, |DF| ≥ tau counts; 0 ≤ tau ≤ 1
    bool n1 = true; // also study single branch outages
    int threads = 0; // for build()'s outage factors; 0: all cores
    LodfStorage storage = LodfStorage::Automatic;
};

// What limits a headroom figure.
enum class HeadroomLimit {
    None, // nothing limits it (headroomMw is +infinity)
    Branch, // a branch reaches its rating
    Generation, // the island's spare generation runs out
    NotServable, // the bus is isolated or its island has no spare generation (headroom 0)
};

struct HeadroomBinding
{
    HeadroomLimit limit = HeadroomLimit::None;
    int branch = -1; // index into GridCase::branches of the branch at its rating
    int outage = -1; // index of the outaged branch (N-1), -1 for the base case
};

// One pre-existing overload: a branch over its limit before any new load.
struct PreexistingOverload
{
    int branch = -1;
    int outage = -1; // -1 in the base case
    double flowMw = 0.0; // signed, from → to (after the outage, if any)
    double limitMw = 0.0;
};

struct BusHeadroom
{
    int bus = -1; // index into GridCase::buses
    double headroomNMw = std::numeric_limits<double>::infinity();
    double headroomN1Mw = std::numeric_limits<double>::infinity(); // ≤ headroomNMw; N only: = N
    HeadroomBinding bindingN;
    HeadroomBinding bindingN1; // N only: = bindingN
    // Among the pairs that count for this bus: the base case first, then by outage and branch.
    std::vector<PreexistingOverload> preexisting;
};

class HeadroomStudy
{
public:
    // Progress for the one-off work: called with (done, total); returning false cancels (the
    // result is then an error with ErrorCode::Cancelled).
    using Progress = std::function<bool(int done, int total)>;

    // Errors: a tau outside [0, 1], a case the DC power flow refuses (with its message).
    static energize::Expected<HeadroomStudy>
    build(const GridCase &grid, const HeadroomOptions &options = {}, const Progress &progress = {});

    HeadroomStudy(HeadroomStudy &&) noexcept;
    HeadroomStudy &operator=(HeadroomStudy &&) noexcept;
    ~HeadroomStudy();

    const GridCase &grid() const;
    const HeadroomOptions &options() const;
    const DcPowerFlow &powerFlow() const;
    // Generator output after the base-case power flow (the reference buses take the mismatch).
    const std::vector<double> &generationMw() const;
    // Branch outages skipped under N-1 because they split an island, in branch order (empty
    // without N-1).
    const std::vector<int> &splittingOutages() const;
    // Spare capacity Σ max(Pmax − Pg, 0) of the island a bus is in; 0 for an isolated bus.
    double islandSpareMw(int busIndex) const;
    // Bytes held by the N-1 outage factors, and whether they are kept in single precision.
    std::size_t lodfBytes() const;
    bool lodfInFloat() const;

    // Headroom at one bus (index into GridCase::buses; a bad index gives NotServable, bus -1).
    BusHeadroom headroomAt(int busIndex) const;
    // Every bus, on `threads` threads (0: all cores); progress and cancel as in build().
    energize::Expected<std::vector<BusHeadroom>> headroomAll(int threads = 0,
                                                             const Progress &progress = {}) const;

    // "ODESSA 2 0 (bus 1001, 115 kV)"; a branch: "<from bus> – <to bus>", with ", circuit n"
    // (in case order) when several branches join the same two buses.
    std::string describeBus(int busIndex) const;
    std::string describeBranch(int branch) const;

private:
    HeadroomStudy();
    struct Data;
    std::unique_ptr<Data> d;
};

} // namespace planner
