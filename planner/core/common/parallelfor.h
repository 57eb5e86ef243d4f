// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs work(i) for every i in [0, n) on a few threads, the calling thread among them, handing
// the indices out in order as threads become free. progress(done, n) is called on the calling
// thread only: after each item it ran, and once with (n, n) at the end; returning false stops
// the other threads after their current item. work must be safe to call from several threads
// at once for different i, and must not throw.

#include <functional>

namespace planner {

// threads: how many threads in all (0: one per core). Returns false when progress cancelled.
bool parallelFor(int n, int threads, const std::function<void(int)> &work,
                 const std::function<bool(int done, int total)> &progress = {});

} // namespace planner
