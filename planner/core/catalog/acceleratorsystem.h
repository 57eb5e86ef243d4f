// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An accelerator system as the planner sizes it: one rack position of a given design. A plain
// value owned by the Catalog (or by a PlanInput for a custom system); safe to copy and share.

#include "planner/core/catalog/figure.h"

#include <string>

namespace planner {

struct AcceleratorSystem
{
    std::string id;
    std::string name;
    Figure acceleratorsPerRack; // accelerators (GPU, TPU…) in one rack; 0 for a CPU rack
    Figure rackItPowerKw; // design IT power of one rack
    Figure liquidHeatFraction; // share of the rack's heat taken by liquid, 0…1
    bool requiresLiquid = false; // the system cannot run on air cooling at all
    int source = -1; // the entry's own reference (index into Catalog::sources)
};

} // namespace planner
