// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the schedule needs to know about a plan and its site. A plain value filled by the caller
// (later adapted from the sizing PlanResult and SiteConditions); safe to copy between threads.

#include "planner/core/common/units.h"
#include "planner/core/schedule/scheduleunits.h"

#include <string>
#include <vector>

namespace planner {

struct ScheduleInputs
{
    // Market of the utility, the suffix of an "interconnection.<market>" catalog entry
    // (generic, pjm, ercot, caiso, miso, spp, uk, dublin in the shipped catalog).
    std::string market = "generic";
    // IT load of each phase, in the order the phases are built and energized.
    std::vector<Megawatts> phases;
    // Straight-line distance to the line or substation to connect to; zero when the site is
    // next to it. The voltage picks the line construction rate.
    Kilometres lineDistance;
    Kilovolts lineVoltage;
    // A new high-voltage substation (large power transformers, HV breakers) is needed.
    bool newSubstation = true;
    // Bridging power for the first phase, the suffix of a "bridging.<option>" catalog entry
    // (recip_engines, gas_turbine, fuel_cells, battery), or empty for none.
    std::string bridging;
    // Month in which the project starts (site control begins).
    YearMonth start;
    // The first phase (1-based) whose demand the grid's headroom at the serving bus cannot take;
    // 0 when every phase fits or the grid was not studied. A network upgrade, begun when the
    // interconnection agreement is signed, must be in service before that phase's grid power.
    int networkUpgradeBeforePhase = 0;
};

} // namespace planner
