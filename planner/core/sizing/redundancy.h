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

// "none", "N", "N+1", "2N".
std::string_view redundancyName(Redundancy redundancy);
std::optional<Redundancy> parseRedundancy(std::string_view text);

} // namespace planner
