// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/schedule/scheduletornado.h"

#include "planner/core/montecarlo/montecarlowhatif.h"
#include "planner/core/schedule/scheduledefaultnetwork.h"

#include <optional>

namespace planner {

namespace {

// The line length input: which task it scales and the length the network was built with.
struct LineInput
{
    std::size_t task = 0;
    double builtLength = 0.0;
};

Expected<Tornado> runTornado(const ScheduleNetwork &network, std::size_t target,
                             const MonteCarloOptions &options, std::optional<LineInput> line,
                             std::vector<SensitivityInput> extra)
{
    if (target >= network.size()) {
        return Error{"schedule tornado: the target task is outside the network"};
    }
    if (options.samples < 1) {
        return Error{"schedule tornado: the Monte Carlo needs at least one sample"};
    }
    std::vector<SensitivityInput> inputs;
    std::vector<std::size_t> taskOfInput;
    for (std::size_t t = 0; t < network.size(); ++t) {
        const ScheduleTask &task = network.task(t);
        if (task.duration.typical > 0.0) {
            inputs.push_back(SensitivityInput{task.name + " (months)", task.duration.typical,
                                              task.duration.min, task.duration.max});
            taskOfInput.push_back(t);
        }
    }
    const std::size_t taskInputs = inputs.size();
    inputs.insert(inputs.end(), extra.begin(), extra.end());

    MonteCarloWhatIf whatIf(network, options);
    std::vector<double> scale(network.size(), 1.0);
    const auto model = [&](const std::vector<double> &values) {
        std::fill(scale.begin(), scale.end(), 1.0);
        for (std::size_t i = 0; i < taskInputs; ++i) {
            scale[taskOfInput[i]] = values[i] / inputs[i].base;
        }
        if (line) {
            scale[line->task] *= values[taskInputs] / line->builtLength;
        }
        return whatIf.quantile(scale, target, 0.5);
    };
    return tornado(inputs, model);
}

} // namespace

Expected<Tornado> scheduleTornado(const ScheduleNetwork &network, std::size_t target,
                                  const MonteCarloOptions &options)
{
    return runTornado(network, target, options, std::nullopt, {});
}

Expected<Tornado> scheduleTornado(const ScheduleInputs &inputs, const ScheduleCatalog &catalog,
                                  const MonteCarloOptions &options)
{
    auto network = buildDefaultNetwork(inputs, catalog);
    if (!network) {
        return network.error();
    }
    const auto target =
            network->indexOf(scheduletasks::energization(static_cast<int>(inputs.phases.size())));
    std::optional<LineInput> line;
    std::vector<SensitivityInput> extra;
    if (const auto t = network->indexOf(scheduletasks::kTransmission)) {
        auto factor = catalog.require("transmission.route_factor", "ratio");
        auto built = routedLineLength(inputs, catalog);
        if (!factor || !built) {
            return factor ? built.error() : factor.error();
        }
        const double d = inputs.lineDistance.value();
        line = LineInput{*t, built->value()};
        extra.push_back(SensitivityInput{"Routed line length (km)", built->value(),
                                         d * (*factor)->value.min, d * (*factor)->value.max});
    }
    return runTornado(*network, *target, options, line, std::move(extra));
}

} // namespace planner
