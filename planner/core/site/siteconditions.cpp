// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/site/siteconditions.h"

namespace planner {

const GridHeadroom *servingBusFor(const SiteConditions &site, Kilovolts voltage)
{
    // Levels are base kV of a case (115, 138, 161, …); half a kV absorbs 138 vs 138.0 rounding.
    for (const ServingBus &bus : site.servingBuses) {
        if (bus.atOrAbove.value() >= voltage.value() - 0.5)
            return &bus.headroom;
    }
    return site.gridHeadroom ? &*site.gridHeadroom : nullptr;
}

} // namespace planner
