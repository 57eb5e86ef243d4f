// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Glue between a sized plan and its schedule and cost: the ScheduleInputs of a PlanResult (its
// phases, interconnection voltage and distance) and the bridging power to buy for the first
// phase. Pure functions, safe on any thread.

#include "planner/core/economics/economics.h"
#include "planner/core/schedule/scheduleinputs.h"
#include "planner/core/schedule/scheduleresult.h"
#include "planner/core/sizing/planresult.h"

#include <optional>
#include <string>

namespace planner {

ScheduleInputs scheduleInputsFor(const PlanResult &plan, const std::string &market, YearMonth start,
                                 const std::string &bridging = {}, bool newSubstation = true);

// Capacity (the first phase's facility peak) and rate of the bridging option of `schedule`;
// none when the schedule has no bridging or the catalog no cost for it.
std::optional<BridgingPower> bridgingPowerFor(const PlanResult &plan,
                                              const ScheduleResult &schedule);

} // namespace planner
