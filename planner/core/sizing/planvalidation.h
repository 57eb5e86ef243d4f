// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to planner_core: checks a plan input and site before sizing, so that plan() never
// sizes from a NaN, a negative load or a missing catalog entry. Pure; safe on any thread.

#include "planner/core/catalog/catalog.h"
#include "planner/core/site/siteconditions.h"
#include "planner/core/sizing/planinput.h"

#include <string>

namespace planner {

// Empty when the input can be planned; else a message naming the field and what to do.
std::string validatePlanInput(const PlanInput &input, const Catalog &catalog);
std::string validateSite(const SiteConditions &site);

} // namespace planner
