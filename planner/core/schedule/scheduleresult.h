// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The time-to-power-on result of a plan: energization dates per phase with their P10/P50/P90,
// the deterministic critical path with the float of every task, the criticality of each task
// and which power path (grid or bridging) powers on first. A plain value; safe to copy.

#include "planner/core/catalog/scheduleentry.h"
#include "planner/core/common/units.h"
#include "planner/core/schedule/schedulecpm.h"
#include "planner/core/schedule/scheduleunits.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planner {

enum class PowerPath { Grid, Bridging };

struct PhaseEnergization
{
    int phase = 0; // 1-based, in build order
    Months deterministic; // all tasks at their typical duration
    Months p10;
    Months p50;
    Months p90;
    Months mean;
    // Calendar months of the dates above (the month in which energization completes).
    YearMonth deterministicDate;
    YearMonth p10Date;
    YearMonth p50Date;
    YearMonth p90Date;
    // Months after the start at 0, 1, …, 100 % of the samples (a CDF), 101 values.
    std::vector<double> quantiles;
};

struct TaskSchedule
{
    std::string id;
    std::string name;
    std::string sourceEntry; // catalog entry id; empty for milestones
    TaskTiming timing; // deterministic CPM with typical durations
    // Share of samples in which the task is on the driving path of the last phase's
    // energization (criticality index), and the same share among the samples at or beyond that
    // phase's P90 date: the tasks that drive the P90.
    double criticality = 0.0;
    double tailCriticality = 0.0;
};

struct BridgingSummary
{
    std::string option; // catalog option id, e.g. "recip_engines"
    std::string name;
    Months deterministicReady; // when bridging power is ready, typical durations
    Months gridReady; // when grid power is ready, typical durations
    PowerPath firstPath = PowerPath::Grid; // which powers phase 1 first, typical durations
    double bridgingFirstShare = 0.0; // share of samples in which bridging is ready first
    std::optional<ThreePoint> capexPerKw; // USD/kW, when the catalog has "<option>.cost"
};

struct ScheduleResult
{
    std::vector<PhaseEnergization> phases;
    std::vector<TaskSchedule> tasks; // in network order
    std::vector<std::string> criticalPath; // task ids, first task first
    std::optional<BridgingSummary> bridging; // present when the inputs ask for bridging power
    YearMonth start; // the month in which the project starts (month 0 of every figure)
    int samples = 0;
    std::uint64_t seed = 0;
};

} // namespace planner
