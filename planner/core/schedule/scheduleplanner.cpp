// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/schedule/scheduleplanner.h"

#include "planner/core/montecarlo/montecarlosampler.h"
#include "planner/core/schedule/schedulecpm.h"
#include "planner/core/schedule/scheduledefaultnetwork.h"

namespace planner {

namespace {

struct Run
{
    ScheduleResult result;
    SampleMatrix finish;
};

Expected<Run> run(const ScheduleNetwork &network, const std::vector<std::size_t> &energization,
                  YearMonth start, const MonteCarloOptions &options)
{
    if (options.samples < 1) {
        return Error{"schedule: the Monte Carlo needs at least one sample"};
    }
    if (energization.empty()) {
        return Error{"schedule: no energization task is given"};
    }
    for (std::size_t t : energization) {
        if (t >= network.size()) {
            return Error{"schedule: an energization task index is outside the network"};
        }
    }
    if (!start.valid()) {
        return Error{"schedule: the start month must be between 1 and 12"};
    }
    const CriticalPathResult cpm = criticalPath(network);
    Run out{ScheduleResult{}, MonteCarloSampler::draw(network, options.samples, options.seed)};
    toFinishTimes(network, out.finish);
    ScheduleResult &r = out.result;
    r.samples = options.samples;
    r.seed = options.seed;
    r.start = start;
    for (std::size_t k = 0; k < energization.size(); ++k) {
        const std::size_t t = energization[k];
        const Percentiles p = percentiles(out.finish, t);
        const Months det = cpm.timings[t].earlyFinish;
        r.phases.push_back(PhaseEnergization{static_cast<int>(k + 1), det, p.p10, p.p50, p.p90,
                                             p.mean, start.plus(det), start.plus(p.p10),
                                             start.plus(p.p50), start.plus(p.p90), p.quantiles});
    }
    const Criticality c = criticality(network, out.finish, energization.back());
    for (std::size_t t = 0; t < network.size(); ++t) {
        const ScheduleTask &task = network.task(t);
        r.tasks.push_back(TaskSchedule{task.id, task.name, task.sourceEntry, cpm.timings[t],
                                       c.index[t], c.tailIndex[t]});
    }
    for (std::size_t t : cpm.criticalPath) {
        r.criticalPath.push_back(network.task(t).id);
    }
    return out;
}

} // namespace

Expected<ScheduleResult> planSchedule(const ScheduleNetwork &network,
                                      const std::vector<std::size_t> &energization, YearMonth start,
                                      const MonteCarloOptions &options)
{
    auto out = run(network, energization, start, options);
    if (!out) {
        return out.error();
    }
    return std::move(out->result);
}

Expected<ScheduleResult> planSchedule(const ScheduleInputs &inputs, const ScheduleCatalog &catalog,
                                      const MonteCarloOptions &options)
{
    auto network = buildDefaultNetwork(inputs, catalog);
    if (!network) {
        return network.error();
    }
    std::vector<std::size_t> energization;
    for (int k = 1; k <= static_cast<int>(inputs.phases.size()); ++k) {
        energization.push_back(*network->indexOf(scheduletasks::energization(k)));
    }
    auto out = run(*network, energization, inputs.start, options);
    if (!out) {
        return out.error();
    }
    ScheduleResult result = std::move(out->result);
    if (!inputs.bridging.empty()) {
        const std::size_t bridge = *network->indexOf(scheduletasks::kBridging);
        const std::size_t grid = *network->indexOf(scheduletasks::kGridReady);
        BridgingSummary s;
        s.option = inputs.bridging;
        s.name = network->task(bridge).name;
        s.deterministicReady = result.tasks[bridge].timing.earlyFinish;
        s.gridReady = result.tasks[grid].timing.earlyFinish;
        s.firstPath = s.deterministicReady < s.gridReady ? PowerPath::Bridging : PowerPath::Grid;
        const auto b = out->finish.row(static_cast<Eigen::Index>(bridge)).array();
        const auto g = out->finish.row(static_cast<Eigen::Index>(grid)).array();
        s.bridgingFirstShare =
                static_cast<double>((b < g).count()) / static_cast<double>(out->finish.cols());
        if (const ScheduleEntry *cost = catalog.find("bridging." + inputs.bridging + ".cost");
            cost && cost->unit == "USD/kW") {
            s.capexPerKw = cost->value;
        }
        result.bridging = std::move(s);
    }
    return result;
}

} // namespace planner
