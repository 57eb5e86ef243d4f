// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/economics/cashflow.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace planner {
namespace {

const TaskSchedule *findTask(const ScheduleResult &schedule, const std::string &id)
{
    for (const TaskSchedule &t : schedule.tasks) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

struct Window
{
    double begin = 0.0; // months from the start
    double end = 0.0;
};

// Spreads `usd` evenly over `w` into quarters of three months, the first of which begins
// `offset` months before the start.
void spread(std::vector<double> &quarters, double usd, Window w, int offset)
{
    if (usd == 0.0)
        return;
    const double a = w.begin + offset;
    const double b = w.end + offset;
    if (b - a < 1e-9) {
        const auto q = std::size_t(std::max(0.0, std::floor(a / 3.0)));
        if (q < quarters.size())
            quarters[q] += usd;
        return;
    }
    for (std::size_t q = std::size_t(std::max(0.0, std::floor(a / 3.0))); q < quarters.size();
         ++q) {
        const double lo = std::max(a, 3.0 * double(q));
        const double hi = std::min(b, 3.0 * double(q + 1));
        if (hi <= lo) {
            if (3.0 * double(q) >= b)
                break;
            continue;
        }
        quarters[q] += usd * (hi - lo) / (b - a);
    }
}

} // namespace

Expected<CashFlow> quarterlyCashFlow(const EconomicsResult &cost, const PlanResult &plan,
                                     const ScheduleResult &schedule)
{
    const YearMonth start = schedule.start;
    if (!start.valid())
        return Error{"cash flow: the start month must be between 1 and 12"};
    const std::size_t phases = plan.phases.size();
    if (phases == 0 || schedule.phases.size() != phases)
        return Error{"cash flow: the schedule has " + std::to_string(schedule.phases.size())
                     + " phases and the plan " + std::to_string(phases)
                     + "; schedule the plan's phases"};
    double totalMw = 0.0;
    for (const PhaseResult &p : plan.phases)
        totalMw += p.itLoad.value();
    if (!(totalMw > 0.0))
        return Error{"cash flow: the plan's phases have no IT load"};

    // Per phase: stretch of the typical schedule to the P50 date, and the phase's windows.
    std::vector<double> stretch(phases, 1.0);
    std::vector<Window> build(phases), fitout(phases);
    std::vector<double> energized(phases);
    for (std::size_t k = 0; k < phases; ++k) {
        const PhaseEnergization &e = schedule.phases[k];
        if (e.deterministic.value() > 0.0)
            stretch[k] = e.p50.value() / e.deterministic.value();
        const std::string n = std::to_string(k + 1);
        const TaskSchedule *shell = findTask(schedule, "shell_" + n);
        const TaskSchedule *commissioning = findTask(schedule, "commissioning_" + n);
        const TaskSchedule *fit = findTask(schedule, "fitout_" + n);
        if (!shell || !commissioning || !fit)
            return Error{"cash flow: the schedule has no shell, fit-out or commissioning for phase "
                         + n};
        const double s = stretch[k];
        const TaskSchedule *power = findTask(schedule, "energization_" + n);
        if (!power)
            return Error{"cash flow: the schedule has no energization for phase " + n};
        // Just in time: shell, fit-out and commissioning end when the phase's energization can
        // start, so a phase that waits for power is not built and equipped years ahead.
        auto length = [](const TaskSchedule *t) {
            return t->timing.earlyFinish.value() - t->timing.earlyStart.value();
        };
        const double ready = power->timing.earlyStart.value();
        const double fitEnd = ready - length(commissioning);
        const double fitStart = fitEnd - length(fit);
        build[k] = {(fitStart - length(shell)) * s, ready * s};
        fitout[k] = {fitStart * s, fitEnd * s};
        energized[k] = e.p50.value();
    }
    Window grid{std::numeric_limits<double>::max(), 0.0};
    for (const char *id : {"transmission", "substation_engineering", "transformer", "hv_breakers",
                           "interconnection"}) {
        if (const TaskSchedule *t = findTask(schedule, id)) {
            grid.begin = std::min(grid.begin, t->timing.earlyStart.value() * stretch[0]);
            grid.end = std::max(grid.end, t->timing.earlyFinish.value() * stretch[0]);
        }
    }
    if (grid.begin > grid.end)
        grid = {0.0, 0.0};

    const int offset = (start.month - 1) % 3; // months of the quarter before the start
    const double last = *std::max_element(energized.begin(), energized.end());
    const auto count = std::size_t(std::ceil((last + 12.0 + offset) / 3.0));
    std::vector<std::vector<double>> capex(phases, std::vector<double>(count, 0.0));
    std::vector<double> opex(count, 0.0);
    for (std::size_t i = 0; i < cost.capex.size(); ++i) {
        const double usd = cost.capex[i].usd;
        switch (cost.capexGroups[i]) {
        case CapexGroup::Land:
            spread(capex[0], usd, {0.0, 0.0}, offset);
            break;
        case CapexGroup::Grid:
            spread(capex[0], usd, grid, offset);
            break;
        case CapexGroup::Facility:
        case CapexGroup::It:
            for (std::size_t k = 0; k < phases; ++k) {
                const double share = plan.phases[k].itLoad.value() / totalMw;
                spread(capex[k], usd * share,
                       cost.capexGroups[i] == CapexGroup::It ? fitout[k] : build[k], offset);
            }
            break;
        }
    }
    const double horizonEnd = double(count * 3);
    for (std::size_t k = 0; k < phases; ++k) {
        const double share = plan.phases[k].itLoad.value() / totalMw;
        const double from = energized[k];
        const double months = horizonEnd - offset - from;
        if (months > 0.0)
            spread(opex, cost.opexPerYear * share * months / 12.0, {from, from + months}, offset);
    }

    CashFlow flow;
    const int firstMonth = start.year * 12 + (start.month - 1) - offset;
    double cumulative = 0.0;
    for (std::size_t q = 0; q < count; ++q) {
        CashFlowQuarter quarter;
        const int month = firstMonth + int(q) * 3;
        quarter.start = {month / 12, month % 12 + 1};
        for (std::size_t k = 0; k < phases; ++k) {
            quarter.capexByPhase.push_back(capex[k][q]);
            quarter.capex += capex[k][q];
        }
        quarter.opex = opex[q];
        cumulative += quarter.capex + quarter.opex;
        quarter.cumulative = cumulative;
        flow.peakQuarterCapex = std::max(flow.peakQuarterCapex, quarter.capex);
        flow.quarters.push_back(std::move(quarter));
    }
    return flow;
}

} // namespace planner
