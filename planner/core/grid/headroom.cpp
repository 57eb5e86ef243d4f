// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/grid/headroom.h"

#include "planner/core/common/parallelfor.h"
#include "planner/core/grid/outagefactors.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <utility>

namespace planner {
namespace {

using energize::Error;
using energize::ErrorCode;
using energize::Expected;

constexpr double kInf = std::numeric_limits<double>::infinity();

// The smallest limit found so far; ties go to the lowest outage (base case -1 first), then
// the lowest branch.
struct Best
{
    double mw = kInf;
    int outage = -1;
    int branch = -1;

    void offer(double v, int k, int l)
    {
        if (branch < 0 || v < mw || (v == mw && (k < outage || (k == outage && l < branch))))
            *this = {v, k, l};
    }
};

bool counts(double df, double tau)
{
    return std::abs(df) >= tau && df != 0.0;
}

std::string kvText(double kv)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", kv);
    return buf;
}

} // namespace

struct HeadroomStudy::Data
{
    GridCase grid;
    HeadroomOptions options;
    std::optional<DcPowerFlow> pf;
    std::vector<double> generation; // per gen
    std::vector<double> flow, rateN; // per branch; rate 0 = unlimited
    std::vector<int> branchIsland; // reference bus index of an active branch's island, else -1
    std::vector<double> spareAtReference; // per bus index, set at each island's reference bus
    std::vector<double> dGeneration; // flows per MW of the spare-weighted generation response
    std::vector<int> circuit; // 1, 2, ... among parallel branches; 0 when alone
    std::optional<OutageFactors> outages; // with N-1
    std::vector<int> noSplitting;
};

HeadroomStudy::HeadroomStudy() : d(std::make_unique<Data>())
{}
HeadroomStudy::HeadroomStudy(HeadroomStudy &&) noexcept = default;
HeadroomStudy &HeadroomStudy::operator=(HeadroomStudy &&) noexcept = default;
HeadroomStudy::~HeadroomStudy() = default;

Expected<HeadroomStudy> HeadroomStudy::build(const GridCase &grid, const HeadroomOptions &options,
                                             const Progress &progress)
{
    if (!(options.tau >= 0.0 && options.tau <= 1.0))
        return Error{"the distribution-factor threshold tau must be between 0 and 1 (it is "
                     + std::to_string(options.tau) + "); 0.05 is usual"};
    auto pf = DcPowerFlow::build(grid);
    if (!pf)
        return pf.error();
    HeadroomStudy study;
    Data &s = *study.d;
    s.grid = grid;
    s.options = options;
    s.pf.emplace(std::move(pf).value());
    const DcPowerFlow &flow = *s.pf;
    const int nBus = int(grid.buses.size()), nBranch = int(grid.branches.size());

    s.flow = flow.branchFlowsMw();
    s.rateN.assign(nBranch, 0.0);
    s.branchIsland.assign(nBranch, -1);
    std::vector<int> from(nBranch), to(nBranch);
    std::map<std::pair<int, int>, int> circuits;
    for (int k = 0; k < nBranch; ++k) {
        const GridBranch &br = grid.branches[k];
        from[k] = flow.busIndex(br.from);
        to[k] = flow.busIndex(br.to);
        ++circuits[std::minmax(from[k], to[k])];
        if (!flow.branchActive(k))
            continue;
        s.branchIsland[k] = flow.referenceOf(from[k]);
        s.rateN[k] = std::max(br.rateAMva, 0.0);
    }
    s.circuit.assign(nBranch, 0);
    std::map<std::pair<int, int>, int> seen;
    for (int k = 0; k < nBranch; ++k) {
        const auto key = std::minmax(from[k], to[k]);
        if (circuits[key] > 1)
            s.circuit[k] = ++seen[key];
    }

    // Generation after the power flow, spare capacity per island, and the response to 1 MW.
    std::vector<double> mismatch(nBus, 0.0), spare(grid.gens.size(), 0.0);
    s.generation.assign(grid.gens.size(), 0.0);
    s.spareAtReference.assign(nBus, 0.0);
    for (int i = 0; i < nBus; ++i) {
        if (flow.referenceOf(i) >= 0)
            mismatch[flow.referenceOf(i)] += grid.buses[i].pdMw + grid.buses[i].gsMw;
    }
    auto genReference = [&](const GridGen &g) {
        const int i = flow.busIndex(g.bus);
        return i < 0 || !g.inService ? -1 : flow.referenceOf(i);
    };
    for (std::size_t g = 0; g < grid.gens.size(); ++g) {
        const int ref = genReference(grid.gens[g]);
        if (ref >= 0) {
            s.generation[g] = grid.gens[g].pgMw;
            mismatch[ref] -= grid.gens[g].pgMw;
        }
    }
    std::vector<bool> settled(nBus, false);
    for (std::size_t g = 0; g < grid.gens.size(); ++g) {
        const int ref = genReference(grid.gens[g]);
        if (ref >= 0 && flow.busIndex(grid.gens[g].bus) == ref && !settled[ref]) {
            s.generation[g] += mismatch[ref];
            settled[ref] = true;
        }
    }
    for (std::size_t g = 0; g < grid.gens.size(); ++g) {
        const int ref = genReference(grid.gens[g]);
        if (ref >= 0) {
            spare[g] = std::max(grid.gens[g].pmaxMw - s.generation[g], 0.0);
            s.spareAtReference[ref] += spare[g];
        }
    }
    std::vector<double> injection(nBus, 0.0);
    for (std::size_t g = 0; g < grid.gens.size(); ++g) {
        const int ref = genReference(grid.gens[g]);
        if (ref >= 0 && spare[g] > 0.0)
            injection[flow.busIndex(grid.gens[g].bus)] += spare[g] / s.spareAtReference[ref];
    }
    s.dGeneration = flow.injectionFlows(injection);

    if (!options.n1)
        return study;

    OutageFactors::Inputs in;
    in.powerFlow = &flow;
    in.buses = nBus;
    in.from = std::move(from);
    in.to = std::move(to);
    in.flowMw = s.flow;
    in.emergencyMw.assign(nBranch, 0.0);
    for (int k = 0; k < nBranch; ++k) {
        const GridBranch &br = grid.branches[k];
        if (flow.branchActive(k))
            in.emergencyMw[k] = br.rateBMva > 0.0 ? br.rateBMva : s.rateN[k];
    }
    in.threads = options.threads;
    in.storage = options.storage;
    auto outages = OutageFactors::build(in, progress);
    if (!outages)
        return Error{grid.sourceName + ": " + outages.error().message, outages.error().code};
    s.outages.emplace(std::move(outages).value());
    return study;
}

