// SPDX-License-Identifier: GPL-3.0-or-later
// The plan file reader (energize plan --input, a project's plan rows): any bytes give a plan or
// an error, never a crash; a plan spec it reads is written back to JSON that it reads again.

#include "planner/core/io/planjson.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    (void)planner::parsePlanRequest(text);
    if (const auto spec = planner::parsePlanSpec(text)) {
        const std::string again = planner::planSpecToJson(*spec);
        if (!planner::parsePlanSpec(again))
            std::abort(); // what it wrote it must read back
    }
    return 0;
}
