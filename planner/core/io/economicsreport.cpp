// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/io/economicsreport.h"

#include "planner/core/io/textformat.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace planner {
namespace {

using text::format;
using text::row;

std::string money(double usd)
{
    char text[64];
    std::snprintf(text, sizeof(text), "%.1f M USD", usd / 1e6);
    return text;
}

} // namespace

std::string economicsToTable(const EconomicsResult &r)
{
    char text[192];
    std::snprintf(text, sizeof(text), "\nCost (%d prices)\n", r.priceYear);
    std::string out = text;
    auto mark = [](const CostLine &line) {
        return line.rate && (line.rate->status == "assumption" || line.rate->status == "proxy")
                ? std::string(" *")
                : std::string();
    };
    for (const CostLine &line : r.capex)
        out += row(line.category + mark(line), money(line.usd) + "  (" + line.basis + ")");
    out += row("capex, priced", money(r.totalCapex));
    out += "  Opex per year\n";
    for (const CostLine &line : r.opex)
        out += row("  " + line.category + mark(line), money(line.usd) + "  (" + line.basis + ")");
    out += row("opex per year", money(r.opexPerYear));
    std::snprintf(text, sizeof(text), "%.1f %% over %d years; IT renewed every %.0f years",
                  r.discountRate * 100.0, r.horizonYears, r.itLifeYears);
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
    if (r.usdPerMillionTokens) {
        std::snprintf(text, sizeof(text), "%.3f USD", *r.usdPerMillionTokens);
        out += row("per million tokens", text);
    } else {
        out += row("per million tokens",
                   "give economics.tokens_per_second_per_accelerator to price tokens");
    }
    for (const std::string &m : r.missing)
        out += row("not priced", m);
    if (!r.assumptions.empty()) {
        out += "  * assumption or proxy with no direct public source; replace with your own "
               "figures:\n";
        for (const EconomicsEntry *e : r.assumptions)
            out += "      " + e->id + " (" + e->name + ")\n";
    }
    return out;
}

std::string economicsToJson(const EconomicsResult &r)
{
    auto lines = [](const std::vector<CostLine> &list) {
        nlohmann::json out = nlohmann::json::array();
        for (const CostLine &line : list) {
            nlohmann::json l = {
                    {"category", line.category}, {"usd", line.usd}, {"basis", line.basis}};
            if (line.rate) {
                l["rate_id"] = line.rate->id;
                l["source"] = line.rate->source;
                l["year"] = line.rate->year;
                l["status"] = line.rate->status;
            } else {
                l["source"] = "site conditions or user input";
            }
            out.push_back(l);
        }
        return out;
    };
    nlohmann::json j;
    j["price_year"] = r.priceYear;
    j["capex"] = lines(r.capex);
    j["capex_total_usd"] = r.totalCapex;
    j["facility_capex_usd"] = r.facilityCapex;
    j["grid_capex_usd"] = r.gridCapex;
    j["land_capex_usd"] = r.landCapex;
    j["it_capex_usd"] = r.itCapex ? nlohmann::json(*r.itCapex) : nlohmann::json(nullptr);
    j["opex_per_year"] = lines(r.opex);
    j["opex_per_year_usd"] = r.opexPerYear;
    j["energy_per_year_usd"] = r.energyPerYear;
    j["maintenance_per_year_usd"] = r.maintenancePerYear;
    j["discount_rate"] = r.discountRate;
    j["horizon_years"] = r.horizonYears;
    j["it_life_years"] = r.itLifeYears;
    j["annualised_capex_usd"] = r.annualisedCapex;
    j["tco_npv_usd"] = r.npvTco;
    j["facility_capex_per_mw_it_usd"] = r.usdPerMwIt;
    j["usd_per_accelerator_hour"] = r.usdPerAcceleratorHour
            ? nlohmann::json(*r.usdPerAcceleratorHour)
            : nlohmann::json(nullptr);
    j["usd_per_mwh_it"] = r.usdPerMwhIt;
    j["usd_per_million_tokens"] = r.usdPerMillionTokens ? nlohmann::json(*r.usdPerMillionTokens)
                                                        : nlohmann::json(nullptr);
    j["not_priced"] = r.missing;
    j["assumptions"] = nlohmann::json::array();
    for (const EconomicsEntry *e : r.assumptions)
        j["assumptions"].push_back({{"id", e->id}, {"name", e->name}, {"status", e->status}});
    return j.dump(2);
}

} // namespace planner
