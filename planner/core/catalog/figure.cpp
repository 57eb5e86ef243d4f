// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/catalog/figure.h"

namespace planner {

std::string figureStatusList()
{
    std::string list;
    for (std::string_view known : kFigureStatuses)
        list += (list.empty() ? "" : ", ") + std::string(known);
    return list;
}

bool isFigureStatus(std::string_view status)
{
    for (std::string_view known : kFigureStatuses) {
        if (status == known)
            return true;
    }
    return false;
}

} // namespace planner
