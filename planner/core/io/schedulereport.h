// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The time-to-power-on result, a tornado and a cash flow as text for the command line: aligned
// tables for people and JSON for programs. Pure functions.

#include "planner/core/economics/cashflow.h"
#include "planner/core/montecarlo/sensitivity.h"
#include "planner/core/schedule/scheduleinputs.h"
#include "planner/core/schedule/scheduleresult.h"

#include <string>

namespace planner {

std::string scheduleToTable(const ScheduleResult &result, const ScheduleInputs &inputs);
std::string scheduleToJson(const ScheduleResult &result, const ScheduleInputs &inputs);

// The `top` widest bars; outputs are divided by `scale` and printed with `unit`.
std::string tornadoToTable(const Tornado &tornado, const std::string &title,
                           const std::string &unit, double scale, std::size_t top);
std::string tornadoToJson(const Tornado &tornado);

// Totals per calendar year, the peak quarter and the cumulative spend.
std::string cashFlowToTable(const CashFlow &flow);
std::string cashFlowToJson(const CashFlow &flow);

std::string formatYearMonth(YearMonth m); // "2027-03"

} // namespace planner
