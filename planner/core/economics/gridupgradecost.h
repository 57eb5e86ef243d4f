// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to the cost model: the network upgrade a plan needs when its peak demand exceeds the
// grid's headroom at the serving bus (sizing/gridfit.h). A reinforcement line sized from the
// shortfall at full build (grid_upgrade.line_per_mw_km.<kV> at the bus voltage, over the
// assumed grid_upgrade.line_length_km) and one substation expansion at the bus
// (grid_upgrade.substation_expansion). With a headroom study these lines replace the per-MW
// allowance interconnection.network_upgrades_per_mw, which stands in for a study; a utility
// facilities-study figure (EconomicsInputs::networkUpgradesUsd) replaces both. What it cannot
// price goes to result.missing. Runs on the estimate's thread.

#include "planner/core/catalog/economicscatalog.h"
#include "planner/core/economics/economics.h"
#include "planner/core/economics/economicsrates.h"
#include "planner/core/sizing/gridfit.h"

#include <vector>

namespace planner {

// No line when the plan fits.
std::vector<CostLine> gridUpgradeLines(const GridFit &fit, const PlanResult &plan,
                                       const EconomicsCatalog &catalog, EconomicsRates &rates,
                                       EconomicsResult &result);

} // namespace planner
