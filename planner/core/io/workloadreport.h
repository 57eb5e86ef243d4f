// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A plan sized from a served workload, its router savings and the per-MW comparison of systems,
// as text for the command line: a readable table, or JSON. Pure functions.

#include "planner/core/catalog/catalog.h"
#include "planner/core/comparison/systemcomparison.h"
#include "planner/core/evaluation/evaluation.h"

#include <string>
#include <vector>

namespace planner {

std::string workloadToTable(const WorkloadSizing &sizing, const Catalog &catalog,
                            const std::optional<RouterSavings> &savings);
std::string workloadToJson(const WorkloadSizing &sizing, const Catalog &catalog,
                           const std::optional<RouterSavings> &savings);

std::string systemsToTable(const std::vector<SystemPerMw> &rows);
std::string systemsToJson(const std::vector<SystemPerMw> &rows);

} // namespace planner
