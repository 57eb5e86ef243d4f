// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the user asks for: how much IT (MW or racks), which accelerator system and cooling
// architecture, the redundancy of each system, the build phases, the utility voltage and the
// criterion the grid's headroom is checked against.
// A plain value; copy it freely between threads.

#include "planner/core/catalog/acceleratorsystem.h"
#include "planner/core/common/units.h"
#include "planner/core/sizing/gridcriterion.h"
#include "planner/core/sizing/redundancy.h"
#include "planner/core/sizing/workload.h"

#include <optional>
#include <string>
#include <vector>

namespace planner {

struct PlanInput
{
    // Exactly one of these three: a target critical IT load, a number of racks, or a served
    // workload that sizes the racks of the chosen system (see workload.h).
    std::optional<Megawatts> targetItLoad;
    std::optional<int> rackCount;
    std::optional<Workload> workload;

    std::string acceleratorId; // a catalog id; ignored when customAccelerator is set
    std::optional<AcceleratorSystem> customAccelerator; // figures from the user (source -1)
    std::string coolingId; // a catalog cooling architecture

    Redundancy transformers = Redundancy::NPlus1; // N, N+1 or 2N
    Redundancy ups = Redundancy::NPlus1; // N+1 or 2N
    Redundancy generators = Redundancy::NPlus1; // none, N+1 or 2N
    Redundancy cooling = Redundancy::NPlus1; // N or N+1

    // IT MW of each build phase, in order; their sum is the whole build. Empty: one phase.
    std::vector<Megawatts> phases;
    // A catalog interconnection voltage class; empty: chosen automatically from the load.
    std::optional<Kilovolts> interconnection;
    // Average IT load over the year as a share of the design IT load (annual energy, water).
    double averageItLoadFraction = 1.0;
    // Which headroom at the serving bus the phases must fit in (when the site has a study).
    GridCriterion gridCriterion = GridCriterion::NMinus1;
};

} // namespace planner
