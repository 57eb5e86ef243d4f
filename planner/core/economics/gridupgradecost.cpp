// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/economics/gridupgradecost.h"

#include "planner/core/io/textformat.h"

#include <cstdlib>
#include <string>
#include <string_view>

namespace planner {
namespace {

using text::format;

constexpr std::string_view kLinePrefix = "grid_upgrade.line_per_mw_km.";

// The entry of the lowest voltage class at or above `kv`, as transmission rates are chosen.
const EconomicsEntry *lineRate(const EconomicsCatalog &catalog, double kv, int *classKv)
{
    const EconomicsEntry *best = nullptr;
    for (const EconomicsEntry &e : catalog.entries()) {
        if (e.id.rfind(kLinePrefix, 0) != 0)
            continue;
        const std::string suffix = e.id.substr(kLinePrefix.size());
        char *end = nullptr;
        const long v = std::strtol(suffix.c_str(), &end, 10);
        if (end == suffix.c_str() || *end != '\0' || double(v) < kv - 0.5)
            continue;
        if (!best || v < *classKv) {
            best = &e;
            *classKv = int(v);
        }
    }
    return best;
}

} // namespace

std::vector<CostLine> gridUpgradeLines(const GridFit &fit, const PlanResult &plan,
                                       const EconomicsCatalog &catalog, EconomicsRates &rates,
                                       EconomicsResult &result)
{
    result.missing.push_back(
            "network upgrades beyond branch ratings (short circuit, protection, stability): the "
            "headroom study does not cover them; it replaces the per-MW allowance "
            "'interconnection.network_upgrades_per_mw'");
    std::vector<CostLine> lines;
    if (fit.fits())
        return lines;
    const double shortMw = fit.shortfall.value();
    const std::string criterion(gridCriterionName(fit.criterion));
    const bool busKv = fit.study.busVoltage.has_value();
    const double kv =
            busKv ? fit.study.busVoltage->value() : plan.electrical.interconnection.value();
    int classKv = 0;
    const EconomicsEntry *perMwKm = lineRate(catalog, kv, &classKv);
    const EconomicsEntry *length = rates.entry("grid_upgrade.line_length_km");
    if (perMwKm && length) {
        const EconomicsEntry *rate = rates.entry(perMwKm->id);
        const double usdPerMwKm = rates.value(*rate);
        const double km = rates.value(*length);
        lines.push_back(
                {"Network upgrade (line)", shortMw * km * usdPerMwKm,
                 format("%.1f MW short of the %s headroom × %.1f km assumed × %.0f USD/MW-km "
                        "(%d kV class for the %s %.0f kV%s)",
                        shortMw, criterion.c_str(), km, usdPerMwKm, classKv,
                        busKv ? "bus's" : "plan's", kv,
                        busKv ? "" : ": the bus voltage is not given"),
                 rate});
    } else {
        result.missing.push_back(
                format("network upgrade line: %s; the %.1f MW shortfall is not priced",
                       length ? format("no '%.*s<kV>' entry at or above %.0f kV",
                                       int(kLinePrefix.size()), kLinePrefix.data(), kv)
                                        .c_str()
                              : "'grid_upgrade.line_length_km' is not in the catalog",
                       shortMw));
    }
    if (const EconomicsEntry *expansion = rates.entry("grid_upgrade.substation_expansion")) {
        lines.push_back(
                {"Network upgrade (substation)", rates.value(*expansion),
                 format("1 expansion at the serving bus for the %.1f MW shortfall", shortMw),
                 expansion});
    } else {
        result.missing.push_back("network upgrade substation: 'grid_upgrade.substation_expansion' "
                                 "is not in the catalog");
    }
    return lines;
}

} // namespace planner
