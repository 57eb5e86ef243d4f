// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/sizing/workload.h"

#include <algorithm>
#include <cmath>

namespace planner {
namespace {

constexpr double kSecondsPerDay = 86400.0;

std::string checkWorkload(const Workload &w)
{
    const std::string at = "plan.workload.";
    if (w.requestsPerDay.has_value() == w.tokensPerDay.has_value())
        return at + "requests_per_day: give requests_per_day or tokens_per_day, not both";
    const double volume = w.requestsPerDay ? *w.requestsPerDay : *w.tokensPerDay;
    if (!std::isfinite(volume) || volume <= 0.0)
        return at + (w.requestsPerDay ? "requests_per_day" : "tokens_per_day")
                + ": must be a positive number";
    if (!std::isfinite(w.peakToAverage) || w.peakToAverage < 1.0)
        return at + "peak_to_average: must be 1 or more (the peak rate over the day's average)";
    if (!std::isfinite(w.targetUtilisation) || w.targetUtilisation <= 0.0
        || w.targetUtilisation > 1.0)
        return at + "target_utilisation: must be above 0 and at most 1";
    if (w.mix.empty())
        return at + "mix: give at least one model class";
    double total = 0.0;
    for (std::size_t i = 0; i < w.mix.size(); ++i) {
        const RouteShare &r = w.mix[i];
        const std::string item = at + "mix[" + std::to_string(i) + "].";
        if (!isModelClass(r.modelClass))
            return item + "model_class: '" + r.modelClass
                    + "' is not mini, large-dense, xl-dense or reasoning";
        for (std::size_t j = 0; j < i; ++j) {
            if (w.mix[j].modelClass == r.modelClass)
                return item + "model_class: '" + r.modelClass + "' is listed twice";
        }
        if (!std::isfinite(r.share) || r.share < 0.0 || r.share > 1.0)
            return item + "share: must be between 0 and 1";
        if (!std::isfinite(r.inputTokens) || r.inputTokens < 0.0)
            return item + "input_tokens: must be 0 or more";
        if (!std::isfinite(r.outputTokens) || r.outputTokens <= 0.0)
            return item + "output_tokens: must be more than 0";
        total += r.share;
    }
    if (std::abs(total - 1.0) > 1e-6)
        return at + "mix: the shares sum to " + std::to_string(total) + ", not 1";
    return {};
}

} // namespace

Expected<WorkloadSizing> sizeWorkload(const Workload &w, const AcceleratorSystem &system)
{
    if (std::string e = checkWorkload(w); !e.empty())
        return Error{e};
    if (!(system.acceleratorsPerRack.value > 0.0))
        return Error{"plan.workload: " + system.name
                     + " has no accelerators, so it cannot serve a workload"};
    WorkloadSizing s;
    double tokensPerRequest = 0.0;
    for (const RouteShare &r : w.mix)
        tokensPerRequest += r.share * (r.inputTokens + r.outputTokens);
    s.requestsPerDay = w.requestsPerDay ? *w.requestsPerDay : *w.tokensPerDay / tokensPerRequest;
    s.tokensPerDay = s.requestsPerDay * tokensPerRequest;
    double accelerators = 0.0;
    for (const RouteShare &r : w.mix) {
        ClassSizing c;
        c.route = r;
        c.throughput = system.throughputFor(r.modelClass);
        const double average = s.requestsPerDay * r.share * r.outputTokens / kSecondsPerDay;
        s.averageOutputTokensPerSecond += average;
        c.peakOutputTokensPerSecond = average * w.peakToAverage;
        if (r.share > 0.0 && !c.throughput)
            return Error{"plan.workload.mix: " + system.name
                         + " has no published throughput for "
                           "the '"
                         + r.modelClass
                         + "' class in the catalog; choose another system or route that share "
                           "to a class it has"};
        if (c.throughput)
            c.accelerators = c.peakOutputTokensPerSecond
                    / (c.throughput->tokensPerSecond.value * w.targetUtilisation);
        accelerators += c.accelerators;
        s.classes.push_back(c);
    }
    s.accelerators = static_cast<long long>(std::ceil(accelerators - 1e-9));
    s.racks = static_cast<int>(
            std::ceil(double(s.accelerators) / system.acceleratorsPerRack.value - 1e-9));
    s.racks = std::max(s.racks, 1);
    return s;
}

std::string costliestClass(const Workload &w, const AcceleratorSystem &system)
{
    std::string best;
    double lowest = 0.0;
    for (const RouteShare &r : w.mix) {
        const ModelThroughput *t = system.throughputFor(r.modelClass);
        if (!t)
            return {};
        if (best.empty() || t->tokensPerSecond.value < lowest) {
            best = r.modelClass;
            lowest = t->tokensPerSecond.value;
        }
    }
    return best;
}

Workload routedTo(const Workload &w, const std::string &modelClass)
{
    Workload out = w;
    // One class now serves every request: merge the shares into one route with the mix's
    // average tokens per request, which keeps the day's tokens unchanged.
    RouteShare merged{modelClass, 1.0, 0.0, 0.0};
    for (const RouteShare &r : w.mix) {
        merged.inputTokens += r.share * r.inputTokens;
        merged.outputTokens += r.share * r.outputTokens;
    }
    out.mix = {merged};
    return out;
}

} // namespace planner
