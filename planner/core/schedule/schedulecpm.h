// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Deterministic critical-path method (CPM) over a ScheduleNetwork: early and late start and
// finish, total float of every task and the critical path to the latest finishing task.
// Pure functions of their arguments; safe to call from any thread.

#include "planner/core/common/units.h"
#include "planner/core/schedule/schedulenetwork.h"

#include <cstddef>
#include <span>
#include <vector>

namespace planner {

struct TaskTiming
{
    Months earlyStart;
    Months earlyFinish;
    Months lateStart;
    Months lateFinish;
    Months totalFloat; // how long the task can slip without delaying the latest finish
    bool critical = false;
};

struct CriticalPathResult
{
    std::vector<TaskTiming> timings; // in task order
    std::vector<std::size_t> criticalPath; // task indices, first task first
    Months finish; // the latest early finish of any task
};

// `durations` (months, one per task) defaults to each task's typical duration when empty.
// A task with Join::Any starts at the earliest finish among its predecessors; only the
// predecessor that finishes first constrains it, the others keep the float they have elsewhere.
CriticalPathResult criticalPath(const ScheduleNetwork &network,
                                std::span<const double> durations = {});

// The predecessor whose finish sets the start of `task` (the latest for Join::All, the earliest
// for Join::Any; the first listed on ties), or `task` itself when it has no predecessor.
std::size_t drivingPredecessor(const ScheduleNetwork &network, std::size_t task,
                               std::span<const double> finish);

} // namespace planner
