// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/schedule/schedulenetwork.h"

#include <cmath>
#include <deque>
#include <unordered_map>

namespace planner {

namespace {

bool finite(const ThreePoint &d)
{
    return std::isfinite(d.min) && std::isfinite(d.typical) && std::isfinite(d.max);
}

std::optional<Error> checkTask(const ScheduleTask &t)
{
    const std::string label = "schedule task '" + t.id + "'";
    if (!finite(t.duration) || t.duration.min < 0.0 || !t.duration.ordered()) {
        return Error{label + ": its duration needs 0 <= min <= typical <= max"};
    }
    if (t.distribution == Distribution::Lognormal && t.duration.typical > 0.0
        && !(t.duration.min < t.duration.typical && t.duration.typical < t.duration.max)) {
        return Error{label + ": a lognormal duration needs min < typical < max"};
    }
    if (t.join == Join::Any && t.predecessors.empty()) {
        return Error{label + ": starts when any predecessor finishes, but it has none"};
    }
    return std::nullopt;
}

// Names the tasks of one cycle among `remaining` (tasks that a topological sort could not
// place), e.g. "a -> b -> c -> a".
std::string describeCycle(const std::vector<ScheduleTask> &tasks,
                          const std::vector<std::vector<std::size_t>> &preds,
                          const std::vector<bool> &remaining)
{
    std::size_t node = 0;
    while (!remaining[node]) {
        ++node;
    }
    // Every remaining task has a remaining predecessor; walking back must revisit a task.
    std::vector<int> seenAt(tasks.size(), -1);
    std::vector<std::size_t> walk;
    while (seenAt[node] < 0) {
        seenAt[node] = static_cast<int>(walk.size());
        walk.push_back(node);
        for (std::size_t p : preds[node]) {
            if (remaining[p]) {
                node = p;
                break;
            }
        }
    }
    std::string text;
    for (auto i = walk.size(); i-- > static_cast<std::size_t>(seenAt[node]);) {
        text += tasks[walk[i]].id + " -> ";
    }
    return text + tasks[walk.back()].id;
}

} // namespace

Expected<ScheduleNetwork> ScheduleNetwork::create(std::vector<ScheduleTask> tasks)
{
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        if (tasks[i].id.empty()) {
            return Error{"schedule task #" + std::to_string(i + 1) + " has no id"};
        }
        if (!index.emplace(tasks[i].id, i).second) {
            return Error{"schedule task '" + tasks[i].id + "' is defined twice"};
        }
        if (auto failure = checkTask(tasks[i])) {
            return *failure;
        }
    }
    ScheduleNetwork net;
    net.m_predecessors.resize(tasks.size());
    std::vector<std::vector<std::size_t>> successors(tasks.size());
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        for (const std::string &p : tasks[i].predecessors) {
            const auto it = index.find(p);
            if (it == index.end()) {
                return Error{"schedule task '" + tasks[i].id + "' waits for '" + p
                             + "', which is not in the network"};
            }
            net.m_predecessors[i].push_back(it->second);
            successors[it->second].push_back(i);
        }
    }
    // Kahn's algorithm, taking ready tasks in list order so the order is reproducible.
    std::vector<std::size_t> pending(tasks.size());
    std::deque<std::size_t> ready;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        pending[i] = net.m_predecessors[i].size();
        if (pending[i] == 0) {
            ready.push_back(i);
        }
    }
    while (!ready.empty()) {
        const std::size_t t = ready.front();
        ready.pop_front();
        net.m_order.push_back(t);
        for (std::size_t s : successors[t]) {
            if (--pending[s] == 0) {
                ready.push_back(s);
            }
        }
    }
    if (net.m_order.size() != tasks.size()) {
        std::vector<bool> remaining(tasks.size(), true);
        for (std::size_t t : net.m_order) {
            remaining[t] = false;
        }
        return Error{"the schedule has a cycle: "
                     + describeCycle(tasks, net.m_predecessors, remaining)
                     + "; remove one of these dependencies"};
    }
    net.m_tasks = std::move(tasks);
    return net;
}

std::optional<std::size_t> ScheduleNetwork::indexOf(std::string_view id) const
{
    for (std::size_t i = 0; i < m_tasks.size(); ++i) {
        if (m_tasks[i].id == id) {
            return i;
        }
    }
    return std::nullopt;
}

std::vector<double> ScheduleNetwork::typicalDurations() const
{
    std::vector<double> d;
    d.reserve(m_tasks.size());
    for (const ScheduleTask &t : m_tasks) {
        d.push_back(t.duration.typical);
    }
    return d;
}

} // namespace planner
