// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/grid/dcpowerflow.h"

#include <cmath>
#include <numeric>
#include <string>

namespace planner {
namespace {

using energize::Error;
using energize::Expected;

constexpr double kPi = 3.14159265358979323846;

int findRoot(std::vector<int> &parent, int i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

std::string describeBus(const GridBus &b)
{
    return "bus " + std::to_string(b.id) + (b.name.empty() ? "" : " (" + b.name + ")");
}

} // namespace

DcPowerFlow::DcPowerFlow() = default;
DcPowerFlow::DcPowerFlow(DcPowerFlow &&) noexcept = default;
DcPowerFlow &DcPowerFlow::operator=(DcPowerFlow &&) noexcept = default;
DcPowerFlow::~DcPowerFlow() = default;

Expected<DcPowerFlow> DcPowerFlow::build(const GridCase &grid)
{
    DcPowerFlow pf;
    const int nBus = static_cast<int>(grid.buses.size());
    const int nBranch = static_cast<int>(grid.branches.size());
    pf.m_baseMva = grid.baseMva;
    for (int i = 0; i < nBus; ++i)
        pf.m_index.emplace(grid.buses[i].id, i);
    auto indexOf = [&](int id) {
        const auto it = pf.m_index.find(id);
        return it == pf.m_index.end() ? -1 : it->second;
    };
    auto isolated = [&](int i) {
        return grid.buses[i].type == BusType::Isolated;
    };
    auto where = [&](int line) {
        return grid.sourceName + (line > 0 ? " line " + std::to_string(line) : "") + ": ";
    };

    pf.m_branchFrom.assign(nBranch, -1);
    pf.m_branchTo.assign(nBranch, -1);
    pf.m_branchB.assign(nBranch, 0.0);
    pf.m_shiftRad.assign(nBranch, 0.0);
    std::vector<int> parent(nBus);
    std::iota(parent.begin(), parent.end(), 0);
    for (int k = 0; k < nBranch; ++k) {
        const GridBranch &br = grid.branches[k];
        const int f = indexOf(br.from), t = indexOf(br.to);
        if (f < 0 || t < 0)
            return Error{where(br.line) + "branch " + std::to_string(br.from) + "-"
                         + std::to_string(br.to) + " refers to a bus that is not in the case"};
        pf.m_branchFrom[k] = f;
        pf.m_branchTo[k] = t;
        // A branch touching an isolated bus carries nothing, as if it were out of service.
        if (!br.inService || isolated(f) || isolated(t) || f == t)
            continue;
        const double tap = br.ratio == 0.0 ? 1.0 : br.ratio;
        if (br.x == 0.0 || !std::isfinite(1.0 / (br.x * tap)))
            return Error{where(br.line) + "branch " + std::to_string(br.from) + "-"
                         + std::to_string(br.to)
                         + " has zero reactance (x); the DC power flow needs x ≠ 0"};
        pf.m_branchB[k] = 1.0 / (br.x * tap);
        pf.m_shiftRad[k] = br.angleDeg * kPi / 180.0;
        parent[findRoot(parent, f)] = findRoot(parent, t);
    }

    // Generation and load per island decide its reference bus.
    std::vector<double> genPmax(nBus, 0.0), injection(nBus, 0.0);
    std::vector<bool> hasGen(nBus, false);
    for (const GridGen &g : grid.gens) {
        const int i = indexOf(g.bus);
        if (i < 0 || !g.inService || isolated(i))
            continue;
        genPmax[i] += g.pmaxMw;
        hasGen[i] = true;
        injection[i] += g.pgMw / grid.baseMva;
    }
    for (int i = 0; i < nBus; ++i)
        injection[i] -= (grid.buses[i].pdMw + grid.buses[i].gsMw) / grid.baseMva;

    std::vector<int> islandRef(nBus, -1); // root -> reference bus
    std::vector<bool> islandGen(nBus, false), islandLoad(nBus, false);
    for (int i = 0; i < nBus; ++i) {
        if (isolated(i))
            continue;
        const int r = findRoot(parent, i);
        islandGen[r] = islandGen[r] || hasGen[i];
        islandLoad[r] = islandLoad[r] || injection[i] != 0.0;
        if (grid.buses[i].type == BusType::Reference) {
            if (islandRef[r] < 0 || grid.buses[islandRef[r]].type != BusType::Reference)
                islandRef[r] = i;
        } else if (hasGen[i]
                   && (islandRef[r] < 0
                       || (grid.buses[islandRef[r]].type != BusType::Reference
                           && (!hasGen[islandRef[r]] || genPmax[i] > genPmax[islandRef[r]])))) {
            islandRef[r] = i;
        } else if (islandRef[r] < 0) {
            islandRef[r] = i;
        }
    }
    for (int i = 0; i < nBus; ++i) {
        if (isolated(i))
            continue;
        const int r = findRoot(parent, i);
        if (!islandGen[r] && islandLoad[r] && grid.buses[islandRef[r]].type != BusType::Reference)
            return Error{where(grid.buses[i].line) + describeBus(grid.buses[i])
                         + " is in an island with load but no online generator: connect it, "
                           "add a generator or mark its buses isolated (type 4)"};
    }

    pf.m_reference.assign(nBus, -1);
    pf.m_reduced.assign(nBus, -1);
    int n = 0;
    for (int i = 0; i < nBus; ++i) {
        if (isolated(i))
            continue;
        pf.m_reference[i] = islandRef[findRoot(parent, i)];
        if (pf.m_reference[i] != i)
            pf.m_reduced[i] = n++;
    }

    std::vector<Eigen::Triplet<double>> entries;
    entries.reserve(4 * nBranch);
    for (int k = 0; k < nBranch; ++k) {
        const double b = pf.m_branchB[k];
        if (b == 0.0)
            continue;
        const int f = pf.m_reduced[pf.m_branchFrom[k]], t = pf.m_reduced[pf.m_branchTo[k]];
        if (f >= 0)
            entries.emplace_back(f, f, b);
        if (t >= 0)
            entries.emplace_back(t, t, b);
        if (f >= 0 && t >= 0) {
            entries.emplace_back(f, t, -b);
            entries.emplace_back(t, f, -b);
        }
        // Shift injections -b·shift at from, +b·shift at to, moved to the right-hand side.
        injection[pf.m_branchFrom[k]] += b * pf.m_shiftRad[k];
        injection[pf.m_branchTo[k]] -= b * pf.m_shiftRad[k];
    }
    Eigen::SparseMatrix<double> bprime(n, n);
    bprime.setFromTriplets(entries.begin(), entries.end());
    pf.m_solver = std::make_unique<Solver>();
    if (n > 0) {
        pf.m_solver->compute(bprime);
        if (pf.m_solver->info() != Eigen::Success)
            return Error{grid.sourceName
                         + ": the DC power flow matrix cannot be factorized (reactances that "
                           "cancel out?)"};
    }

    pf.m_angles = pf.solveAngles(injection);
    pf.m_flows.assign(nBranch, 0.0);
    for (int k = 0; k < nBranch; ++k) {
        if (pf.m_branchB[k] == 0.0)
            continue;
        pf.m_flows[k] = pf.m_branchB[k]
                * (pf.m_angles[pf.m_branchFrom[k]] - pf.m_angles[pf.m_branchTo[k]]
                   - pf.m_shiftRad[k])
                * grid.baseMva;
    }
    return pf;
}

std::vector<double> DcPowerFlow::solveAngles(const std::vector<double> &injectionPu) const
{
    const int nBus = static_cast<int>(m_reduced.size());
    std::vector<double> angles(nBus, 0.0);
    const Eigen::Index n = m_solver->rows();
    if (n == 0)
        return angles;
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(n);
    for (int i = 0; i < nBus; ++i) {
        if (m_reduced[i] >= 0)
            rhs[m_reduced[i]] = injectionPu[i];
    }
    const Eigen::VectorXd theta = m_solver->solve(rhs);
    for (int i = 0; i < nBus; ++i) {
        if (m_reduced[i] >= 0)
            angles[i] = theta[m_reduced[i]];
    }
    return angles;
}

int DcPowerFlow::busIndex(int busId) const
{
    const auto it = m_index.find(busId);
    return it == m_index.end() ? -1 : it->second;
}

int DcPowerFlow::referenceOf(int busIndex) const
{
    return m_reference[busIndex];
}

std::vector<double> DcPowerFlow::transferColumn(int fromBus, int toBus) const
{
    std::vector<double> injection(m_reduced.size(), 0.0);
    injection[fromBus] += 1.0;
    injection[toBus] -= 1.0;
    const std::vector<double> angles = solveAngles(injection);
    std::vector<double> flows(m_branchB.size(), 0.0);
    for (std::size_t k = 0; k < flows.size(); ++k)
        flows[k] = m_branchB[k] * (angles[m_branchFrom[k]] - angles[m_branchTo[k]]);
    return flows;
}

std::vector<double> DcPowerFlow::injectionFlows(const std::vector<double> &injection) const
{
    const std::vector<double> angles = solveAngles(injection);
    std::vector<double> flows(m_branchB.size(), 0.0);
    for (std::size_t k = 0; k < flows.size(); ++k)
        flows[k] = m_branchB[k] * (angles[m_branchFrom[k]] - angles[m_branchTo[k]]);
    return flows;
}

std::vector<double> DcPowerFlow::ptdfColumn(int busIndex) const
{
    const int ref = m_reference[busIndex];
    if (ref < 0 || ref == busIndex)
        return std::vector<double>(m_branchB.size(), 0.0);
    return transferColumn(busIndex, ref);
}

LineOutageFactors DcPowerFlow::lineOutage(int branch) const
{
    LineOutageFactors out;
    out.branch = branch;
    if (m_branchB[branch] == 0.0) { // already out: taking it out changes nothing
        out.factors.assign(m_branchB.size(), 0.0);
        return out;
    }
    std::vector<double> t = transferColumn(m_branchFrom[branch], m_branchTo[branch]);
    const double denominator = 1.0 - t[branch];
    // A bridge carries all of a transfer between its ends: PTDF_kk = 1 up to rounding.
    if (std::abs(denominator) < 1e-9) {
        out.bridge = true;
        return out;
    }
    for (double &v : t)
        v /= denominator;
    t[branch] = -1.0;
    out.factors = std::move(t);
    return out;
}

} // namespace planner
