// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Load headroom at a bus: the extra load ΔP ≥ 0 the grid can serve there, from a DC power flow.
//
// Definition (the one tests check by brute force):
//  - The new load is withdrawn at the bus and balanced by the online generators of the bus's
//    island in proportion to their spare capacity max(Pmax − Pg, 0), with Pg after the base-case
//    DC power flow (the reference bus takes up the mismatch of the case).
//  - N: every in-service branch with a rating keeps |flow| ≤ rateA.
//  - N-1: after any single branch outage that does not split the network (bridges are skipped
//    and listed), every other branch keeps |flow| ≤ its emergency rating (rateB, or rateA where
//    rateB is 0).
//  - Only branches whose distribution factor for this transfer (after the outage, under N-1) is
//    at least τ in magnitude count; rateA = 0 means unlimited.
//  - A branch already over its limit before the new load (in the base case, or under an outage)
//    is a pre-existing overload: listed apart, not counted.
//  - The island's total spare capacity caps the headroom too (binding kind Generation).
//
// HeadroomStudy::build() does the per-case work once (factorization, base flows, outage
// factors); headroomAt() is then the cheap per-bus query that a site drag calls. Const member
// functions are safe from several threads at once; the object is movable, not copyable.

#include "common/expected.h"
#include "planner/core/grid/dcpowerflow.h"
#include "planner/core/grid/gridcase.h"

#include <atomic>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace planner {

struct HeadroomOptions
{
    double tau = 0.05; // distribution-factor threshold, |DF| ≥ tau counts
    bool n1 = true; // also study single branch outages
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
    double flowMw = 0.0; // signed, from → to
    double limitMw = 0.0;
};

struct BusHeadroom
{
    int bus = -1; // index into GridCase::buses
    double headroomNMw = std::numeric_limits<double>::infinity();
    double headroomN1Mw = std::numeric_limits<double>::infinity(); // ≤ headroomNMw; N only: = N
    HeadroomBinding bindingN;
    HeadroomBinding bindingN1;
    std::vector<PreexistingOverload> preexisting; // among the branches that count for this bus
};

class HeadroomStudy
{
public:
    // Progress for the one-off work: called with (done, total); returning false cancels (the
    // result is then an error with ErrorCode::Cancelled).
    using Progress = std::function<bool(int done, int total)>;

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
    // Branch outages skipped under N-1 because they split an island.
    const std::vector<int> &splittingOutages() const;

    // Headroom at one bus (index into GridCase::buses).
    BusHeadroom headroomAt(int busIndex) const;
    // Every bus, on `threads` threads (0: all cores); progress and cancel as in build().
    energize::Expected<std::vector<BusHeadroom>> headroomAll(int threads = 0,
                                                             const Progress &progress = {}) const;

    // "ODESSA 2 0 (bus 1001, 345 kV) – ... " style names for messages and tables.
    std::string describeBus(int busIndex) const;
    std::string describeBranch(int branch) const;

private:
    HeadroomStudy();
    struct Data;
    std::unique_ptr<Data> d;
};

} // namespace planner
