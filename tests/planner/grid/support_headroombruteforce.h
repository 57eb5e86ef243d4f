// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The brute force of the headroom tests: the definition of planner/core/grid/headroom.h
// followed literally, without the study or any LODF — islands by union-find, the reference
// generator's share of the mismatch, spare capacity, and for every non-splitting outage a DC
// power flow rebuilt from the case with that branch out of service — and the comparison of a
// study's BusHeadroom with it.

#include "planner/core/grid/dcpowerflow.h"
#include "planner/core/grid/headroom.h"
#include "support_gridcases.h"

#include <QString>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <vector>

namespace headroomcheck {

using namespace planner;

inline bool near(double a, double b, double tolerance = 1e-9)
{
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}

struct PairLimit
{
    int branch, outage;
    double mw;
    bool borderline; // its counting or its pre-existing status is within rounding of the edge
};

struct Reference
{
    bool servable = false;
    double spare = 0.0;
    std::vector<PairLimit> limitsN, limitsN1;
    std::set<std::pair<int, int>> overloadsSure, overloadsMaybe; // (branch, outage)
};

// Everything the definition needs, recomputed without the study: islands by union-find, the
// reference generator's share of the mismatch, spare capacity, and for every non-splitting
// outage a DC power flow rebuilt from the case with that branch out of service. The response
// to the new load comes either from a second rebuilt power flow with the load and the extra
// generation in the case (Response::Rebuild), or from one more solve on the rebuilt power flow
// (Response::Solve: linearity, no refactorization; for the 2,000-bus case).
class BruteForce
{
public:
    enum class Response { Rebuild, Solve };

    BruteForce(const GridCase &g, double tau) : m_grid(g), m_tau(tau), m_base(solve(g))
    {
        const int nBus = int(g.buses.size());
        m_island.resize(nBus);
        std::iota(m_island.begin(), m_island.end(), 0);
        for (int k = 0; k < int(g.branches.size()); ++k) {
            if (active(k))
                m_island[root(index(g.branches[k].from))] = root(index(g.branches[k].to));
        }
        // Pg after the power flow: the first online generator at each island's reference bus
        // takes the island's mismatch (loads + shunts - Pg).
        std::map<int, double> mismatch;
        for (int i = 0; i < nBus; ++i) {
            if (g.buses[i].type != BusType::Isolated)
                mismatch[root(i)] += g.buses[i].pdMw + g.buses[i].gsMw;
        }
        for (const GridGen &gn : g.gens) {
            if (online(gn))
                mismatch[root(index(gn.bus))] -= gn.pgMw;
        }
        std::set<int> settled;
        m_pg.assign(g.gens.size(), 0.0);
        for (std::size_t j = 0; j < g.gens.size(); ++j) {
            const GridGen &gn = g.gens[j];
            if (!online(gn))
                continue;
            const int i = index(gn.bus), r = root(i);
            m_pg[j] = gn.pgMw;
            if (m_base.referenceOf(i) == i && settled.insert(r).second)
                m_pg[j] += mismatch[r];
            m_spare[r] += std::max(gn.pmaxMw - m_pg[j], 0.0);
        }
        for (int k = 0; k < int(g.branches.size()); ++k) {
            if (!active(k))
                continue;
            if (gridfixtures::splitsWithout(g, k))
                m_splitting.push_back(k);
            else
                m_outages.push_back(k);
        }
    }

    const std::vector<int> &splitting() const { return m_splitting; }

