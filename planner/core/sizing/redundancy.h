// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Redundancy schemes for utility transformers, UPS, generators and cooling. Plain values, no
// state: safe on any thread.

#include <optional>
#include <string_view>

namespace planner {

enum class Redundancy {
    None, // no units at all (generators only)
    N, // exactly the units the load needs
    NPlus1, // one spare unit per group
    TwoN, // a full second set
};

// Units to install when `needed` units carry the load, in `groups` independent groups (a spare
// per group for N+1, at most one per unit). Never fewer than for a weaker scheme, so more
// redundancy never lowers a count.
int unitsWithRedundancy(int needed, Redundancy redundancy, int groups = 1);

// Units of rating `unit` that carry `load`, run in parallel groups of at most `maxPerGroup`
// units each (generators on one paralleling bus, UPS modules in one parallel system): `needed`
// = ceil(load / unit) running units, `groups` = ceil(needed / maxPerGroup), and `installed` per
// the redundancy (N+1: a spare in every group). Because the units serve the load in groups, not
// one block each, the installed capacity stays near the load: N and 2N within one unit of
// 1x and 2x, N+1 within 1 + 1/maxPerGroup plus one unit per group.
struct GroupedUnits
{
    int needed = 0;
    int groups = 0;
    int installed = 0;
};
GroupedUnits groupedUnits(double load, double unit, int maxPerGroup, Redundancy redundancy);

// "none", "N", "N+1", "2N".
std::string_view redundancyName(Redundancy redundancy);
std::optional<Redundancy> parseRedundancy(std::string_view text);

} // namespace planner
