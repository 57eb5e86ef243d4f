// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The cost of a sized plan: capex by category (land, site work, shell, electrical by share and
// redundancy, mechanical by cooling architecture, substation by MVA, transmission by km and
// voltage class, utility network upgrades (sized from the shortfall below the grid's headroom
// when the site has a headroom study), IT with networking and storage, soft costs and
// contingency), opex per year (energy, demand charges, water, maintenance, staff, insurance,
// property tax, line upkeep), annualised capex with IT renewed over its own life, the NPV of the
// total cost of ownership and unit metrics. Every rate comes from the EconomicsCatalog, the site
// or the user, and every money figure is escalated to the plan's price year; what nothing
// covers is listed in `missing`, never priced at zero. A pure function of values: any thread,
// microseconds.

#include "planner/core/catalog/economicscatalog.h"
#include "planner/core/site/siteconditions.h"
#include "planner/core/sizing/planinput.h"
#include "planner/core/sizing/planresult.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace planner {

// On-site power that runs the first phase before the grid connection (see the schedule).
struct BridgingPower
{
    std::string name;
    double kilowatts = 0.0; // capacity to buy
    double usdPerKw = 0.0;
    std::string source; // catalog entry id of the rate
    int priceYear = 0; // 0: already in the plan's prices
};

struct EconomicsInputs
{
    std::optional<double> discountRate; // per year, 0..1; default: finance.discount_rate
    std::optional<int> horizonYears; // default: finance.horizon_years
    std::optional<int> priceYear; // the year of the plan's prices; default: the catalog's
    bool newSubstation = true; // the campus needs its own transformers and switching station
    // Inference throughput of one accelerator, for the cost per million tokens; none: not priced.
    std::optional<double> tokensPerSecondPerAccelerator;
    // The utility's demand charge on the monthly peak, USD per kW-month; none: energy only.
    std::optional<double> demandChargeUsdPerKwMonth;
    // Network upgrades from the utility's facilities study; none: the upgrade of the shortfall
    // below the site's grid headroom (none when the plan fits), or without a headroom study the
    // catalog rate per MW.
    std::optional<double> networkUpgradesUsd;
    std::optional<BridgingPower> bridging;
    // Values that replace the typical figure of catalog entries (entry id -> value); the
    // sensitivity analysis moves inputs through these.
    std::map<std::string, double, std::less<>> overrides;
};

struct CostLine
{
    std::string category; // "Building shell", "Land", "Transmission extension", "Water"…
    double usd = 0.0; // capex: once; opex: per year
    std::string basis; // how it was computed, e.g. "100.0 MW × 11.70 M USD/MW × 21 %"
    const EconomicsEntry *rate = nullptr; // the main catalog entry behind it; null for site values
};

// What a capex line pays for; the cash flow spends each group on its own schedule.
enum class CapexGroup { Land, Facility, Grid, It };

struct EconomicsResult
{
    int priceYear = 0;
    std::vector<CostLine> capex;
    std::vector<CapexGroup> capexGroups; // one per capex line
    std::vector<CostLine> opex; // per year at full build
    double facilityCapex = 0.0; // construction incl. electrical, mechanical, soft, contingency
    double gridCapex = 0.0; // line, substation, network upgrades, bridging, grid contingency
    double landCapex = 0.0;
    std::optional<double> itCapex; // none when the catalog has no price for the system
    double totalCapex = 0.0; // everything priced
    double energyPerYear = 0.0;
    double maintenancePerYear = 0.0;
    double opexPerYear = 0.0;
    double discountRate = 0.0;
    int horizonYears = 0;
    double itLifeYears = 0.0;
    double annualisedCapex = 0.0; // non-IT over the horizon, IT over its life
    double npvTco = 0.0; // capex, IT renewals and discounted opex over the horizon
    double usdPerMwIt = 0.0; // facility capex (no grid, land or IT) per MW of critical IT
    std::optional<double> usdPerAcceleratorHour; // (annualised capex + opex) / accelerator-hours
    double usdPerMwhIt = 0.0; // (annualised capex + opex) / MWh delivered to IT
    std::optional<double> usdPerMillionTokens; // given tokens/s per accelerator
    std::vector<std::string> missing; // what could not be priced, and why
    std::vector<const EconomicsEntry *> assumptions; // entries used that have no public source
};

// Capital recovery factor: the share of a capital sum paid each year to repay it over n years.
double capitalRecoveryFactor(double rate, int years);

Expected<EconomicsResult> estimateEconomics(const PlanInput &input, const PlanResult &plan,
                                            const SiteConditions &site,
                                            const EconomicsCatalog &catalog,
                                            const EconomicsInputs &options = {});

} // namespace planner
