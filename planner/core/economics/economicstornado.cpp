// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/economics/economicstornado.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace planner {

Expected<Tornado> tcoTornado(const PlanInput &input, const PlanResult &plan,
                             const SiteConditions &site, const EconomicsCatalog &catalog,
                             const EconomicsInputs &options)
{
    std::vector<const EconomicsEntry *> entries;
    std::vector<SensitivityInput> inputs;
    for (const EconomicsEntry &e : catalog.entries()) {
        // The user's own figures are not uncertain in this analysis.
        if (e.min < e.max && !options.overrides.count(e.id)
            && !(e.id == "finance.discount_rate" && options.discountRate)) {
            entries.push_back(&e);
            inputs.push_back({e.name, e.typical, e.min, e.max});
        }
    }
    EconomicsInputs moved = options;
    std::string failure;
    auto model = [&](const std::vector<double> &values) -> double {
        for (std::size_t i = 0; i < entries.size(); ++i)
            moved.overrides.insert_or_assign(entries[i]->id, values[i]);
        auto cost = estimateEconomics(input, plan, site, catalog, moved);
        if (!cost) {
            failure = cost.error().message;
            return std::numeric_limits<double>::quiet_NaN();
        }
        return cost->npvTco;
    };
    auto result = tornado(inputs, model);
    if (!result)
        return failure.empty() ? result.error() : Error{failure};
    // Figures the plan does not use (other systems' prices, 2N factor of an N+1 plan) have no
    // swing: leave them out.
    std::erase_if(result->bars, [](const TornadoBar &bar) { return bar.swing() == 0.0; });
    return result;
}

} // namespace planner
