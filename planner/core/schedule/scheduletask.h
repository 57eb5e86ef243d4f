// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One task of a schedule network: a three-point duration in months and the tasks it waits for.
// Plain value; a ScheduleNetwork validates a set of them.

#include "planner/core/catalog/scheduleentry.h"

#include <string>
#include <vector>

namespace planner {

// When a task may start. All: after every predecessor has finished (the usual finish-to-start
// link). Any: as soon as the first predecessor finishes, e.g. power for the first phase comes
// from the grid or from bridging generation, whichever is ready first.
enum class Join { All, Any };

struct ScheduleTask
{
    std::string id;
    std::string name;
    ThreePoint duration; // months; all zero for a milestone
    Distribution distribution = Distribution::Triangular;
    std::vector<std::string> predecessors; // ids of tasks in the same network
    Join join = Join::All;
    std::string sourceEntry; // catalog entry id the duration came from; empty for milestones
};

} // namespace planner
