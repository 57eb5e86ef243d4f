// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Does the plan fit the grid? The facility's peak demand as its phases come online (phase k
// adds its facility peak to those before it) against the headroom at the serving bus (the
// nearest studied bus at or above the plan's interconnection voltage, servingBusFor) under the
// plan's criterion (N-1 by default, the test utilities apply to large loads). A phase that does
// not fit, and every one after it, needs a network upgrade of the shortfall: the cost model
// prices it (grid_upgrade.* in economics.json) and the schedule puts a network-upgrade task
// before that phase's energization (grid_upgrade.construction in schedule.json).
// Pure functions of values, safe on any thread; microseconds.

#include "planner/core/common/units.h"
#include "planner/core/site/siteconditions.h"
#include "planner/core/sizing/gridcriterion.h"
#include "planner/core/sizing/planresult.h"

#include <optional>
#include <string>
#include <vector>

namespace planner {

struct PhaseGridFit
{
    int phase = 0; // 1-based, in build order
    Megawatts demand; // facility peak of this phase and all before it
    Megawatts shortfall; // demand above the headroom; 0 when it fits
    bool fits() const { return !(shortfall.value() > 0.0); }
};

struct GridFit
{
    GridHeadroom study; // the site's headroom figures, as given
    GridCriterion criterion = GridCriterion::NMinus1;
    Megawatts headroom; // under the criterion; +infinity when nothing limits it
    std::string binding; // what limits it under the criterion; empty when not given
    std::vector<PhaseGridFit> phases;
    int firstShortPhase = 0; // 1-based; 0 when every phase fits
    Megawatts shortfall; // at full build: peak demand above the headroom, 0 when it fits
    Megawatts margin; // at full build: headroom left, 0 when short, +infinity when unlimited
    std::vector<std::string> notes; // worth a second look (a bus of another voltage…)

    bool fits() const { return firstShortPhase == 0; }
};

// None when the site has no headroom study: the fit is then unknown, not assumed.
std::optional<GridFit> gridFit(const PlanResult &plan, const SiteConditions &site,
                               GridCriterion criterion);

} // namespace planner
