// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Quarterly cash flow of a phased build: each phase's construction spent evenly from the start
// of its shell to the end of its commissioning, its IT over its fit-out, the three back to back
// and ending when the phase can be energized (just in time for power), land at the start, the grid
// connection as early as it can go, and opex from each phase's energization, all timed on the P50
// schedule (the typical schedule stretched so that every phase energizes at its P50 date). Calendar
// quarters; a pure function of values, safe on any thread.

#include "planner/core/common/expected.h"
#include "planner/core/economics/economics.h"
#include "planner/core/schedule/scheduleresult.h"
#include "planner/core/sizing/planresult.h"

#include <vector>

namespace planner {

struct CashFlowQuarter
{
    YearMonth start; // first month of the calendar quarter
    std::vector<double> capexByPhase; // land and grid count in phase 1
    double capex = 0.0;
    double opex = 0.0;
    double cumulative = 0.0; // capex and opex spent up to the end of this quarter
};

struct CashFlow
{
    std::vector<CashFlowQuarter> quarters; // from the project's start to a year after the last
                                           // phase energizes
    double peakQuarterCapex = 0.0;
};

// Quarters are counted from the schedule's start month.
Expected<CashFlow> quarterlyCashFlow(const EconomicsResult &cost, const PlanResult &plan,
                                     const ScheduleResult &schedule);

} // namespace planner
