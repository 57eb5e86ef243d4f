// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/montecarlo/montecarlo.h"

#include <algorithm>
#include <cmath>

namespace planner {

SampleMatrix finishTimes(const ScheduleNetwork &network, const SampleMatrix &durations)
{
    SampleMatrix finish = durations;
    toFinishTimes(network, finish);
    return finish;
}

void toFinishTimes(const ScheduleNetwork &network, SampleMatrix &m)
{
    // In topological order each row still holds its task's durations when it is reached, and
    // the rows of its predecessors already hold finish times.
    for (std::size_t t : network.order()) {
        addStartTimes(network, m, t, m.row(static_cast<Eigen::Index>(t)).data());
    }
}

void addStartTimes(const ScheduleNetwork &network, const SampleMatrix &finish, std::size_t task,
                   double *row)
{
    const auto &preds = network.predecessors(task);
    if (preds.empty()) {
        return;
    }
    Eigen::Map<Eigen::Array<double, 1, Eigen::Dynamic>> out(row, finish.cols());
    const auto first = finish.row(static_cast<Eigen::Index>(preds.front())).array();
    if (preds.size() == 1) {
        out += first;
        return;
    }
    const bool any = network.task(task).join == Join::Any;
    const auto second = finish.row(static_cast<Eigen::Index>(preds[1])).array();
    Eigen::Array<double, 1, Eigen::Dynamic> begin =
            any ? first.min(second).eval() : first.max(second).eval();
    for (std::size_t k = 2; k < preds.size(); ++k) {
        const auto other = finish.row(static_cast<Eigen::Index>(preds[k])).array();
        if (any) {
            begin = begin.min(other);
        } else {
            begin = begin.max(other);
        }
    }
    out += begin;
}

double quantile(std::span<double> values, double p)
{
    if (values.empty()) {
        return std::nan("");
    }
    const double h = std::clamp(p, 0.0, 1.0) * static_cast<double>(values.size() - 1);
    const auto lower = static_cast<std::size_t>(std::floor(h));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(lower),
                     values.end());
    const double a = values[lower];
    if (lower + 1 >= values.size()) {
        return a;
    }
    const double b = *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lower) + 1,
                                       values.end());
    return a + (h - static_cast<double>(lower)) * (b - a);
}

Percentiles percentiles(const SampleMatrix &finish, std::size_t task)
{
    const auto row = finish.row(static_cast<Eigen::Index>(task));
    std::vector<double> values(row.data(), row.data() + row.size());
    Percentiles p;
    p.mean = Months(row.mean());
    p.p10 = Months(quantile(values, 0.10));
    p.p50 = Months(quantile(values, 0.50));
    p.p90 = Months(quantile(values, 0.90));
    std::sort(values.begin(), values.end());
    p.quantiles.reserve(101);
    for (int k = 0; k <= 100 && !values.empty(); ++k) {
        const double h = k / 100.0 * static_cast<double>(values.size() - 1);
        const auto lower = static_cast<std::size_t>(std::floor(h));
        const double a = values[lower];
        const double b = lower + 1 < values.size() ? values[lower + 1] : a;
        p.quantiles.push_back(a + (h - static_cast<double>(lower)) * (b - a));
    }
    return p;
}

Criticality criticality(const ScheduleNetwork &network, const SampleMatrix &finish,
                        std::size_t target)
{
    using Row = Eigen::Array<double, 1, Eigen::Dynamic>;
    using Flags = Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    const Eigen::Index samples = finish.cols();
    Flags onPath = Flags::Constant(finish.rows(), samples, false); // task drives the target
    onPath.row(static_cast<Eigen::Index>(target)).setConstant(true);
    Row best(samples), driver(samples);
    // Reverse topological order: when a task is reached, all its successors have been handled,
    // so its on-path row is final and can be passed to the predecessor that drives it.
    for (auto it = network.order().rbegin(); it != network.order().rend(); ++it) {
        const std::size_t t = *it;
        const auto &preds = network.predecessors(t);
        const auto here = onPath.row(static_cast<Eigen::Index>(t));
        if (preds.empty() || !here.any()) {
            continue;
        }
        const bool any = network.task(t).join == Join::Any;
        best = finish.row(static_cast<Eigen::Index>(preds.front())).array();
        driver.setZero();
        for (std::size_t k = 1; k < preds.size(); ++k) {
            const auto f = finish.row(static_cast<Eigen::Index>(preds[k])).array();
            const auto wins = any ? (f < best).eval() : (f > best).eval();
            best = wins.select(f, best);
            driver = wins.select(static_cast<double>(k), driver);
        }
        for (std::size_t k = 0; k < preds.size(); ++k) {
            auto pred = onPath.row(static_cast<Eigen::Index>(preds[k]));
            pred = pred || (here && (driver == static_cast<double>(k)));
        }
    }
    const auto targetRow = finish.row(static_cast<Eigen::Index>(target));
    std::vector<double> values(targetRow.data(), targetRow.data() + targetRow.size());
    const double p90 = quantile(values, 0.90);
    const Eigen::Array<bool, 1, Eigen::Dynamic> tail = targetRow.array() >= p90;
    const double tailCount = std::max(static_cast<double>(tail.count()), 1.0);

    Criticality c;
    for (Eigen::Index t = 0; t < finish.rows(); ++t) {
        const auto row = onPath.row(t);
        c.index.push_back(static_cast<double>(row.count()) / static_cast<double>(samples));
        c.tailIndex.push_back(static_cast<double>((row && tail).count()) / tailCount);
    }
    return c;
}

} // namespace planner
