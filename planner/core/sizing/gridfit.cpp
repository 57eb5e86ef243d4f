// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/sizing/gridfit.h"

#include "planner/core/io/textformat.h"

#include <algorithm>
#include <cmath>

namespace planner {

std::optional<GridFit> gridFit(const PlanResult &plan, const SiteConditions &site,
                               GridCriterion criterion)
{
    const GridHeadroom *serving = servingBusFor(site, plan.electrical.interconnection);
    if (!serving)
        return std::nullopt;
    GridFit fit;
    fit.study = *serving;
    fit.criterion = criterion;
    const bool n1 = criterion == GridCriterion::NMinus1;
    fit.headroom = n1 ? fit.study.n1 : fit.study.n;
    fit.binding = n1 ? fit.study.bindingN1 : fit.study.bindingN;
    const double headroom = fit.headroom.value();
    double demand = 0.0;
    for (std::size_t k = 0; k < plan.phases.size(); ++k) {
        demand += plan.phases[k].facilityPeak.value();
        const double shortfall = std::max(0.0, demand - headroom);
        fit.phases.push_back({static_cast<int>(k + 1), Megawatts(demand), Megawatts(shortfall)});
        if (shortfall > 0.0 && fit.firstShortPhase == 0)
            fit.firstShortPhase = static_cast<int>(k + 1);
    }
    fit.shortfall = Megawatts(std::max(0.0, demand - headroom));
    fit.margin = Megawatts(std::max(0.0, headroom - demand));
    // A serving bus of the case's levels is at or above the plan's voltage by construction; a
    // single study (a plan file's) or a bus below that voltage is worth a second look.
    const bool single = site.gridHeadroom && serving == &*site.gridHeadroom;
    const double planKv = plan.electrical.interconnection.value();
    if (fit.study.busVoltage
        && (single ? std::abs(fit.study.busVoltage->value() - planKv) >= 0.5
                   : fit.study.busVoltage->value() < planKv - 0.5)) {
        fit.notes.push_back(text::format(
                "the headroom is for a %.0f kV bus but the plan connects at %.0f kV; study the "
                "bus the plan would connect to",
                fit.study.busVoltage->value(), plan.electrical.interconnection.value()));
    }
    return fit;
}

} // namespace planner
