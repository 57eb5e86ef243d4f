// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Catalog figures as the cost model reads them: the typical value or the caller's override,
// money escalated from the entry's price year to the plan's. Remembers the assumptions it hands
// out in the result. A figure it cannot give (an escalation outside the price index with no
// rate after it) is kept as error(), for estimateEconomics to return. One instance per
// estimate, on the estimate's thread; it refers to, and must not outlive, its three arguments.

#include "planner/core/catalog/economicscatalog.h"
#include "planner/core/common/expected.h"
#include "planner/core/economics/economics.h"

#include <optional>
#include <string_view>

namespace planner {

class EconomicsRates
{
public:
    EconomicsRates(const EconomicsCatalog &catalog, const EconomicsInputs &options,
                   EconomicsResult &result);

    // The plan's price year (0: no escalation); `rateAfter` extends the index past its years,
    // none when the catalog has no such rate.
    void setPriceYear(int year, std::optional<double> rateAfter);

    const EconomicsEntry *entry(std::string_view id);
    // The value of `id`, or none when the catalog lacks it.
    std::optional<double> value(std::string_view id);
    double value(const EconomicsEntry &e);
    double escalation(const EconomicsEntry &e);
    // From prices of `fromYear` (0: already in the plan's prices) to the plan's.
    double escalation(int fromYear);

    const std::optional<Error> &error() const { return m_error; }

private:
    const EconomicsCatalog &m_catalog;
    const EconomicsInputs &m_options;
    EconomicsResult &m_result;
    int m_priceYear = 0;
    std::optional<double> m_rateAfter;
    std::optional<Error> m_error;
};

} // namespace planner
