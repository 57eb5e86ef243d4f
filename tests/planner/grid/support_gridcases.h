// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the MATPOWER cases of ../shared/data live, for the grid tests.

#include <cstdlib>
#include <filesystem>
#include <string>

namespace gridfixtures {

inline std::string matpowerDirectory()
{
    const char *env = std::getenv("ENERGIZE_SOURCE_DIR");
    return std::string(env ? env : ENERGIZE_SOURCE_DIR) + "/../shared/data/matpower-cases";
}

inline std::string casePath(const std::string &file)
{
    return matpowerDirectory() + "/" + file;
}

inline bool haveCase(const std::string &file)
{
    return std::filesystem::exists(casePath(file));
}

} // namespace gridfixtures

#define REQUIRE_CASE(file)                                                                         \
    if (!gridfixtures::haveCase(file))                                                             \
        QSKIP(("MISSING SHARED DATA: " + gridfixtures::casePath(file)                              \
               + " not found; grid tests on real cases did not run")                               \
                      .c_str());
