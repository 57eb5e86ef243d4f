// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/montecarlo/montecarlowhatif.h"

#include <algorithm>

namespace planner {

MonteCarloWhatIf::MonteCarloWhatIf(ScheduleNetwork network, const MonteCarloOptions &options)
    : m_network(std::move(network)), m_sampler(m_network, options.samples, options.seed)
{
    m_baseDurations = m_sampler.durations();
    m_baseFinish = finishTimes(m_network, m_baseDurations);
    m_finish = m_baseFinish;
    m_successors.resize(m_network.size());
    for (std::size_t t = 0; t < m_network.size(); ++t) {
        for (std::size_t p : m_network.predecessors(t)) {
            m_successors[p].push_back(t);
        }
    }
    m_affected.resize(m_network.size());
    m_values.resize(static_cast<std::size_t>(m_sampler.samples()));
}

double MonteCarloWhatIf::quantile(std::span<const double> scale, std::size_t target, double p)
{
    // Mark the scaled tasks and everything downstream of them; the order is topological, so
    // one pass reaches all descendants.
    std::fill(m_affected.begin(), m_affected.end(), 0);
    for (std::size_t t : m_network.order()) {
        if (!m_affected[t] && (scale.empty() || scale[t] == 1.0)) {
            continue;
        }
        m_affected[t] = 1;
        for (std::size_t s : m_successors[t]) {
            m_affected[s] = 1;
        }
    }
    for (std::size_t t : m_network.order()) {
        if (!m_affected[t]) {
            continue;
        }
        const auto row = static_cast<Eigen::Index>(t);
        if (!scale.empty() && scale[t] != 1.0) {
            m_sampler.durationsOfTask(t, scale[t], m_finish.row(row).data());
        } else {
            m_finish.row(row) = m_baseDurations.row(row);
        }
        addStartTimes(m_network, m_finish, t, m_finish.row(row).data());
    }
    const auto out = m_finish.row(static_cast<Eigen::Index>(target));
    std::copy(out.data(), out.data() + out.size(), m_values.begin());
    const double q = planner::quantile(m_values, p);
    for (std::size_t t = 0; t < m_network.size(); ++t) {
        if (m_affected[t]) {
            m_finish.row(static_cast<Eigen::Index>(t)) =
                    m_baseFinish.row(static_cast<Eigen::Index>(t));
        }
    }
    return q;
}

} // namespace planner
