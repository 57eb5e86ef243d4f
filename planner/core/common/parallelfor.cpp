// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/common/parallelfor.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace planner {

bool parallelFor(int n, int threads, const std::function<void(int)> &work,
                 const std::function<bool(int, int)> &progress)
{
    if (threads <= 0)
        threads = int(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::clamp(threads, 1, std::max(n, 1));
    std::atomic<int> next{0}, done{0};
    std::atomic<bool> stop{false};
    auto runOne = [&] {
        const int i = next.fetch_add(1);
        if (i >= n)
            return false;
        work(i);
        done.fetch_add(1);
        return true;
    };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (int t = 1; t < threads; ++t) {
        pool.emplace_back([&] {
            while (!stop.load(std::memory_order_relaxed) && runOne()) {}
        });
    }
    bool cancelled = false;
    while (!cancelled && runOne()) {
        if (progress && !progress(done.load(), n))
            cancelled = true;
    }
    stop = true;
    for (std::thread &t : pool)
        t.join();
    if (!cancelled && progress && !progress(n, n))
        cancelled = true;
    return !cancelled;
}

} // namespace planner
