// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The bridges of a network: branches whose outage splits the island they are in. A plain graph
// search (Tarjan's low-link, iterative so that long radial chains do not exhaust the stack);
// parallel branches between the same two buses are never bridges. No state: safe anywhere.

#include <functional>
#include <vector>

namespace planner {

// from/to: bus indices per branch, in [0, nBus); active(k): whether branch k is in the network.
// Returns per branch whether it is an active bridge.
std::vector<bool> findBridges(int nBus, const std::vector<int> &from, const std::vector<int> &to,
                              const std::function<bool(int branch)> &active);

} // namespace planner
