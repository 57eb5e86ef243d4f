// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/economics.h"

#include <cmath>
#include <cstdio>

namespace planner {
namespace {

std::string millions(double usd)
{
    char text[48];
    std::snprintf(text, sizeof(text), "%.2f M USD", usd / 1e6);
    return text;
}

std::string format(const char *pattern, double a, double b)
{
    char text[128];
    std::snprintf(text, sizeof(text), pattern, a, b);
    return text;
}

struct Share
{
    const char *id;
    const char *category;
};

constexpr Share kFacilityShares[] = {
        {"facility.share.critical_capacity", "Electrical and mechanical"},
        {"facility.share.shell", "Building shell"},
        {"facility.share.site_work", "Site work"},
        {"facility.share.white_space", "White-space build-out"},
        {"facility.share.back_of_house", "Back of house"},
        {"facility.share.office", "Office build-out"},
};

} // namespace

double capitalRecoveryFactor(double rate, int years)
{
    if (years <= 0)
        return 0.0;
    if (rate == 0.0)
        return 1.0 / years;
    const double growth = std::pow(1.0 + rate, years);
    return rate * growth / (growth - 1.0);
}

Expected<EconomicsResult> estimateEconomics(const PlanInput &input, const PlanResult &plan,
                                            const SiteConditions &site,
                                            const EconomicsCatalog &catalog,
                                            const EconomicsInputs &options)
{
    auto require = [&](const char *id) -> Expected<const EconomicsEntry *> {
        if (const EconomicsEntry *e = catalog.find(id))
            return e;
        return Error{std::string("economics catalog: entry '") + id + "' is missing"};
    };
    EconomicsResult r;
    auto rate = require("finance.discount_rate");
    auto horizon = require("finance.horizon_years");
    auto perMw = require("facility.cost_per_mw_it");
    auto maintenance = require("opex.maintenance_share");
    for (const auto *e : {&rate, &horizon, &perMw, &maintenance}) {
        if (!*e)
            return e->error();
    }
    r.discountRate = options.discountRate.value_or((*rate)->typical);
    r.horizonYears = options.horizonYears.value_or(int(std::lround((*horizon)->typical)));
    if (!std::isfinite(r.discountRate) || r.discountRate < 0.0 || r.discountRate >= 1.0)
        return Error{"discount rate: must be between 0 and 1 (e.g. 0.08 for 8 %)"};
    if (r.horizonYears < 1 || r.horizonYears > 60)
        return Error{"horizon: must be between 1 and 60 years"};
    const double itMw = plan.itLoad.value();
    if (!std::isfinite(itMw) || itMw <= 0.0)
        return Error{"the plan has no IT load to price"};

    // Facility: cost per MW of critical IT, split by category.
    r.facilityCapex = itMw * (*perMw)->typical;
    for (const Share &share : kFacilityShares) {
        const EconomicsEntry *e = catalog.find(share.id);
        if (!e) {
            r.missing.push_back(std::string("facility split '") + share.id
                                + "' is not in the catalog");
            continue;
        }
        char basis[128];
        std::snprintf(basis, sizeof(basis), "%.1f MW × %.2f M USD/MW × %.0f %%", itMw,
                      (*perMw)->typical / 1e6, e->typical * 100.0);
        r.capex.push_back({share.category, r.facilityCapex * e->typical, basis, e});
    }

    // Land at the site's price for the campus area.
    const double campusHa = plan.land.campus.value();
    if (site.landPrice.value() > 0.0 && campusHa > 0.0) {
        r.capex.push_back(
                {"Land", campusHa * site.landPrice.value(),
                 format("%.1f ha at %.0f USD/ha (site)", campusHa, site.landPrice.value()),
                 nullptr});
    } else {
        r.missing.push_back("land: no land price at the site");
    }

    // Grid connection: a line to the nearest substation of the interconnection class.
    const int kv = int(std::lround(plan.electrical.interconnection.value()));
    const std::string lineId = "transmission.per_km." + std::to_string(kv);
    const double km = plan.electrical.connectionDistanceKm;
    if (const EconomicsEntry *line = catalog.find(lineId); line && km >= 0.0) {
        r.capex.push_back({"Transmission extension", km * line->typical,
                           format("%.1f km at %.2f M USD/km", km, line->typical / 1e6), line});
    } else {
        r.missing.push_back(km < 0.0 ? "transmission: distance to the grid unknown"
                                     : "transmission: no line cost for " + std::to_string(kv)
                                            + " kV in the catalog");
    }
    if (options.newSubstation) {
        if (const EconomicsEntry *sub = catalog.find("substation.new")) {
            const int count = std::max(1, plan.electrical.substations);
            r.capex.push_back({"Substation", count * sub->typical,
                               std::to_string(count) + " × " + millions(sub->typical), sub});
        } else {
            r.missing.push_back("substation: no cost in the catalog");
        }
    }

    // IT: accelerators at the catalog price of the system.
    const std::string system =
            input.customAccelerator ? input.customAccelerator->id : input.acceleratorId;
    if (const EconomicsEntry *price = catalog.find("accelerator." + system)) {
        r.itCapex = double(plan.accelerators) * price->typical;
        r.capex.push_back({"IT (accelerators)", *r.itCapex,
                           format("%.0f × %.0f USD", double(plan.accelerators), price->typical),
                           price});
    } else {
        r.missing.push_back("IT: no price for '" + system + "' in the catalog");
    }
    for (const CostLine &line : r.capex)
        r.totalCapex += line.usd;

    // Opex: energy at the site's price, maintenance as a share of facility capex.
    r.energyPerYear = plan.annualEnergy.facility.value() * site.electricityPrice.value();
    if (site.electricityPrice.value() <= 0.0)
        r.missing.push_back("energy: no electricity price at the site");
    r.maintenancePerYear = r.facilityCapex * (*maintenance)->typical;
    r.opexPerYear = r.energyPerYear + r.maintenancePerYear;

    // Ownership over the horizon.
    const double crf = capitalRecoveryFactor(r.discountRate, r.horizonYears);
    r.annualisedCapex = r.totalCapex * crf;
    r.npvTco = r.totalCapex + r.opexPerYear / crf;
    r.usdPerMwIt = r.facilityCapex / itMw;
    const double yearly = r.annualisedCapex + r.opexPerYear;
    if (r.itCapex && plan.accelerators > 0)
        r.usdPerAcceleratorHour = yearly / (double(plan.accelerators) * kHoursPerYear);
    if (plan.annualEnergy.it.value() > 0.0)
        r.usdPerMwhIt = yearly / plan.annualEnergy.it.value();
    return r;
}

} // namespace planner
