// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Sizing from a served workload instead of IT MW or racks: requests (or tokens) per day, the
// peak-to-average ratio, a target utilisation and a router mix (the share of requests each
// model class serves, with its input and output tokens per request) give the accelerators of a
// system, then its racks. The accelerators are sized on output tokens, the unit MLPerf
// Inference reports its LLM throughput in (each benchmark's prefill of its own inputs is inside
// its figure); input tokens count in the tokens per day. A class the system has no throughput
// for is an error naming both, never estimated. Plain values and pure functions: any thread.

#include "planner/core/catalog/acceleratorsystem.h"
#include "planner/core/common/expected.h"

#include <optional>
#include <string>
#include <vector>

namespace planner {

struct RouteShare
{
    std::string modelClass; // one of kModelClasses
    double share = 0.0; // of the requests, 0…1; the mix sums to 1
    double inputTokens = 0.0; // per request
    double outputTokens = 0.0; // per request, > 0
};

struct Workload
{
    // Exactly one of these two; tokens per day count input and output tokens.
    std::optional<double> requestsPerDay;
    std::optional<double> tokensPerDay;
    double peakToAverage = 1.0; // peak hour's request rate / the day's average, >= 1
    double targetUtilisation = 1.0; // of the accelerators' benchmark throughput at peak, 0…1
    std::vector<RouteShare> mix;
};

// One class of the mix on the chosen system.
struct ClassSizing
{
    RouteShare route;
    const ModelThroughput *throughput = nullptr; // the system's figure (points into it)
    double peakOutputTokensPerSecond = 0.0;
    double accelerators = 0.0; // fractional: peak / (tokens/s per accelerator × utilisation)
};

struct WorkloadSizing
{
    double requestsPerDay = 0.0;
    double tokensPerDay = 0.0; // input + output
    double averageOutputTokensPerSecond = 0.0;
    std::vector<ClassSizing> classes;
    long long accelerators = 0; // the classes' sum, rounded up
    int racks = 0; // accelerators / accelerators per rack, rounded up
};

// An error names the field ("plan.workload.mix[1].share: …") or the class the system has no
// figure for.
Expected<WorkloadSizing> sizeWorkload(const Workload &workload, const AcceleratorSystem &system);

// The class of the mix with the lowest throughput per accelerator on the system (the costliest
// to serve, the "largest model"); empty when the system lacks a figure for a class.
std::string costliestClass(const Workload &workload, const AcceleratorSystem &system);

// The same requests with every one sent to `modelClass`, each keeping its own tokens.
Workload routedTo(const Workload &workload, const std::string &modelClass);

} // namespace planner
