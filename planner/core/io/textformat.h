// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small text helpers shared by the planner's reports: printf-style formatting into a
// std::string and one aligned "label  value" row of a table. Header-only, pure functions.

#include <cstdio>
#include <string>

namespace planner::text {

template<typename... Args>
std::string format(const char *pattern, Args... args)
{
    char buffer[320];
    std::snprintf(buffer, sizeof(buffer), pattern, args...);
    return buffer;
}

inline std::string row(const std::string &label, const std::string &value)
{
    return format("  %-38s %s\n", label.c_str(), value.c_str());
}

} // namespace planner::text
