// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Draws task durations for many Monte Carlo samples at once, as an Eigen matrix with one row
// per task and one column per sample. The random variates are drawn once, in the constructor;
// durations() maps them through each task's inverse CDF, optionally with the task scaled, so a
// sensitivity study reuses the same random numbers for every case (common random numbers).
// A task's random numbers depend only on the seed and the task's id, so a task draws the same
// durations in every network that contains it.
// Keeps its own copy of the task durations, so it does not depend on the network's lifetime.
// const methods are safe to call from several threads at once.

#include "planner/core/schedule/schedulenetwork.h"

#include <Eigen/Core>

#include <cstdint>
#include <span>
#include <vector>

namespace planner {

using SampleMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

class MonteCarloSampler
{
public:
    MonteCarloSampler(const ScheduleNetwork &network, int samples, std::uint64_t seed);

    int samples() const { return static_cast<int>(m_variates.cols()); }
    std::size_t tasks() const { return m_estimates.size(); }

    // Durations in months, tasks x samples. `scale` (one factor per task, or empty for all 1)
    // multiplies a task's min, typical and max alike.
    SampleMatrix durations(std::span<const double> scale = {}) const;
    // The same into `out`, which keeps its storage when it already has the right shape: a
    // sensitivity study calls this many times without allocating.
    void durations(SampleMatrix &out, std::span<const double> scale = {}) const;

    // Durations of one task, scaled by `scale`, into `out` (samples() values): the same values
    // as the task's row of durations() with that scale.
    void durationsOfTask(std::size_t task, double scale, double *out) const;

    // One-off draw: the same values as MonteCarloSampler(network, samples, seed).durations(),
    // with a single matrix allocated instead of two.
    static SampleMatrix draw(const ScheduleNetwork &network, int samples, std::uint64_t seed);

    // Inverse CDFs, exposed for tests. `u` is uniform on (0, 1), `z` standard normal.
    static double triangularQuantile(const ThreePoint &d, double u);
    static double lognormalQuantile(const ThreePoint &d, double z);
    // Log-space standard deviation of the shifted lognormal: median at typical, 95th
    // percentile at max.
    static double lognormalSigma(const ThreePoint &d);

private:
    std::vector<ThreePoint> m_estimates;
    std::vector<Distribution> m_distributions;
    SampleMatrix m_variates; // uniform for triangular tasks, standard normal for lognormal ones
};

} // namespace planner
