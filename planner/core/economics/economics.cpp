// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/economics/economics.h"

#include "planner/core/catalog/pricecoverage.h"
#include "planner/core/economics/economicsrates.h"
#include "planner/core/economics/gridupgradecost.h"
#include "planner/core/io/textformat.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace planner {
namespace {

using text::format;

std::string millions(double usd)
{
    char text[48];
    std::snprintf(text, sizeof(text), "%.2f M USD", usd / 1e6);
    return text;
}

struct Share
{
    const char *id;
    const char *category;
};

constexpr Share kBuildingShares[] = {
        {"facility.share.site_work", "Site work"},
        {"facility.share.shell", "Building shell"},
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
    EconomicsResult r;
    EconomicsRates rates(catalog, options, r);
    for (const char *id : {"finance.discount_rate", "finance.horizon_years",
                           "facility.cost_per_mw_it", "opex.maintenance_share"}) {
        if (!catalog.find(id))
            return Error{std::string("economics catalog: entry '") + id + "' is missing"};
    }
    for (const auto &[id, value] : options.overrides) {
        if (!catalog.find(id))
            return Error{"economics: no catalog entry '" + id + "' to override"};
        if (!std::isfinite(value))
            return Error{"economics: the value given for '" + id + "' is not a number"};
    }
    r.discountRate = options.discountRate.value_or(*rates.value("finance.discount_rate"));
    r.horizonYears =
            options.horizonYears.value_or(int(std::lround(*rates.value("finance.horizon_years"))));
    if (!std::isfinite(r.discountRate) || r.discountRate < 0.0 || r.discountRate >= 1.0)
        return Error{"discount rate: must be between 0 and 1 (e.g. 0.08 for 8 %)"};
    if (r.horizonYears < 1 || r.horizonYears > 60)
        return Error{"horizon: must be between 1 and 60 years"};
    r.priceYear = options.priceYear.value_or(catalog.escalation().defaultPriceYear);
    if (r.priceYear != 0 && (r.priceYear < 1990 || r.priceYear > 2100))
        return Error{"price year: must be a year between 1990 and 2100"};
    rates.setPriceYear(r.priceYear, rates.value("escalation.rate_after_index"));
    const double itMw = plan.itLoad.value();
    if (!std::isfinite(itMw) || itMw <= 0.0)
        return Error{"the plan has no IT load to price"};
    for (const auto &[what, value] :
         {std::pair{"tokens per second per accelerator", options.tokensPerSecondPerAccelerator},
          std::pair{"demand charge", options.demandChargeUsdPerKwMonth},
          std::pair{"network upgrades", options.networkUpgradesUsd}}) {
        if (value && (!std::isfinite(*value) || *value < 0.0))
            return Error{std::string(what) + ": must be a number of 0 or more"};
    }

    auto add = [&r](CapexGroup group, CostLine line) {
        r.capex.push_back(std::move(line));
        r.capexGroups.push_back(group);
    };

    // Land at the site's price for the campus area; the catalog's national figure otherwise.
    const double campusHa = plan.land.campus.value();
    const std::optional<double> landBand = rates.value("site.land_price_band");
    if (!landBand)
        r.missing.push_back("land price band: 'site.land_price_band' is not in the catalog; "
                            "land is priced without it");
    auto banded = [](double price, std::optional<double> band) {
        return band ? price * *band : price;
    };
    if (site.landPrice.value() > 0.0 && campusHa > 0.0) {
        const double perHa = banded(site.landPrice.value(), landBand);
        add(CapexGroup::Land,
            {"Land", campusHa * perHa, format("%.1f ha at %.0f USD/ha (site)", campusHa, perHa),
             nullptr});
    } else if (const EconomicsEntry *land = rates.entry("land.price_per_ha");
               land && campusHa > 0.0) {
        const double perHa = banded(rates.value(*land), landBand);
        add(CapexGroup::Land,
            {"Land", campusHa * perHa,
             format("%.1f ha at %.0f USD/ha (no site price: catalog average)", campusHa, perHa),
             land});
    } else {
        r.missing.push_back("land: no land price at the site or in the catalog");
    }

    // Facility construction: cost per MW of critical IT, split by category; electrical and
    // mechanical adjusted for redundancy and cooling architecture.
    const EconomicsEntry *perMw = rates.entry("facility.cost_per_mw_it");
    const double base = itMw * rates.value(*perMw);
    double construction = 0.0;
    auto facilityLine = [&](const char *category, double usd, std::string basis,
                            const EconomicsEntry *rate) {
        construction += usd;
        add(CapexGroup::Facility, {category, usd, std::move(basis), rate});
    };
    for (const Share &share : kBuildingShares) {
        const EconomicsEntry *e = rates.entry(share.id);
        if (!e) {
            r.missing.push_back(std::string("facility split '") + share.id
                                + "' is not in the catalog");
            continue;
        }
        const double s = rates.value(*e);
        facilityLine(share.category, base * s,
                     format("%.1f MW × %.2f M USD/MW × %.1f %%", itMw, rates.value(*perMw) / 1e6,
                            s * 100.0),
                     e);
    }
    auto electricalAndMechanical = [&](double criticalUsd, double share,
                                       const EconomicsEntry *critical) {
        const bool twoN = input.ups == Redundancy::TwoN || input.generators == Redundancy::TwoN;
        const std::optional<double> redundancy =
                twoN ? rates.value("electrical.factor.2N") : std::nullopt;
        if (twoN && !redundancy) {
            r.missing.push_back("electrical: 'electrical.factor.2N' is not in the catalog to "
                                "price 2N redundancy");
        } else {
            facilityLine("Electrical (MV, UPS, generators)",
                         twoN ? criticalUsd * share * *redundancy : criticalUsd * share,
                         format("%.1f %% of %s%s", share * 100.0, millions(criticalUsd).c_str(),
                                twoN ? format(" × %.2f for 2N", *redundancy).c_str() : ""),
                         critical);
        }
        const std::string mechanicalId = "mechanical.factor." + input.coolingId;
        const EconomicsEntry *mechanical = rates.entry(mechanicalId);
        if (!mechanical) {
            r.missing.push_back("mechanical: '" + mechanicalId
                                + "' is not in the catalog to price this cooling");
            return;
        }
        const double factor = rates.value(*mechanical);
        facilityLine("Mechanical (cooling)", criticalUsd * (1.0 - share) * factor,
                     format("%.1f %% of %s × %.2f (%s)", (1.0 - share) * 100.0,
                            millions(criticalUsd).c_str(), factor, input.coolingId.c_str()),
                     mechanical);
    };
    if (const EconomicsEntry *critical = rates.entry("facility.share.critical_capacity")) {
        const double criticalUsd = base * rates.value(*critical);
        const std::optional<double> electricalShare = rates.value("electrical.share_of_critical");
        if (electricalShare)
            electricalAndMechanical(criticalUsd, *electricalShare, critical);
        else
            r.missing.push_back("electrical and mechanical: 'electrical.share_of_critical' is not "
                                "in the catalog to split the critical capacity between them");
    } else {
        r.missing.push_back("electrical and mechanical: no share in the catalog");
    }
    if (const EconomicsEntry *soft = rates.entry("capex.soft_costs_share")) {
        const double s = rates.value(*soft);
        facilityLine(
                "Soft costs", construction * s,
                format("%.1f %% of %s construction", s * 100.0, millions(construction).c_str()),
                soft);
    }
    if (const EconomicsEntry *contingency = rates.entry("capex.contingency.facility")) {
        const double s = rates.value(*contingency);
        facilityLine("Contingency (facility)", construction * s,
                     format("%.1f %% of %s", s * 100.0, millions(construction).c_str()),
                     contingency);
    }
    r.facilityCapex = construction;

    // Grid connection: the line to the nearest substation of the interconnection class, the
    // campus substation by MVA, the utility's network upgrades and bridging power.
    double gridWorks = 0.0;
    auto gridLine = [&](std::string category, double usd, std::string basis,
                        const EconomicsEntry *rate, bool works) {
        r.gridCapex += usd;
        if (works)
            gridWorks += usd;
        add(CapexGroup::Grid, {std::move(category), usd, std::move(basis), rate});
    };
    const int kv = int(std::lround(plan.electrical.interconnection.value()));
    const double km = plan.electrical.connectionDistanceKm;
    const EconomicsEntry *line = rates.entry("transmission.per_km." + std::to_string(kv));
    const std::optional<double> route =
            line && km >= 0.0 ? rates.value("transmission.route_factor") : std::nullopt;
    if (line && route) {
        gridLine("Transmission extension", km * *route * rates.value(*line),
                 format("%.1f km × %.2f route × %.2f M USD/km (%d kV)", km, *route,
                        rates.value(*line) / 1e6, kv),
                 line, true);
    } else if (line && km >= 0.0) {
        r.missing.push_back("transmission: 'transmission.route_factor' is not in the catalog "
                            "to turn the straight-line distance into a route");
    } else {
        r.missing.push_back(km < 0.0 ? "transmission: distance to the grid unknown"
                                     : "transmission: no line cost for " + std::to_string(kv)
                                            + " kV in the catalog");
    }
    if (options.newSubstation) {
        const EconomicsEntry *perMva = rates.entry("substation.transformer_per_mva");
        const EconomicsEntry *switching = rates.entry("substation.switching");
        if (perMva && switching) {
            const double mva = plan.electrical.transformers.installed();
            const int count = std::max(1, plan.electrical.substations);
            gridLine("Substation", mva * rates.value(*perMva) + count * rates.value(*switching),
                     format("%.0f MVA × %.0f USD/MVA + %d × %s switching", mva,
                            rates.value(*perMva), count, millions(rates.value(*switching)).c_str()),
                     perMva, true);
        } else {
            r.missing.push_back("substation: no cost per MVA or switching station in the catalog");
        }
    }
    const double peakMw = plan.electrical.peakFacilityLoad.value();
    // Network upgrades: the utility's facilities study, else the site's headroom study (the
    // shortfall's upgrade, none when the plan fits), else the catalog's allowance per MW.
    const std::optional<GridFit> fit = gridFit(plan, site, input.gridCriterion);
    if (options.networkUpgradesUsd) {
        gridLine("Network upgrades", *options.networkUpgradesUsd, "utility facilities study",
                 nullptr, false);
    } else if (fit) {
        for (CostLine &l : gridUpgradeLines(*fit, plan, catalog, rates, r))
            gridLine(std::move(l.category), l.usd, std::move(l.basis), l.rate, false);
    } else if (const EconomicsEntry *up = rates.entry("interconnection.network_upgrades_per_mw")) {
        gridLine("Network upgrades", peakMw * rates.value(*up),
                 format("%.1f MW peak × %.0f USD/MW", peakMw, rates.value(*up)), up, false);
    }
    if (gridWorks > 0.0) {
        if (const EconomicsEntry *contingency = rates.entry("capex.contingency.grid")) {
            const double s = rates.value(*contingency);
            gridLine("Contingency (grid)", gridWorks * s,
                     format("%.1f %% of %s", s * 100.0, millions(gridWorks).c_str()), contingency,
                     false);
        }
    }
    if (options.bridging) {
        const BridgingPower &b = *options.bridging;
        const double perKw = b.usdPerKw * rates.escalation(b.priceYear);
        gridLine("Bridging power", b.kilowatts * perKw,
                 format("%s: %.0f kW × %.0f USD/kW (%s)", b.name.c_str(), b.kilowatts, perKw,
                        b.source.c_str()),
                 nullptr, false);
        r.missing.push_back("bridging: fuel and running cost of on-site power before the grid "
                            "connection (energy is priced at the site's grid price)");
    }

    // IT: accelerators at the catalog price of the system, plus networking and storage.
    const std::string system =
            input.customAccelerator ? input.customAccelerator->id : input.acceleratorId;
    if (const EconomicsEntry *price = rates.entry(acceleratorPriceId(system))) {
        // Priced per accelerator, or per rack for a rack without accelerators (CPU, storage).
        const bool perRack = price->unit == kPricePerRack;
        const double units = perRack ? double(plan.racks) : double(plan.accelerators);
        const double accelerators = units * rates.value(*price);
        double it = accelerators;
        add(CapexGroup::It,
            {perRack ? "IT (racks)" : "IT (accelerators)", accelerators,
             format(perRack ? "%.0f racks × %.0f USD" : "%.0f × %.0f USD", units,
                    rates.value(*price)),
             price});
        for (const auto &[id, category] : {std::pair{"it.networking_share", "IT (networking)"},
                                           std::pair{"it.storage_share", "IT (storage)"}}) {
            if (const EconomicsEntry *share = rates.entry(id)) {
                const double s = rates.value(*share);
                it += accelerators * s;
                add(CapexGroup::It,
                    {category, accelerators * s, format("%.1f %% of accelerator capex", s * 100.0),
                     share});
            }
        }
        r.itCapex = it;
    } else {
        r.missing.push_back("IT: no price for '" + system + "' in the catalog");
    }
    for (std::size_t i = 0; i < r.capex.size(); ++i) {
        r.totalCapex += r.capex[i].usd;
        if (r.capexGroups[i] == CapexGroup::Land)
            r.landCapex += r.capex[i].usd;
    }

    // Opex per year at full build.
    auto opex = [&r](std::string category, double usd, std::string basis,
                     const EconomicsEntry *rate) {
        r.opexPerYear += usd;
        r.opex.push_back({std::move(category), usd, std::move(basis), rate});
    };
    const std::optional<double> priceBand = rates.value("opex.electricity_price_band");
    if (!priceBand)
        r.missing.push_back("electricity price band: 'opex.electricity_price_band' is not in the "
                            "catalog; energy is priced without it");
    const double price = banded(site.electricityPrice.value(), priceBand);
    const double facilityMwh = plan.annualEnergy.facility.value();
    r.energyPerYear = facilityMwh * price;
    opex("Energy", r.energyPerYear, format("%.0f MWh × %.1f USD/MWh (site)", facilityMwh, price),
         nullptr);
    if (site.electricityPrice.value() <= 0.0)
        r.missing.push_back("energy: no electricity price at the site");
    if (options.demandChargeUsdPerKwMonth) {
        opex("Demand charges", peakMw * 1000.0 * *options.demandChargeUsdPerKwMonth * 12.0,
             format("%.1f MW peak × %.2f USD/kW-month × 12", peakMw,
                    *options.demandChargeUsdPerKwMonth),
             nullptr);
    }
    if (const EconomicsEntry *water = rates.entry("opex.water_price_per_m3")) {
        const double m3 = plan.cooling.waterPerYear.value();
        opex("Water", m3 * rates.value(*water),
             format("%.0f m³ × %.2f USD/m³", m3, rates.value(*water)), water);
    } else {
        r.missing.push_back("water: no water price in the catalog");
    }
    if (const EconomicsEntry *maintenance = rates.entry("opex.maintenance_share")) {
        r.maintenancePerYear = r.facilityCapex * rates.value(*maintenance);
        opex("Maintenance", r.maintenancePerYear,
             format("%.1f %% of facility capex", rates.value(*maintenance) * 100.0), maintenance);
    }
    if (const EconomicsEntry *upkeep = rates.entry("opex.transmission_om_share");
        upkeep && gridWorks > 0.0) {
        opex("Line and substation upkeep", gridWorks * rates.value(*upkeep),
             format("%.1f %% of %s", rates.value(*upkeep) * 100.0, millions(gridWorks).c_str()),
             upkeep);
    }
    const EconomicsEntry *fte = rates.entry("opex.staff_fte_per_mw");
    const EconomicsEntry *wage = rates.entry("opex.staff_cost_per_fte");
    if (fte && wage) {
        const double people = rates.value(*fte) * itMw;
        opex("Staff", people * rates.value(*wage),
             format("%.0f FTE × %.0f USD", people, rates.value(*wage)), fte);
    } else {
        r.missing.push_back("staff: no staffing rate or cost per FTE in the catalog");
    }
    const double it = r.itCapex.value_or(0.0);
    if (const EconomicsEntry *insurance = rates.entry("opex.insurance_share")) {
        const double insured = r.facilityCapex + r.gridCapex;
        opex("Insurance", insured * rates.value(*insurance),
             format("%.2f %% of %s", rates.value(*insurance) * 100.0, millions(insured).c_str()),
             insurance);
    }
    if (const EconomicsEntry *tax = rates.entry("opex.property_tax_share")) {
        const double assessed = r.facilityCapex + it;
        opex("Property tax", assessed * rates.value(*tax),
             format("%.2f %% of %s", rates.value(*tax) * 100.0, millions(assessed).c_str()), tax);
    }

    // Ownership over the horizon: IT renewed every `itLife` years at the same price.
    const std::optional<double> itLife = rates.value("it.lifetime_years");
    if (!itLife)
        return Error{"economics catalog: entry 'it.lifetime_years' is missing; the TCO needs "
                     "the life of the IT to renew it"};
    if (rates.error())
        return *rates.error();
    r.itLifeYears = *itLife;
    if (!(r.itLifeYears >= 1.0))
        return Error{"it.lifetime_years: must be at least 1 year"};
    const double crf = capitalRecoveryFactor(r.discountRate, r.horizonYears);
    const double itCrf = capitalRecoveryFactor(r.discountRate, int(std::lround(r.itLifeYears)));
    const double nonIt = r.totalCapex - it;
    r.annualisedCapex = nonIt * crf + it * itCrf;
    r.npvTco = nonIt + it * itCrf / crf + r.opexPerYear / crf;
    r.usdPerMwIt = r.facilityCapex / itMw;
    const double yearly = r.annualisedCapex + r.opexPerYear;
    if (r.itCapex && plan.accelerators > 0) {
        r.usdPerAcceleratorHour = yearly / (double(plan.accelerators) * kHoursPerYear);
        if (options.tokensPerSecondPerAccelerator && *options.tokensPerSecondPerAccelerator > 0.0) {
            const double tokens = double(plan.accelerators) * *options.tokensPerSecondPerAccelerator
                    * 3600.0 * kHoursPerYear * input.averageItLoadFraction;
            if (tokens > 0.0)
                r.usdPerMillionTokens = yearly / tokens * 1e6;
        }
    }
    if (plan.annualEnergy.it.value() > 0.0)
        r.usdPerMwhIt = yearly / plan.annualEnergy.it.value();
    return r;
}

} // namespace planner
