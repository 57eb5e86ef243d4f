// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/comparison/systemcomparison.h"

namespace planner {

std::optional<double> mixThroughput(const Workload &workload, const AcceleratorSystem &system)
{
    double outputTokens = 0.0;
    for (const RouteShare &r : workload.mix)
        outputTokens += r.share * r.outputTokens;
    if (!(outputTokens > 0.0))
        return std::nullopt;
    double secondsPerToken = 0.0; // accelerator-seconds per output token of the mix
    for (const RouteShare &r : workload.mix) {
        if (r.share <= 0.0)
            continue;
        const ModelThroughput *t = system.throughputFor(r.modelClass);
        if (!t)
            return std::nullopt;
        secondsPerToken += (r.share * r.outputTokens / outputTokens) / t->tokensPerSecond.value;
    }
    return 1.0 / secondsPerToken;
}

std::vector<SystemPerMw> compareSystems(const EvaluationRequest &request, const Catalogs &catalogs,
                                        const EvaluationOptions &options,
                                        const std::atomic<bool> *cancel)
{
    std::vector<SystemPerMw> rows;
    for (const AcceleratorSystem &system : catalogs.sizing.accelerators) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            break;
        SystemPerMw row;
        row.systemId = system.id;
        row.name = system.name;
        for (const Figure *f : {&system.acceleratorsPerRack, &system.rackItPowerKw}) {
            if (const SourceRef *ref = catalogs.sizing.sourceOf(*f))
                row.rackSource += (row.rackSource.empty() ? "" : "; ") + ref->url + " (" + ref->year
                        + ", " + ref->status + ")";
        }
        EvaluationRequest r = request;
        r.input.acceleratorId = system.id;
        r.input.customAccelerator.reset();
        auto e = evaluate(r, catalogs, options);
        if (!e) {
            row.error = e.error().message;
            rows.push_back(std::move(row));
            continue;
        }
        row.itMw = e->plan.itLoad.value();
        row.accelerators = e->plan.accelerators;
        if (row.itMw > 0.0)
            row.acceleratorsPerMw = double(row.accelerators) / row.itMw;
        if (request.input.workload) {
            if (auto perAccelerator = mixThroughput(*request.input.workload, system))
                row.tokensPerSecondPerMw = *perAccelerator * row.acceleratorsPerMw;
            for (const RouteShare &share : request.input.workload->mix) {
                const ModelThroughput *t = system.throughputFor(share.modelClass);
                const SourceRef *ref = t ? catalogs.sizing.sourceOf(t->tokensPerSecond) : nullptr;
                row.throughputSources.push_back(
                        share.modelClass + ": "
                        + (t ? t->benchmark + ", " + t->scenario
                                           + (ref ? " (" + ref->url + ", " + ref->year + ", "
                                                              + ref->status + ")"
                                                  : std::string())
                             : std::string("no published figure")));
            }
        }
        if (e->cost && row.itMw > 0.0) {
            row.capexPerMw = e->cost->totalCapex / row.itMw;
            row.usdPerAcceleratorHour = e->cost->usdPerAcceleratorHour;
            row.usdPerMillionTokens = e->cost->usdPerMillionTokens;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace planner
