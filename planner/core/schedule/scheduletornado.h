// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Tornado of the P50 energization date: each task's typical duration is moved between its min
// and its max (the task's whole distribution is scaled with it), and for the default network
// also the routed line length between the straight line and the catalog's route factor. Every
// case reuses the same random numbers (common random numbers), so the bars show the effect of
// the input and not sampling noise. Runs on the calling thread.

#include "planner/core/catalog/schedulecatalog.h"
#include "planner/core/common/expected.h"
#include "planner/core/montecarlo/montecarlo.h"
#include "planner/core/montecarlo/sensitivity.h"
#include "planner/core/schedule/scheduleinputs.h"
#include "planner/core/schedule/schedulenetwork.h"

#include <cstddef>

namespace planner {

// Output: P50 finish of `target` in months from the start. Inputs: every task with a non-zero
// typical duration, named after the task.
Expected<Tornado> scheduleTornado(const ScheduleNetwork &network, std::size_t target,
                                  const MonteCarloOptions &options);

// The default network of `inputs`, with the last phase's energization as the output.
Expected<Tornado> scheduleTornado(const ScheduleInputs &inputs, const ScheduleCatalog &catalog,
                                  const MonteCarloOptions &options);

} // namespace planner
