// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A validated, immutable network of schedule tasks: ids are unique, every predecessor exists,
// durations are ordered and there is no cycle. Tasks are addressed by their index in the list
// given to create(); order() is a topological order (every task after its predecessors).
// Immutable after creation, so one network can be read by several threads at once.

#include "planner/core/common/expected.h"
#include "planner/core/schedule/scheduletask.h"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace planner {

class ScheduleNetwork
{
public:
    static Expected<ScheduleNetwork> create(std::vector<ScheduleTask> tasks);

    std::size_t size() const { return m_tasks.size(); }
    const std::vector<ScheduleTask> &tasks() const { return m_tasks; }
    const ScheduleTask &task(std::size_t index) const { return m_tasks[index]; }
    const std::vector<std::size_t> &order() const { return m_order; }
    const std::vector<std::size_t> &predecessors(std::size_t index) const
    {
        return m_predecessors[index];
    }
    std::optional<std::size_t> indexOf(std::string_view id) const;

    // Duration of every task at its typical value, in task order.
    std::vector<double> typicalDurations() const;

private:
    ScheduleNetwork() = default;

    std::vector<ScheduleTask> m_tasks;
    std::vector<std::vector<std::size_t>> m_predecessors;
    std::vector<std::size_t> m_order;
};

} // namespace planner