const GridCase &HeadroomStudy::grid() const
{
    return d->grid;
}

const HeadroomOptions &HeadroomStudy::options() const
{
    return d->options;
}

const DcPowerFlow &HeadroomStudy::powerFlow() const
{
    return *d->pf;
}

const std::vector<double> &HeadroomStudy::generationMw() const
{
    return d->generation;
}

const std::vector<int> &HeadroomStudy::splittingOutages() const
{
    return d->outages ? d->outages->splitting() : d->noSplitting;
}

double HeadroomStudy::islandSpareMw(int busIndex) const
{
    const int ref = d->pf->referenceOf(busIndex);
    return ref < 0 ? 0.0 : d->spareAtReference[ref];
}

std::size_t HeadroomStudy::lodfBytes() const
{
    return d->outages ? d->outages->bytes() : 0;
}

bool HeadroomStudy::lodfInFloat() const
{
    return d->outages && d->outages->inFloat();
}

BusHeadroom HeadroomStudy::headroomAt(int busIndex) const
{
    const Data &s = *d;
    BusHeadroom result;
    auto notServable = [&] {
        result.headroomNMw = result.headroomN1Mw = 0.0;
        result.bindingN = result.bindingN1 = {HeadroomLimit::NotServable, -1, -1};
        return result;
    };
    if (busIndex < 0 || busIndex >= int(s.grid.buses.size()))
        return notServable();
    result.bus = busIndex;
    const int ref = s.pf->referenceOf(busIndex);
    if (ref < 0 || !(s.spareAtReference[ref] > 0.0))
        return notServable();
    const double spare = s.spareAtReference[ref];

    // DF per branch: generation response minus the bus's PTDF, inside the bus's island.
    std::vector<double> df = s.pf->ptdfColumn(busIndex);
    for (std::size_t l = 0; l < df.size(); ++l)
        df[l] = s.branchIsland[l] == ref ? s.dGeneration[l] - df[l] : 0.0;

    Best best;
    for (std::size_t l = 0; l < df.size(); ++l) {
        const double rate = s.rateN[l];
        if (!(rate > 0.0) || !counts(df[l], s.options.tau))
            continue;
        if (std::abs(s.flow[l]) > rate) {
            result.preexisting.push_back({int(l), -1, s.flow[l], rate});
            continue;
        }
        best.offer((rate - (df[l] > 0.0 ? 1.0 : -1.0) * s.flow[l]) / std::abs(df[l]), -1, int(l));
    }
    auto finish = [&](const Best &b, double &mw, HeadroomBinding &binding) {
        if (b.branch >= 0 && b.mw <= spare) {
            mw = b.mw;
            binding = {HeadroomLimit::Branch, b.branch, b.outage};
        } else {
            mw = spare;
            binding = {spare < kInf ? HeadroomLimit::Generation : HeadroomLimit::None, -1, -1};
        }
    };
    finish(best, result.headroomNMw, result.bindingN);
    if (s.outages) {
        // Pairs above the island's spare capacity, or above the N limit, cannot bind.
        const auto r = s.outages->study(*s.pf, df, s.options.tau,
                                        std::min(best.branch >= 0 ? best.mw : kInf, spare),
                                        result.preexisting);
        if (r.found)
            best.offer(r.limit.mw, r.limit.outage, r.limit.branch);
    }
    finish(best, result.headroomN1Mw, result.bindingN1);
    return result;
}

Expected<std::vector<BusHeadroom>> HeadroomStudy::headroomAll(int threads,
                                                              const Progress &progress) const
{
    std::vector<BusHeadroom> all(d->grid.buses.size());
    if (!parallelFor(
                int(all.size()), threads, [&](int i) { all[i] = headroomAt(i); }, progress))
        return Error{d->grid.sourceName + ": headroom study cancelled", ErrorCode::Cancelled};
    return all;
}

std::string HeadroomStudy::describeBus(int busIndex) const
{
    if (busIndex < 0 || busIndex >= int(d->grid.buses.size()))
        return "no bus";
    const GridBus &b = d->grid.buses[busIndex];
    std::string name = b.name;
    while (!name.empty() && name.back() == ' ')
        name.pop_back();
    const std::string where = "bus " + std::to_string(b.id) + ", " + kvText(b.baseKv) + " kV";
    return name.empty() ? where : name + " (" + where + ")";
}

std::string HeadroomStudy::describeBranch(int branch) const
{
    if (branch < 0 || branch >= int(d->grid.branches.size()))
        return "no branch";
    const GridBranch &br = d->grid.branches[branch];
    std::string text =
            describeBus(d->pf->busIndex(br.from)) + " – " + describeBus(d->pf->busIndex(br.to));
    if (d->circuit[branch] > 0)
        text += ", circuit " + std::to_string(d->circuit[branch]);
    return text;
}

} // namespace planner
