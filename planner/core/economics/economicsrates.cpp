// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/economics/economicsrates.h"

#include <algorithm>
#include <string>

namespace planner {
namespace {

bool isMoney(const EconomicsEntry &e)
{
    return e.unit.rfind("USD", 0) == 0;
}

constexpr const char *kRateAfterId = "escalation.rate_after_index";

} // namespace

EconomicsRates::EconomicsRates(const EconomicsCatalog &catalog, const EconomicsInputs &options,
                               EconomicsResult &result)
    : m_catalog(catalog), m_options(options), m_result(result)
{}

void EconomicsRates::setPriceYear(int year, std::optional<double> rateAfter)
{
    m_priceYear = year;
    m_rateAfter = rateAfter;
}

const EconomicsEntry *EconomicsRates::entry(std::string_view id)
{
    const EconomicsEntry *e = m_catalog.find(id);
    if (e && (e->status == "assumption" || e->status == "proxy")
        && std::find(m_result.assumptions.begin(), m_result.assumptions.end(), e)
                == m_result.assumptions.end())
        m_result.assumptions.push_back(e);
    return e;
}

std::optional<double> EconomicsRates::value(std::string_view id)
{
    const EconomicsEntry *e = entry(id);
    if (!e)
        return std::nullopt;
    return value(*e);
}

double EconomicsRates::value(const EconomicsEntry &e)
{
    const auto o = m_options.overrides.find(e.id);
    const double raw = o != m_options.overrides.end() ? o->second : e.typical;
    return raw * escalation(e);
}

double EconomicsRates::escalation(const EconomicsEntry &e)
{
    if (!isMoney(e) || !e.priceYear)
        return 1.0;
    return escalation(*e.priceYear);
}

double EconomicsRates::escalation(int fromYear)
{
    if (fromYear == 0 || m_priceYear == 0)
        return 1.0;
    const EscalationIndex &index = m_catalog.escalation();
    if (m_rateAfter)
        return index.factor(fromYear, m_priceYear, *m_rateAfter);
    // Without the rate after the index, only years the index covers can be brought forward.
    const auto &years = index.values;
    auto covered = [&](int year) {
        return years.empty() || (year >= years.begin()->first && year <= years.rbegin()->first);
    };
    if (!covered(fromYear) || !covered(m_priceYear)) {
        if (!m_error)
            m_error = Error{std::string("economics catalog: entry '") + kRateAfterId
                            + "' is missing; it is needed to bring " + std::to_string(fromYear)
                            + " prices to " + std::to_string(m_priceYear)};
        return 1.0; // not used: the estimate returns the error
    }
    return index.factor(fromYear, m_priceYear, 0.0); // the rate is not read inside the index
}

} // namespace planner
