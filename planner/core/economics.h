// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A first cost estimate of a sized plan: capex by category (facility split, land, grid
// connection, IT), opex per year (energy, maintenance), annualised capex, the NPV of the total
// cost of ownership and unit metrics. Every rate comes from the EconomicsCatalog or the site;
// what no rate covers is listed in `missing`, never priced at zero. A pure function of values:
// any thread, microseconds.

#include "planner/core/economicscatalog.h"
#include "planner/core/planinput.h"
#include "planner/core/planresult.h"
#include "planner/core/siteconditions.h"

#include <optional>
#include <string>
#include <vector>

namespace planner {

struct EconomicsInputs
{
    std::optional<double> discountRate; // per year, 0..1; default: finance.discount_rate
    std::optional<int> horizonYears; // default: finance.horizon_years
    bool newSubstation = true; // the campus needs its own transformer bank
};

struct CostLine
{
    std::string category; // "Shell", "Land", "Transmission extension", "IT (accelerators)"…
    double usd = 0.0;
    std::string basis; // how it was computed, e.g. "100.1 MW × 11.7 M USD/MW × 21 %"
    const EconomicsEntry *rate = nullptr; // the catalog entry behind it; null for site values
};

struct EconomicsResult
{
    std::vector<CostLine> capex;
    double facilityCapex = 0.0;
    std::optional<double> itCapex; // none when the catalog has no price for the system
    double totalCapex = 0.0; // everything priced
    double energyPerYear = 0.0;
    double maintenancePerYear = 0.0;
    double opexPerYear = 0.0;
    double discountRate = 0.0;
    int horizonYears = 0;
    double annualisedCapex = 0.0; // totalCapex × capital recovery factor
    double npvTco = 0.0; // totalCapex + discounted opex over the horizon
    double usdPerMwIt = 0.0; // facility capex per MW of critical IT
    std::optional<double> usdPerAcceleratorHour; // (annualised capex + opex) / accelerator-hours
    double usdPerMwhIt = 0.0; // (annualised capex + opex) / MWh delivered to IT
    std::vector<std::string> missing; // what could not be priced, and why
};

// Capital recovery factor: the share of a capital sum paid each year to repay it over n years.
double capitalRecoveryFactor(double rate, int years);

Expected<EconomicsResult> estimateEconomics(const PlanInput &input, const PlanResult &plan,
                                            const SiteConditions &site,
                                            const EconomicsCatalog &catalog,
                                            const EconomicsInputs &options = {});

} // namespace planner