    std::vector<Reference> at(const std::vector<int> &buses, bool n1, Response how) const
    {
        const GridCase &g = m_grid;
        std::vector<Reference> refs(buses.size());
        std::vector<GridCase> plus(buses.size());
        std::vector<std::vector<double>> injection(buses.size());
        for (std::size_t i = 0; i < buses.size(); ++i) {
            const int b = buses[i];
            Reference &ref = refs[i];
            if (g.buses[b].type == BusType::Isolated)
                continue;
            const auto spare = m_spare.find(root(b));
            ref.spare = spare == m_spare.end() ? 0.0 : spare->second;
            ref.servable = ref.spare > 0.0;
            if (!ref.servable)
                continue;
            // kStep MW more load at the bus; each online generator of its island
            // kStep·spare/total more output.
            plus[i] = g;
            plus[i].buses[b].pdMw += kStep;
            injection[i].assign(g.buses.size(), 0.0);
            injection[i][b] -= kStep;
            for (std::size_t j = 0; j < g.gens.size(); ++j) {
                const GridGen &gn = g.gens[j];
                if (online(gn) && root(index(gn.bus)) == root(b)) {
                    const double more = kStep * std::max(gn.pmaxMw - m_pg[j], 0.0) / ref.spare;
                    plus[i].gens[j].pgMw += more;
                    injection[i][index(gn.bus)] += more;
                }
            }
        }
        auto study = [&](const GridCase &out, int outage) {
            const DcPowerFlow pf = solve(out);
            const std::vector<double> &before = pf.branchFlowsMw();
            for (std::size_t i = 0; i < buses.size(); ++i) {
                if (!refs[i].servable)
                    continue;
                std::vector<double> change;
                if (how == Response::Solve) {
                    change = pf.injectionFlows(injection[i]);
                } else {
                    if (outage >= 0)
                        plus[i].branches[outage].inService = false;
                    change = solve(plus[i]).branchFlowsMw();
                    if (outage >= 0)
                        plus[i].branches[outage].inService = true;
                    for (std::size_t l = 0; l < change.size(); ++l)
                        change[l] -= before[l];
                }
                collect(before, change, outage, refs[i]);
            }
        };
        study(g, -1);
        if (!n1)
            return refs;
        GridCase out = g;
        for (int k : m_outages) {
            out.branches[k].inService = false;
            study(out, k);
            out.branches[k].inService = true;
        }
        return refs;
    }

private:
    static constexpr double kStep = 100.0;

    static DcPowerFlow solve(const GridCase &g)
    {
        auto pf = DcPowerFlow::build(g);
        if (!pf.ok())
            qFatal("DC power flow failed: %s", pf.error().message.c_str());
        return std::move(pf).value();
    }

    int index(int id) const { return m_base.busIndex(id); }
    int root(int i) const
    {
        while (m_island[i] != i)
            i = m_island[i];
        return i;
    }
    bool online(const GridGen &gn) const
    {
        return gn.inService && m_grid.buses[index(gn.bus)].type != BusType::Isolated;
    }
    bool active(int k) const
    {
        const GridBranch &br = m_grid.branches[k];
        const int f = index(br.from), t = index(br.to);
        return br.inService && f != t && m_grid.buses[f].type != BusType::Isolated
                && m_grid.buses[t].type != BusType::Isolated;
    }

    // Every pair of this outage (-1: the base case): the base flow, the flow change for kStep
    // MW of new load, then the limit.
    void collect(const std::vector<double> &before, const std::vector<double> &change, int outage,
                 Reference &ref) const
    {
        for (int l = 0; l < int(m_grid.branches.size()); ++l) {
            if (l == outage || !active(l))
                continue;
            const GridBranch &br = m_grid.branches[l];
            const double rate = outage < 0 ? br.rateAMva
                    : br.rateBMva > 0      ? br.rateBMva
                                           : br.rateAMva;
            if (!(rate > 0.0))
                continue;
            const double df = change[l] / kStep, f = before[l];
            const double a = std::abs(df);
            const bool countsMaybe = a >= m_tau - 1e-9;
            const bool countsSure = a >= m_tau + 1e-9;
            if (!countsMaybe)
                continue;
            const bool overMaybe = std::abs(f) > rate - 1e-6, overSure = std::abs(f) > rate + 1e-6;
            if (overMaybe)
                ref.overloadsMaybe.insert({l, outage});
            if (overSure && countsSure)
                ref.overloadsSure.insert({l, outage});
            if (overSure)
                continue;
            const double mw = std::max(0.0, rate - (df > 0 ? f : -f)) / a;
            auto &limits = outage < 0 ? ref.limitsN : ref.limitsN1;
            limits.push_back({l, outage, mw, !countsSure || overMaybe});
        }
    }

