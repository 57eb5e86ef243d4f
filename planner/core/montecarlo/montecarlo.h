// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Monte Carlo over a schedule network: finish times of every task in every sample, computed for
// all samples at once with coefficient-wise max/min/add in topological order; percentiles; and
// the criticality index of each task. Pure functions of their arguments; safe on any thread.

#include "planner/core/common/units.h"
#include "planner/core/montecarlo/montecarlosampler.h"

#include <cstdint>
#include <span>
#include <vector>

namespace planner {

struct MonteCarloOptions
{
    // 10,000 samples keep the P50 of the default network within 1 % between seeds (see
    // tests/planner/test_montecarlo.cpp).
    int samples = 10000;
    std::uint64_t seed = 1;
};

struct Percentiles
{
    Months p10;
    Months p50;
    Months p90;
    Months mean;
    // The distribution: months at 0, 1, …, 100 % (101 values, the same quantile rule as the
    // percentiles above), for a CDF chart.
    std::vector<double> quantiles;
};

// Criticality of each task for one target task (e.g. the last phase's energization). A task is
// on the driving path of a sample when following, from the target back to the start, the
// predecessor that set each task's start (see drivingPredecessor) passes through it.
struct Criticality
{
    std::vector<double> index; // share of all samples with the task on the driving path
    std::vector<double> tailIndex; // the same share among samples at or beyond the target's P90
};

// Finish times in months, tasks x samples, from durations of the same shape.
SampleMatrix finishTimes(const ScheduleNetwork &network, const SampleMatrix &durations);
// The same, overwriting the durations with the finish times (saves a matrix).
void toFinishTimes(const ScheduleNetwork &network, SampleMatrix &durations);
// One step of the above: adds to `row` (the durations of `task`, one per sample) the task's
// start times, taken from its predecessors' rows of `finish`. `row` may be a row of `finish`.
void addStartTimes(const ScheduleNetwork &network, const SampleMatrix &finish, std::size_t task,
                   double *row);

// Quantile p in [0, 1] with linear interpolation between order statistics (Hyndman-Fan type 7,
// the default of R and NumPy). Reorders `values`.
double quantile(std::span<double> values, double p);

Percentiles percentiles(const SampleMatrix &finish, std::size_t task);

Criticality criticality(const ScheduleNetwork &network, const SampleMatrix &finish,
                        std::size_t target);

} // namespace planner
