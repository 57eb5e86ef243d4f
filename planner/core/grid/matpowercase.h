// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads a MATPOWER case (format version 2, a MATLAB function file) into a GridCase. Free
// functions on text, no shared state: safe from any thread.
//
// Accepted: `%` comments, `...` continuations, rows separated by `;` and/or new lines, extra
// columns (ignored), fields other than baseMVA/bus/gen/branch/gencost/bus_name (skipped). Every
// error names the file and the line: an unclosed matrix, a row with the wrong number of
// columns, a value that is not a finite number, a generator or branch at an unknown bus, a
// missing mpc.baseMVA.

#include "common/expected.h"
#include "planner/core/grid/gridcase.h"

#include <string>
#include <string_view>

namespace planner {

energize::Expected<GridCase> parseMatpowerCase(std::string_view text,
                                               const std::string &sourceName);
energize::Expected<GridCase> readMatpowerCase(const std::string &path);

} // namespace planner
