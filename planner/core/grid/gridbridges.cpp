// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/grid/gridbridges.h"

#include <algorithm>

namespace planner {

std::vector<bool> findBridges(int nBus, const std::vector<int> &from, const std::vector<int> &to,
                              const std::function<bool(int)> &active)
{
    const int nBranch = int(from.size());
    std::vector<bool> bridge(nBranch, false);
    // Adjacency in compressed rows: (neighbour, branch) per bus.
    std::vector<int> start(nBus + 1, 0);
    std::vector<bool> in(nBranch, false);
    for (int k = 0; k < nBranch; ++k) {
        in[k] = active(k) && from[k] != to[k];
        if (in[k]) {
            ++start[from[k] + 1];
            ++start[to[k] + 1];
        }
    }
    for (int i = 0; i < nBus; ++i)
        start[i + 1] += start[i];
    std::vector<std::pair<int, int>> adjacent(start[nBus]);
    std::vector<int> fill(start.begin(), start.end() - 1);
    for (int k = 0; k < nBranch; ++k) {
        if (in[k]) {
            adjacent[fill[from[k]]++] = {to[k], k};
            adjacent[fill[to[k]]++] = {from[k], k};
        }
    }

    struct Frame
    {
        int bus, viaBranch, next;
    };
    std::vector<int> discovered(nBus, -1), low(nBus, 0);
    std::vector<Frame> stack;
    int time = 0;
    for (int root = 0; root < nBus; ++root) {
        if (discovered[root] >= 0)
            continue;
        discovered[root] = low[root] = time++;
        stack.push_back({root, -1, start[root]});
        while (!stack.empty()) {
            Frame &top = stack.back();
            const int v = top.bus;
            if (top.next < start[v + 1]) {
                const auto [w, k] = adjacent[top.next++];
                if (k == top.viaBranch) // the branch we came by; a parallel one is a cycle
                    continue;
                if (discovered[w] < 0) {
                    discovered[w] = low[w] = time++;
                    stack.push_back({w, k, start[w]}); // `top` is not used after this
                } else {
                    low[v] = std::min(low[v], discovered[w]);
                }
                continue;
            }
            const int via = top.viaBranch;
            stack.pop_back();
            if (!stack.empty()) {
                const int u = stack.back().bus;
                low[u] = std::min(low[u], low[v]);
                if (low[v] > discovered[u])
                    bridge[via] = true;
            }
        }
    }
    return bridge;
}

} // namespace planner
