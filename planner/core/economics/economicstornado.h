// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Tornado of the total cost of ownership (NPV): every catalog figure with a range (min < max)
// is moved to its min and then its max while all others stay typical, and the inputs that move
// the TCO are returned widest first. Site prices move through the catalog's price bands. Runs
// estimateEconomics 2 n + 1 times on the calling thread (a few milliseconds).

#include "planner/core/economics/economics.h"
#include "planner/core/montecarlo/sensitivity.h"

namespace planner {

Expected<Tornado> tcoTornado(const PlanInput &input, const PlanResult &plan,
                             const SiteConditions &site, const EconomicsCatalog &catalog,
                             const EconomicsInputs &options = {});

} // namespace planner
