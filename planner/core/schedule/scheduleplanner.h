// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Time to power on for a plan: builds the default schedule network, runs the deterministic
// critical path and the Monte Carlo over task durations, and gathers a ScheduleResult.
// A pure function of its arguments (same seed, same result); runs on the calling thread, so
// call it off the GUI thread for large sample counts.

#include "planner/core/catalog/schedulecatalog.h"
#include "planner/core/common/expected.h"
#include "planner/core/montecarlo/montecarlo.h"
#include "planner/core/schedule/scheduleinputs.h"
#include "planner/core/schedule/schedulenetwork.h"
#include "planner/core/schedule/scheduleresult.h"

namespace planner {

Expected<ScheduleResult> planSchedule(const ScheduleInputs &inputs, const ScheduleCatalog &catalog,
                                      const MonteCarloOptions &options = {});

// The same for a network built by the caller; `energization` lists the task index of each
// phase's energization, in phase order (the last one is the target of the criticality index).
Expected<ScheduleResult> planSchedule(const ScheduleNetwork &network,
                                      const std::vector<std::size_t> &energization, YearMonth start,
                                      const MonteCarloOptions &options = {});

} // namespace planner
