// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One-at-a-time sensitivity (a tornado): each input is moved to its low and then its high value
// while all others stay at their base, and the model's output is recorded. Generic over the
// model, so the schedule (P50 date) and the cost model (TCO) use the same function. Runs the
// model synchronously on the calling thread, 2 n + 1 times for n inputs.

#include "planner/core/common/expected.h"

#include <functional>
#include <span>
#include <string>
#include <vector>

namespace planner {

struct SensitivityInput
{
    std::string name;
    double base = 0.0;
    double low = 0.0;
    double high = 0.0;
};

struct TornadoBar
{
    std::string name;
    double low = 0.0; // input values
    double high = 0.0;
    double outputAtLow = 0.0;
    double outputAtHigh = 0.0;

    // The width of the bar: how far the output moves between the input's low and high.
    double swing() const
    {
        return outputAtHigh > outputAtLow ? outputAtHigh - outputAtLow : outputAtLow - outputAtHigh;
    }
};

struct Tornado
{
    double baseOutput = 0.0;
    std::vector<TornadoBar> bars; // widest swing first; equal swings keep the input order
};

// `model` receives one value per input, in the order of `inputs`. An input or output that is
// not finite is an error naming the input.
using SensitivityModel = std::function<double(const std::vector<double> &)>;
Expected<Tornado> tornado(std::span<const SensitivityInput> inputs, const SensitivityModel &model);

} // namespace planner
