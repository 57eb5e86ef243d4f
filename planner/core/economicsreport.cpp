// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/economicsreport.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace planner {
namespace {

std::string row(const std::string &label, const std::string &value)
{
    char text[256];
    std::snprintf(text, sizeof(text), "  %-38s %s\n", label.c_str(), value.c_str());
    return text;
}

std::string money(double usd)
{
    char text[64];
    std::snprintf(text, sizeof(text), "%.1f M USD", usd / 1e6);
    return text;
}

} // namespace

std::string economicsToTable(const EconomicsResult &r)
{
    std::string out = "\nCost (first estimate)\n";
    for (const CostLine &line : r.capex)
        out += row(line.category, money(line.usd) + "  (" + line.basis + ")");
    out += row("capex, priced", money(r.totalCapex));
    out += row("energy per year", money(r.energyPerYear));
    out += row("maintenance per year", money(r.maintenancePerYear));
    char text[128];
    std::snprintf(text, sizeof(text), "%.1f %% over %d years", r.discountRate * 100.0,
                  r.horizonYears);
    out += row("discounting", text);
    out += row("annualised capex", money(r.annualisedCapex));
    out += row("TCO (net present value)", money(r.npvTco));
    out += row("facility capex per MW IT", money(r.usdPerMwIt));
    if (r.usdPerAcceleratorHour) {
        std::snprintf(text, sizeof(text), "%.2f USD", *r.usdPerAcceleratorHour);
        out += row("per accelerator-hour", text);
    }
    std::snprintf(text, sizeof(text), "%.0f USD", r.usdPerMwhIt);
    out += row("per MWh delivered to IT", text);
    for (const std::string &m : r.missing)
        out += row("not priced", m);
    return out;
}

std::string economicsToJson(const EconomicsResult &r)
{
    nlohmann::json j;
    for (const CostLine &line : r.capex) {
        nlohmann::json l = {{"category", line.category}, {"usd", line.usd}, {"basis", line.basis}};
        if (line.rate) {
            l["rate_id"] = line.rate->id;
            l["source"] = line.rate->source;
            l["year"] = line.rate->year;
            l["status"] = line.rate->status;
        } else {
            l["source"] = "site conditions";
        }
        j["capex"].push_back(l);
    }
    j["capex_total_usd"] = r.totalCapex;
    j["it_capex_usd"] = r.itCapex ? nlohmann::json(*r.itCapex) : nlohmann::json(nullptr);
    j["energy_per_year_usd"] = r.energyPerYear;
    j["maintenance_per_year_usd"] = r.maintenancePerYear;
    j["discount_rate"] = r.discountRate;
    j["horizon_years"] = r.horizonYears;
    j["annualised_capex_usd"] = r.annualisedCapex;
    j["tco_npv_usd"] = r.npvTco;
    j["facility_capex_per_mw_it_usd"] = r.usdPerMwIt;
    j["usd_per_accelerator_hour"] = r.usdPerAcceleratorHour
            ? nlohmann::json(*r.usdPerAcceleratorHour)
            : nlohmann::json(nullptr);
    j["usd_per_mwh_it"] = r.usdPerMwhIt;
    j["not_priced"] = r.missing;
    return j.dump(2);
}

} // namespace planner
