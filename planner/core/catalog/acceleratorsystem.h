// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An accelerator system as the planner sizes it: one rack position of a given design. A plain
// value owned by the Catalog (or by a PlanInput for a custom system); safe to copy and share.

#include "planner/core/catalog/figure.h"

#include <string>
#include <string_view>
#include <vector>

namespace planner {

// The model classes a workload's router mix can name, each measured on one MLPerf Inference
// model: "mini" Llama-3.1-8B, "large-dense" Llama-2-70B, "xl-dense" Llama-3.1-405B and
// "reasoning" DeepSeek-R1 (long outputs). A system lists the classes it has a published (or
// derived) throughput for; a class it does not list is missing, never estimated.
inline constexpr std::string_view kModelClasses[] = {"mini", "large-dense", "xl-dense",
                                                     "reasoning"};
bool isModelClass(std::string_view modelClass);

// Inference throughput of one accelerator of a system on one model class: output tokens per
// second per accelerator in a named benchmark and scenario (MLPerf Inference "Offline" or
// "Server"). The figure's reference says whether it is stated, vendor (secondary) or derived.
struct ModelThroughput
{
    std::string modelClass; // one of kModelClasses
    std::string benchmark; // e.g. "MLPerf Inference v5.1 Llama-3.1-8B"
    std::string scenario; // "Offline" or "Server"
    Figure tokensPerSecond; // output tokens per second per accelerator
};

struct AcceleratorSystem
{
    std::string id;
    std::string name;
    Figure acceleratorsPerRack; // accelerators (GPU, TPU…) in one rack; 0 for a CPU rack
    Figure rackItPowerKw; // design IT power of one rack
    Figure liquidHeatFraction; // share of the rack's heat taken by liquid, 0…1
    bool requiresLiquid = false; // the system cannot run on air cooling at all
    std::vector<ModelThroughput> throughput; // at most one per model class; may be empty
    int source = -1; // the entry's own reference (index into Catalog::sources)

    // The system's throughput on a model class; nullptr when none is published.
    const ModelThroughput *throughputFor(std::string_view modelClass) const;
};

} // namespace planner
