// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The grid-headroom check as text for the command line: a table section for people and a JSON
// object for programs, each phase's cumulative peak against the headroom and, when the plan
// does not fit, the network upgrade's cost lines and schedule task. Pure functions.

#include "planner/core/economics/economics.h"
#include "planner/core/schedule/scheduleresult.h"
#include "planner/core/sizing/gridfit.h"

#include <string>

namespace planner {

// "ODESSA 2 0 (bus 1001, 345 kV), 3.2 km from the site"; the parts not given are left out,
// "not given" when none is.
std::string servingBusText(const GridHeadroom &study);

// `cost` and `schedule` may be null (no catalog for them): their part is then left out.
std::string gridFitToTable(const GridFit &fit, const EconomicsResult *cost,
                           const ScheduleResult *schedule);
// A headroom of +infinity (nothing limits it) is written as null.
std::string gridFitToJson(const GridFit &fit, const EconomicsResult *cost,
                          const ScheduleResult *schedule);

} // namespace planner
