// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/montecarlo/montecarlosampler.h"

#include "planner/core/montecarlo/montecarlorandom.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace planner {

namespace {

// Standard normal quantile at 0.95: the lognormal's max is read as its 95th percentile.
constexpr double kZ95 = 1.6448536269514722;

// Stream of a task: a hash of its id (64-bit FNV-1a), so a task draws the same numbers in
// every network that contains it, whatever its position. Two variants of a plan (with and
// without bridging, say) then differ only by what changed, not by sampling noise.
std::uint64_t streamOf(const std::string &id)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : id) {
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    }
    return h;
}

// Fills each row with the standard variates of its task: normal for lognormal durations,
// uniform otherwise.
void fillVariates(const ScheduleNetwork &network, std::uint64_t seed, SampleMatrix &variates)
{
    const CounterRandom random(seed);
    for (std::size_t i = 0; i < network.size(); ++i) {
        const std::uint64_t stream = streamOf(network.task(i).id);
        auto row = variates.row(static_cast<Eigen::Index>(i));
        if (network.task(i).distribution == Distribution::Lognormal) {
            Eigen::Index s = 0;
            for (; s + 1 < row.size(); s += 2) {
                const auto [first, second] =
                        random.normalPair(stream, static_cast<std::uint64_t>(s / 2));
                row[s] = first;
                row[s + 1] = second;
            }
            if (s < row.size()) {
                row[s] = random.normal(stream, static_cast<std::uint64_t>(s));
            }
        } else {
            for (Eigen::Index s = 0; s < row.size(); ++s) {
                row[s] = random.uniform(stream, static_cast<std::uint64_t>(s));
            }
        }
    }
}

// Maps one task's variates `u` to durations `x` (which may be the same array).
void quantiles(const ThreePoint &d, Distribution distribution, const double *u, double *x,
               Eigen::Index n)
{
    const double range = d.max - d.min;
    if (range <= 0.0) {
        std::fill(x, x + n, d.min);
    } else if (distribution == Distribution::Lognormal) {
        const double sigma = MonteCarloSampler::lognormalSigma(d);
        Eigen::Map<Eigen::ArrayXd> xs(x, n);
        xs = d.min + (d.typical - d.min) * (sigma * Eigen::Map<const Eigen::ArrayXd>(u, n)).exp();
    } else {
        // Branch-free form of triangularQuantile(), one square root per sample.
        const double modeShare = (d.typical - d.min) / range;
        const double below = range * (d.typical - d.min);
        const double above = range * (d.max - d.typical);
        for (Eigen::Index s = 0; s < n; ++s) {
            const bool low = u[s] < modeShare;
            const double root = std::sqrt(low ? u[s] * below : (1.0 - u[s]) * above);
            x[s] = low ? d.min + root : d.max - root;
        }
    }
}

// Maps variates to durations; `variates` and `out` may be the same matrix.
void applyQuantiles(const std::vector<ThreePoint> &estimates,
                    const std::vector<Distribution> &distributions, std::span<const double> scale,
                    const SampleMatrix &variates, SampleMatrix &out)
{
    for (Eigen::Index t = 0; t < variates.rows(); ++t) {
        const auto i = static_cast<std::size_t>(t);
        quantiles(estimates[i].scaled(scale.empty() ? 1.0 : scale[i]), distributions[i],
                  variates.row(t).data(), out.row(t).data(), variates.cols());
    }
}

} // namespace

MonteCarloSampler::MonteCarloSampler(const ScheduleNetwork &network, int samples,
                                     std::uint64_t seed)
    : m_variates(static_cast<Eigen::Index>(network.size()), std::max(samples, 1))
{
    for (const ScheduleTask &task : network.tasks()) {
        m_estimates.push_back(task.duration);
        m_distributions.push_back(task.distribution);
    }
    fillVariates(network, seed, m_variates);
}

SampleMatrix MonteCarloSampler::draw(const ScheduleNetwork &network, int samples,
                                     std::uint64_t seed)
{
    std::vector<ThreePoint> estimates;
    std::vector<Distribution> distributions;
    for (const ScheduleTask &task : network.tasks()) {
        estimates.push_back(task.duration);
        distributions.push_back(task.distribution);
    }
    SampleMatrix m(static_cast<Eigen::Index>(network.size()), std::max(samples, 1));
    fillVariates(network, seed, m);
    applyQuantiles(estimates, distributions, {}, m, m);
    return m;
}

double MonteCarloSampler::triangularQuantile(const ThreePoint &d, double u)
{
    const double range = d.max - d.min;
    if (range <= 0.0) {
        return d.min;
    }
    const double modeShare = (d.typical - d.min) / range;
    if (u < modeShare) {
        return d.min + std::sqrt(u * range * (d.typical - d.min));
    }
    return d.max - std::sqrt((1.0 - u) * range * (d.max - d.typical));
}

double MonteCarloSampler::lognormalSigma(const ThreePoint &d)
{
    if (!(d.min < d.typical && d.typical < d.max)) {
        return 0.0;
    }
    return std::log((d.max - d.min) / (d.typical - d.min)) / kZ95;
}

double MonteCarloSampler::lognormalQuantile(const ThreePoint &d, double z)
{
    return d.min + (d.typical - d.min) * std::exp(lognormalSigma(d) * z);
}

SampleMatrix MonteCarloSampler::durations(std::span<const double> scale) const
{
    SampleMatrix out;
    durations(out, scale);
    return out;
}

void MonteCarloSampler::durationsOfTask(std::size_t task, double scale, double *out) const
{
    const auto row = static_cast<Eigen::Index>(task);
    quantiles(m_estimates[task].scaled(scale), m_distributions[task], m_variates.row(row).data(),
              out, m_variates.cols());
}

void MonteCarloSampler::durations(SampleMatrix &out, std::span<const double> scale) const
{
    out.resize(m_variates.rows(), m_variates.cols());
    applyQuantiles(m_estimates, m_distributions, scale, m_variates, out);
}

} // namespace planner
