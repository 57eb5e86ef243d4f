// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Unit types used by the schedule: construction rates, bridging-power capex and calendar months.
// Plain values, trivially copyable and safe on any thread. Kept apart from units.h so that the
// schedule can grow its own units without touching the shared header.

#include "planner/core/common/units.h"

#include <cmath>
#include <compare>

namespace planner {

struct KilometresPerMonthTag;
struct UsdPerKilowattTag;

using KilometresPerMonth = Quantity<KilometresPerMonthTag>;
using UsdPerKilowatt = Quantity<UsdPerKilowattTag>;

// A calendar month, e.g. {2026, 11}. Month is 1..12.
struct YearMonth
{
    int year = 0;
    int month = 1;

    constexpr auto operator<=>(const YearMonth &) const = default;

    // Calendar month reached after `elapsed` from the first day of this month. A fraction of a
    // month rounds up to the next month: a task ending at 3.2 months is done in the 4th month.
    YearMonth plus(Months elapsed) const
    {
        const int whole = static_cast<int>(std::ceil(elapsed.value()));
        const int index = year * 12 + (month - 1) + (whole > 0 ? whole - 1 : 0);
        return YearMonth{index / 12, index % 12 + 1};
    }

    bool valid() const { return month >= 1 && month <= 12; }
};

} // namespace planner
