// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// DC power flow on a GridCase, with MATPOWER's conventions: branch susceptance 1/(x·tap), tap 1
// when ratio is 0; a phase shift enters as injections -b·shift at the from bus and +b·shift at
// the to bus; out-of-service branches and isolated (type 4) buses are left out; one reference
// bus per island (its type-3 bus, else the bus with the most online Pmax) takes the mismatch.
//
// build() factorizes the reduced B' matrix once; the object keeps the factorization so that
// PTDF columns and LODFs cost one solve each. The object owns copies of everything it needs (no
// reference to the GridCase is kept). Const member functions may be called from several
// threads at once; the object is movable, not copyable.

#include "common/expected.h"
#include "planner/core/grid/gridcase.h"

#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace planner {

// The effect of taking one branch out: post-outage flow on branch l = flow_l + factors[l] ·
// flow_k. A bridge (an outage that splits an island) has no factors.
struct LineOutageFactors
{
    int branch = -1;
    bool bridge = false;
    std::vector<double> factors; // per branch index; -1 at the outaged branch itself
};

class DcPowerFlow
{
public:
    static energize::Expected<DcPowerFlow> build(const GridCase &grid);

    DcPowerFlow(DcPowerFlow &&) noexcept;
    DcPowerFlow &operator=(DcPowerFlow &&) noexcept;
    ~DcPowerFlow();

    // Index of a bus id in GridCase::buses, or -1.
    int busIndex(int busId) const;
    // Voltage angle per bus (radians; 0 for isolated buses and reference buses).
    const std::vector<double> &anglesRad() const { return m_angles; }
    // Real power flow per branch from its from-bus towards its to-bus (MW; 0 when out).
    const std::vector<double> &branchFlowsMw() const { return m_flows; }
    // The reference bus index of the island a bus is in, or -1 for an isolated bus.
    int referenceOf(int busIndex) const;
    bool branchActive(int branch) const { return m_branchB[branch] != 0.0; }
    // Series susceptance 1/(x·tap) in p.u., 0 for a branch left out.
    double branchSusceptance(int branch) const { return m_branchB[branch]; }

    // Flows (MW per branch) caused by 1 MW injected at `busIndex` and withdrawn at its island's
    // reference bus: one column of the PTDF matrix. Zero for a reference or isolated bus.
    std::vector<double> ptdfColumn(int busIndex) const;
    // Flows caused by 1 MW injected at `fromBus` and withdrawn at `toBus` (same island).
    std::vector<double> transferColumn(int fromBus, int toBus) const;
    // Flows caused by the injections given per bus index (any unit; the flows come in the same
    // unit), each island's reference bus taking up its island's balance; phase shifts left out.
    // The sum of injection[i] · ptdfColumn(i) over the buses, for the price of one solve.
    std::vector<double> injectionFlows(const std::vector<double> &injection) const;
    // Line outage distribution factors for taking branch `branch` out of service.
    LineOutageFactors lineOutage(int branch) const;

private:
    DcPowerFlow();
    // Angles for the given injections (p.u. per bus); reference and isolated buses get 0.
    std::vector<double> solveAngles(const std::vector<double> &injectionPu) const;

    using Solver = Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>>;
    std::unique_ptr<Solver> m_solver;
    std::vector<int> m_reduced; // bus index -> unknown index, -1 for reference / isolated
    std::vector<int> m_reference; // bus index -> island reference bus index, -1 if isolated
    std::vector<int> m_branchFrom, m_branchTo; // bus indices
    std::vector<double> m_branchB; // susceptance, 0 for out of service
    std::vector<double> m_shiftRad;
    std::unordered_map<int, int> m_index; // bus id -> bus index
    std::vector<double> m_angles;
    std::vector<double> m_flows;
    double m_baseMva = 100.0;
};

} // namespace planner