    const GridCase &m_grid;
    double m_tau;
    DcPowerFlow m_base;
    std::vector<int> m_island;
    std::vector<double> m_pg;
    std::map<int, double> m_spare; // per island root
    std::vector<int> m_splitting, m_outages;
};

// The study's figure against the brute force: between the minimum over the pairs that surely
// count and the minimum over those that may (rounding at the edges), the binding pair one of the
// brute force's with the same limit, the pre-existing overloads between the sure and the
// possible ones.
inline QString compare(const BusHeadroom &h, const Reference &ref, bool n1)
{
    const double tolerance = 1e-6;
    if (!ref.servable) {
        return h.headroomNMw == 0.0 && h.bindingN.limit == HeadroomLimit::NotServable
                ? QString()
                : QStringLiteral("bus %1 should be not servable").arg(h.bus);
    }
    auto check = [&](double mw, const HeadroomBinding &binding, bool withOutages) -> QString {
        double sure = ref.spare, maybe = ref.spare;
        auto take = [&](const std::vector<PairLimit> &limits) {
            for (const PairLimit &limit : limits) {
                maybe = std::min(maybe, limit.mw);
                if (!limit.borderline)
                    sure = std::min(sure, limit.mw);
            }
        };
        take(ref.limitsN);
        if (withOutages)
            take(ref.limitsN1);
        const double slack = tolerance * std::max(1.0, sure);
        if (mw < maybe - slack || mw > sure + slack)
            return QStringLiteral("bus %1: %2 MW, brute force %3 (down to %4 at the edges)")
                    .arg(h.bus)
                    .arg(mw, 0, 'g', 12)
                    .arg(sure, 0, 'g', 12)
                    .arg(maybe, 0, 'g', 12);
        if (binding.limit == HeadroomLimit::Generation)
            return near(mw, ref.spare, 1e-12) ? QString()
                                              : QStringLiteral("bus %1: generation binds at %2, "
                                                               "spare is %3")
                                                        .arg(h.bus)
                                                        .arg(mw)
                                                        .arg(ref.spare);
        if (binding.limit != HeadroomLimit::Branch)
            return QStringLiteral("bus %1: unexpected binding kind").arg(h.bus);
        const auto &limits = binding.outage < 0 ? ref.limitsN : ref.limitsN1;
        const auto it = std::find_if(limits.begin(), limits.end(), [&](const PairLimit &p) {
            return p.branch == binding.branch && p.outage == binding.outage;
        });
        if (it == limits.end() || !near(it->mw, mw, tolerance))
            return QStringLiteral("bus %1: binding branch %2 outage %3 is not a brute-force "
                                  "limit of %4 MW")
                    .arg(h.bus)
                    .arg(binding.branch)
                    .arg(binding.outage)
                    .arg(mw);
        return {};
    };
    QString problem = check(h.headroomNMw, h.bindingN, false);
    if (problem.isEmpty() && n1)
        problem = check(h.headroomN1Mw, h.bindingN1, true);
    if (!problem.isEmpty())
        return problem;
    std::set<std::pair<int, int>> listed;
    for (const PreexistingOverload &o : h.preexisting) {
        if (n1 || o.outage < 0)
            listed.insert({o.branch, o.outage});
    }
    for (const auto &p : ref.overloadsSure) {
        if (!listed.count(p))
            return QStringLiteral("bus %1: overload of branch %2 under outage %3 not listed")
                    .arg(h.bus)
                    .arg(p.first)
                    .arg(p.second);
    }
    for (const auto &p : listed) {
        if (!ref.overloadsMaybe.count(p))
            return QStringLiteral("bus %1: branch %2 under outage %3 listed as overloaded")
                    .arg(h.bus)
                    .arg(p.first)
                    .arg(p.second);
    }
    return {};
}

} // namespace headroomcheck
