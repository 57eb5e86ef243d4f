// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a megawatt buys with each catalog system: the same plan at the same site evaluated once
// per accelerator system through evaluate() (a plan sized in MW keeps its MW, one sized from a
// workload is re-sized for each system), reduced to per-MW figures. A figure that cannot be
// given (no price, no throughput for a class of the mix) is none; a system the plan cannot be
// built with (a liquid-only rack on air cooling, no figure for a class the workload routes to)
// carries the evaluation's error. Pure; safe on any thread against shared const Catalogs; one
// evaluation per system, so run it off the GUI thread.

#include "planner/core/evaluation/evaluation.h"

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace planner {

struct SystemPerMw
{
    std::string systemId;
    std::string name;
    std::string error; // empty when the plan evaluated with this system
    double itMw = 0.0;
    long long accelerators = 0;
    double acceleratorsPerMw = 0.0; // per MW of critical IT
    // Benchmark output tokens/s per MW of IT for the plan's mix (each class weighted by its
    // share of output tokens); none without a workload or without a figure for a class.
    std::optional<double> tokensPerSecondPerMw;
    std::optional<double> capexPerMw; // total capex / IT MW; none without an economics catalog
    std::optional<double> usdPerAcceleratorHour;
    std::optional<double> usdPerMillionTokens;
    // Where the throughput figures come from: "class: benchmark, scenario (source, year,
    // status)" for each class of the mix.
    std::vector<std::string> throughputSources;
    std::string rackSource; // where accelerators per rack and rack IT power come from
};

// The mix's benchmark throughput per accelerator of `system`: the output-token-weighted
// harmonic mean of its classes' figures; none when a class has no figure.
std::optional<double> mixThroughput(const Workload &workload, const AcceleratorSystem &system);

// One row per catalog system, in catalog order. `cancel` (may be null) is read between systems:
// once set, the rows so far are returned (a caller that set it drops them).
std::vector<SystemPerMw> compareSystems(const EvaluationRequest &request, const Catalogs &catalogs,
                                        const EvaluationOptions &options,
                                        const std::atomic<bool> *cancel = nullptr);

} // namespace planner
