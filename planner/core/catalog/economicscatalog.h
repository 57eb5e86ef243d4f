// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The rates of the cost model (resources/catalog/economics.json): each entry a min/typical/max
// figure with unit, source, year and status, and for money the year of its prices; plus the
// price index that brings old figures to the plan's year. Loaded once, then read-only and safe
// to share between threads.

#include "planner/core/catalog/figure.h"
#include "planner/core/common/expected.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planner {

struct EconomicsEntry
{
    std::string id;
    std::string name;
    double min = 0.0;
    double typical = 0.0;
    double max = 0.0;
    std::string unit;
    std::string source;
    std::string year;
    std::string status; // one of kFigureStatuses (figure.h)
    std::string note; // how the figure was read or derived (the formula of a derived price)
    std::optional<int> priceYear; // the year of the prices of a money figure
};

// Units of an accelerator system's price entry ("accelerator.<system id>").
inline constexpr std::string_view kPricePerAccelerator = "USD/accelerator";
inline constexpr std::string_view kPricePerRack = "USD/rack"; // for racks without accelerators

// A yearly price index (CPI-U in the shipped catalog). Years between two entries are
// interpolated geometrically; years after the last grow at a given rate per year.
struct EscalationIndex
{
    std::string name;
    std::string source;
    std::map<int, double> values; // year -> index
    int defaultPriceYear = 0; // the plan's price year when the user gives none

    // Index of `year`; `rateAfter` extends the series past its last year (and before its first).
    double at(int year, double rateAfter) const;
    // Multiplier that brings a price of `from` to the prices of `to`; 1 when the index is empty.
    double factor(int from, int to, double rateAfter) const;
};

class EconomicsCatalog
{
public:
    static Expected<EconomicsCatalog> fromJson(std::string_view text, std::string_view fileName);
    static Expected<EconomicsCatalog> load(const std::filesystem::path &file);

    const EconomicsEntry *find(std::string_view id) const;
    const std::vector<EconomicsEntry> &entries() const { return m_entries; }
    const EscalationIndex &escalation() const { return m_escalation; }

private:
    std::vector<EconomicsEntry> m_entries;
    EscalationIndex m_escalation;
};

} // namespace planner
