// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How the report prints numbers, in one place so that every page (and the tests that read the
// PDF back) agree: English digit grouping whatever the locale, money in millions of USD with
// one decimal, calendar months as YYYY-MM. Pure functions.

#include "planner/core/schedule/scheduleunits.h"

#include <QString>

#include <optional>

namespace planner {
struct ComparisonRow;
}

namespace app::report {

// 1,234.57 with `decimals` decimals and English grouping.
QString number(double v, int decimals);
// "4,101.2 M USD"
QString millionsUsd(double usd);
// "2029-04"
QString monthText(planner::YearMonth m);
// "12.5 %" of a share 0..1
QString percent(double share, int decimals = 1);
// A comparison cell: months as YYYY-MM, USD in millions, other figures by magnitude; "—"
// when the plan has no figure.
QString comparisonValue(const planner::ComparisonRow &row, const std::optional<double> &v);
// The row's unit as the table heads it ("M USD" for USD rows, none for months).
QString comparisonUnit(const planner::ComparisonRow &row);

} // namespace app::report
