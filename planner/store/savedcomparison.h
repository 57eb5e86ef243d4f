// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the comparison view was last set to show, kept in the project (table
// energize_comparison, schema 4): the compared plans by name in column order, the baseline and
// the figures (row ids of planner::compare) the user hid. A plain value; empty means "the
// view's defaults" (the first plans, the first as baseline, every row).

#include <string>
#include <vector>

namespace planner {

struct SavedComparison
{
    std::vector<std::string> plans;
    std::string baseline;
    std::vector<std::string> hiddenRows;

    bool operator==(const SavedComparison &) const = default;
};

} // namespace planner
