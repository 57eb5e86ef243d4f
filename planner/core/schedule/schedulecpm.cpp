// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/schedule/schedulecpm.h"

#include <algorithm>
#include <cmath>

namespace planner {

std::size_t drivingPredecessor(const ScheduleNetwork &network, std::size_t task,
                               std::span<const double> finish)
{
    const auto &preds = network.predecessors(task);
    if (preds.empty()) {
        return task;
    }
    const bool any = network.task(task).join == Join::Any;
    std::size_t best = preds.front();
    for (std::size_t p : preds) {
        if (any ? finish[p] < finish[best] : finish[p] > finish[best]) {
            best = p;
        }
    }
    return best;
}

CriticalPathResult criticalPath(const ScheduleNetwork &network, std::span<const double> durations)
{
    const std::vector<double> typical = network.typicalDurations();
    const std::span<const double> d =
            durations.empty() ? std::span<const double>(typical) : durations;
    const std::size_t n = network.size();
    std::vector<double> es(n, 0.0), ef(n, 0.0);
    for (std::size_t t : network.order()) {
        const auto &preds = network.predecessors(t);
        if (!preds.empty()) {
            es[t] = ef[drivingPredecessor(network, t, ef)];
        }
        ef[t] = es[t] + d[t];
    }
    CriticalPathResult result;
    const double finish = n == 0 ? 0.0 : *std::max_element(ef.begin(), ef.end());
    result.finish = Months(finish);

    std::vector<double> lf(n, finish), ls(n, 0.0);
    for (auto it = network.order().rbegin(); it != network.order().rend(); ++it) {
        const std::size_t t = *it;
        ls[t] = lf[t] - d[t];
        if (network.task(t).join == Join::Any) {
            const std::size_t p = drivingPredecessor(network, t, ef);
            lf[p] = std::min(lf[p], ls[t]);
        } else {
            for (std::size_t p : network.predecessors(t)) {
                lf[p] = std::min(lf[p], ls[t]);
            }
        }
    }
    // Float below this share of the finish is rounding, not slack.
    const double tolerance = 1e-9 * std::max(1.0, finish);
    result.timings.resize(n);
    for (std::size_t t = 0; t < n; ++t) {
        const double slack = ls[t] - es[t];
        result.timings[t] = TaskTiming{Months(es[t]), Months(ef[t]), Months(ls[t]),
                                       Months(lf[t]), Months(slack), slack <= tolerance};
    }
    if (n > 0) {
        std::size_t t =
                static_cast<std::size_t>(std::max_element(ef.begin(), ef.end()) - ef.begin());
        while (true) {
            result.criticalPath.push_back(t);
            const std::size_t p = drivingPredecessor(network, t, ef);
            if (p == t) {
                break;
            }
            t = p;
        }
        std::reverse(result.criticalPath.begin(), result.criticalPath.end());
    }
    return result;
}

} // namespace planner
