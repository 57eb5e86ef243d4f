// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/sizing/gridcriterion.h"

namespace planner {

std::string_view gridCriterionName(GridCriterion criterion)
{
    return criterion == GridCriterion::N ? "N" : "N-1";
}

std::optional<GridCriterion> parseGridCriterion(std::string_view text)
{
    if (text == "N")
        return GridCriterion::N;
    if (text == "N-1")
        return GridCriterion::NMinus1;
    return std::nullopt;
}

} // namespace planner
