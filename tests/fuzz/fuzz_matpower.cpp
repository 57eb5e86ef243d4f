// SPDX-License-Identifier: GPL-3.0-or-later
// The MATPOWER reader (energize headroom, a grid-case layer) and what a case it accepts goes on
// to: the DC power flow and the headroom study with N-1, as the grid layer builds them.

#include "planner/core/grid/headroom.h"
#include "planner/core/grid/matpowercase.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto grid = planner::parseMatpowerCase(
            std::string_view(reinterpret_cast<const char *>(data), size), "fuzz.m");
    if (!grid || grid->buses.size() > 200)
        return 0; // the study is quadratic in the size; small cases cover its code
    planner::HeadroomOptions options;
    options.n1 = true;
    options.threads = 1;
    if (const auto study = planner::HeadroomStudy::build(*grid, options))
        (void)study->headroomAll(1);
    return 0;
}
