// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The cost estimate as text for the command line: a readable table, or a JSON object with every
// line, its basis and source. Pure functions.

#include "planner/core/economics/economics.h"

#include <string>

namespace planner {

std::string economicsToTable(const EconomicsResult &result);
std::string economicsToJson(const EconomicsResult &result);

} // namespace planner
