// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The security criterion a plan's peak demand is checked against at the serving bus: the
// headroom with every branch in service (N) or after any single branch outage (N-1, what
// utilities apply to large loads). Plain values, no state: safe on any thread.

#include <optional>
#include <string_view>

namespace planner {

enum class GridCriterion {
    N, // every branch in service
    NMinus1, // any single branch outage
};

// "N", "N-1".
std::string_view gridCriterionName(GridCriterion criterion);
std::optional<GridCriterion> parseGridCriterion(std::string_view text);

} // namespace planner
