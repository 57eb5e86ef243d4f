// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The rates of the first cost estimate (resources/catalog/economics.json): each entry a
// min/typical/max figure with unit, source, year and status. Loaded once, then read-only and
// safe to share between threads.

#include "planner/core/expected.h"

#include <filesystem>
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
    std::string status; // stated, secondary, derived or assumption
};

class EconomicsCatalog
{
public:
    static Expected<EconomicsCatalog> fromJson(std::string_view text, std::string_view fileName);
    static Expected<EconomicsCatalog> load(const std::filesystem::path &file);

    const EconomicsEntry *find(std::string_view id) const;
    const std::vector<EconomicsEntry> &entries() const { return m_entries; }

private:
    std::vector<EconomicsEntry> m_entries;
};

} // namespace planner
