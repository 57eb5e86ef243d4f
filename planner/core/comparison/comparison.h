// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The executive comparison of 2-6 build plans: the deciding figures side by side, each row with
// its unit and whether lower or higher is better, the best value of each row, the differences
// to a baseline plan (absolute and in %), and a ranked summary in plain sentences computed from
// those numbers. Every figure is read from the plan's own SiteEvaluation (and its site score),
// never recomputed here. Pure functions over plain values, safe on any thread.

#include "planner/core/evaluation/evaluation.h"

#include <optional>
#include <string>
#include <vector>

namespace planner {

struct ComparedPlan
{
    std::string name;
    std::optional<double> siteScore; // 0..100; none when the site has no score
    SiteEvaluation evaluation;
};

enum class Better { Lower, Higher, Neither };

struct ComparisonRow
{
    std::string id; // stable key, e.g. "capex_usd", "p50_phase_2"
    std::string label; // "Capex"
    std::string unit; // "USD", "months after start"
    Better better = Better::Neither;
    bool isMonth = false; // values are calendar months counted as year * 12 + (month - 1)
    std::vector<std::optional<double>> values; // one per plan; none where a plan has no figure
    std::optional<std::size_t> best; // the plan with the best value (rows with a direction)
    std::vector<std::optional<double>> difference; // value - baseline's value
    std::vector<std::optional<double>> percent; // difference / |baseline's value| × 100
};

struct Comparison
{
    std::vector<std::string> plans;
    std::size_t baseline = 0;
    std::vector<ComparisonRow> rows;
    std::vector<std::string> summary; // sentences, most deciding first
};

// Refuses fewer than two plans or a baseline out of range, naming what to change.
Expected<Comparison> compare(const std::vector<ComparedPlan> &plans, std::size_t baseline);

// A calendar month of a row value, "2031-04".
std::string monthText(double value);

} // namespace planner
