// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/montecarlo/sensitivity.h"

#include <algorithm>
#include <cmath>

namespace planner {

namespace {

std::string describe(double v)
{
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') {
        s.pop_back();
    }
    return s;
}

} // namespace

Expected<Tornado> tornado(std::span<const SensitivityInput> inputs, const SensitivityModel &model)
{
    std::vector<double> values;
    values.reserve(inputs.size());
    for (const SensitivityInput &in : inputs) {
        if (!std::isfinite(in.base) || !std::isfinite(in.low) || !std::isfinite(in.high)) {
            return Error{"sensitivity input '" + in.name
                         + "': base, low and high must be finite numbers"};
        }
        values.push_back(in.base);
    }
    Tornado result;
    result.baseOutput = model(values);
    if (!std::isfinite(result.baseOutput)) {
        return Error{"sensitivity: the model gave no finite result at the base values"};
    }
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const SensitivityInput &in = inputs[i];
        TornadoBar bar{in.name, in.low, in.high, 0.0, 0.0};
        values[i] = in.low;
        bar.outputAtLow = model(values);
        values[i] = in.high;
        bar.outputAtHigh = model(values);
        values[i] = in.base;
        for (auto [output, which, at] : {std::tuple{bar.outputAtLow, "low", in.low},
                                         std::tuple{bar.outputAtHigh, "high", in.high}}) {
            if (!std::isfinite(output)) {
                return Error{"sensitivity input '" + in.name + "': the model gave no finite "
                             + "result at its " + which + " value (" + describe(at) + ")"};
            }
        }
        result.bars.push_back(std::move(bar));
    }
    std::stable_sort(
            result.bars.begin(), result.bars.end(),
            [](const TornadoBar &a, const TornadoBar &b) { return a.swing() > b.swing(); });
    return result;
}

} // namespace planner
