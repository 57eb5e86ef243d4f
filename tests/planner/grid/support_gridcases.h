// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the MATPOWER cases of ../shared/data live, for the grid tests.

#include "planner/core/grid/gridcase.h"
#include "tests/support/shareddata.h"

#include <cstdlib>
#include <filesystem>
#include <numeric>
#include <string>
#include <unordered_map>
#include <vector>

namespace gridfixtures {

inline std::string matpowerDirectory()
{
    return shareddata::path("data/matpower-cases");
}

inline std::string casePath(const std::string &file)
{
    return matpowerDirectory() + "/" + file;
}

inline bool haveCase(const std::string &file)
{
    return std::filesystem::exists(casePath(file));
}

// Does taking branch `k` out disconnect its two ends? (A plain graph search over the other
// in-service branches, independent of the code under test.)
inline bool splitsWithout(const planner::GridCase &g, int k)
{
    std::unordered_map<int, int> index;
    for (std::size_t i = 0; i < g.buses.size(); ++i)
        index.emplace(g.buses[i].id, int(i));
    std::vector<int> parent(g.buses.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto root = [&](int i) {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    };
    for (int j = 0; j < int(g.branches.size()); ++j) {
        if (j != k && g.branches[j].inService)
            parent[root(index.at(g.branches[j].from))] = root(index.at(g.branches[j].to));
    }
    return root(index.at(g.branches[k].from)) != root(index.at(g.branches[k].to));
}

} // namespace gridfixtures

#define REQUIRE_CASE(file)                                                                         \
    if (!gridfixtures::haveCase(file))                                                             \
        MISSING_SHARED_DATA(gridfixtures::casePath(file)                                           \
                            + " not found; grid tests on real cases did not run");
