// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The planning function: a plan input, a site and a catalog in; racks, cooling, electrical,
// land and the assumptions behind them out. Pure: no globals, no I/O, no shared state, so any
// number of threads may plan at once against one const Catalog. Takes microseconds, so it can
// run on every mouse move while a site is dragged.

#include "planner/core/catalog/catalog.h"
#include "planner/core/common/expected.h"
#include "planner/core/site/siteconditions.h"
#include "planner/core/sizing/planinput.h"
#include "planner/core/sizing/planresult.h"

namespace planner {

// Returns an Error naming the bad field for invalid input (negative or NaN figures, zero racks,
// an unknown catalog id, an impossible combination such as a liquid-only rack on air cooling).
Expected<PlanResult> plan(const PlanInput &input, const SiteConditions &site,
                          const Catalog &catalog);

} // namespace planner
