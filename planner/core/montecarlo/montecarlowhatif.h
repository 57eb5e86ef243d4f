// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "What if" runs of one Monte Carlo: the same random numbers with some tasks' durations scaled.
// Only the scaled tasks and those downstream of them are recomputed, which makes the many runs
// of a tornado cheap. Keeps its own copy of the network. Not thread-safe: quantile() uses
// internal scratch space; give each thread its own instance.

#include "planner/core/montecarlo/montecarlo.h"
#include "planner/core/montecarlo/montecarlosampler.h"
#include "planner/core/schedule/schedulenetwork.h"

#include <cstddef>
#include <span>
#include <vector>

namespace planner {

class MonteCarloWhatIf
{
public:
    MonteCarloWhatIf(ScheduleNetwork network, const MonteCarloOptions &options);

    const ScheduleNetwork &network() const { return m_network; }
    // Finish times of the unscaled run, tasks x samples.
    const SampleMatrix &baseFinish() const { return m_baseFinish; }

    // Quantile p of the finish of `target` when task t's min, typical and max are multiplied by
    // scale[t] (one factor per task; 1 leaves a task as it is). Equal, bit for bit, to a full
    // run of the sampler with the same scale.
    double quantile(std::span<const double> scale, std::size_t target, double p);

private:
    ScheduleNetwork m_network;
    MonteCarloSampler m_sampler;
    SampleMatrix m_baseDurations;
    SampleMatrix m_baseFinish;
    SampleMatrix m_finish; // scratch: equal to m_baseFinish between calls
    std::vector<std::vector<std::size_t>> m_successors;
    std::vector<char> m_affected;
    std::vector<double> m_values;
};

} // namespace planner
