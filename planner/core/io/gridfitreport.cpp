// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/io/gridfitreport.h"

#include "planner/core/io/textformat.h"
#include "planner/core/schedule/scheduledefaultnetwork.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace planner {
namespace {

using text::format;
using text::row;

// With a headroom study the per-MW allowance is never charged, so a "Network upgrade…" line is
// the shortfall's estimate (grid_upgrade.* entries) or the utility's facilities-study figure.
bool isUpgradeLine(const CostLine &line)
{
    return line.category.rfind("Network upgrade", 0) == 0;
}

const TaskSchedule *upgradeTask(const ScheduleResult *schedule)
{
    if (!schedule)
        return nullptr;
    for (const TaskSchedule &t : schedule->tasks) {
        if (t.id == scheduletasks::kNetworkUpgrade)
            return &t;
    }
    return nullptr;
}

std::string megawatts(double mw)
{
    return std::isinf(mw) ? std::string("unlimited") : format("%.1f MW", mw);
}

std::string orNotGiven(const std::string &text)
{
    return text.empty() ? std::string("not given") : text;
}

} // namespace

std::string servingBusText(const GridHeadroom &h)
{
    std::string inner;
    if (h.busId)
        inner = "bus " + std::to_string(*h.busId);
    if (h.busVoltage)
        inner += (inner.empty() ? "" : ", ") + format("%.0f kV", h.busVoltage->value());
    std::string text = h.busName;
    if (!inner.empty())
        text += (text.empty() ? "" : " ") + ("(" + inner + ")");
    if (h.distance)
        text += (text.empty() ? "" : ", ") + format("%.1f km from the site", h.distance->value());
    return orNotGiven(text);
}

std::string gridFitToTable(const GridFit &fit, const EconomicsResult *cost,
                           const ScheduleResult *schedule)
{
    const std::string criterion(gridCriterionName(fit.criterion));
    std::string out = "\nGrid headroom at the serving bus (" + criterion + " criterion)\n";
    out += row("serving bus", servingBusText(fit.study));
    out += row("grid case", orNotGiven(fit.study.gridCase));
    out += row("headroom N / N-1",
               megawatts(fit.study.n.value()) + " / " + megawatts(fit.study.n1.value()));
    out += row("binding element (" + criterion + ")",
               std::isinf(fit.headroom.value()) ? std::string("nothing limits the headroom")
                                                : orNotGiven(fit.binding));
    for (const PhaseGridFit &p : fit.phases) {
        const double spare = fit.headroom.value() - p.demand.value();
        out += row(format("phase %d peak demand (cumulative)", p.phase),
                   format("%.1f MW: ", p.demand.value())
                           + (p.fits() ? "fits, " + megawatts(spare) + " to spare"
                                       : format("short by %.1f MW", p.shortfall.value())));
    }
    if (fit.fits()) {
        out += row("result",
                   "fits: " + megawatts(fit.margin.value())
                           + " to spare at full build; no network upgrade");
    } else {
        out += row("result",
                   format("does not fit from phase %d: %.1f MW short at full build",
                          fit.firstShortPhase, fit.shortfall.value()));
        if (cost) {
            for (const CostLine &line : cost->capex) {
                if (isUpgradeLine(line))
                    out += row(line.category, format("%.1f M USD", line.usd / 1e6));
            }
        }
        if (const TaskSchedule *t = upgradeTask(schedule)) {
            const TaskTiming &tm = t->timing;
            std::string when =
                    format("typical %.1f months, in service at month %.1f",
                           (tm.earlyFinish - tm.earlyStart).value(), tm.earlyFinish.value());
            const std::size_t k = static_cast<std::size_t>(fit.firstShortPhase - 1);
            if (k < schedule->phases.size())
                when += format("; phase %d energized at month %.1f", fit.firstShortPhase,
                               schedule->phases[k].deterministic.value());
            out += row("network upgrade task", t->name);
            out += row("", when + " (typical durations)");
        }
    }
    for (const std::string &note : fit.notes)
        out += row("note", note);
    return out;
}

std::string gridFitToJson(const GridFit &fit, const EconomicsResult *cost,
                          const ScheduleResult *schedule)
{
    using nlohmann::ordered_json;
    const GridHeadroom &h = fit.study;
    ordered_json bus{{"name", h.busName}};
    bus["id"] = h.busId ? ordered_json(*h.busId) : ordered_json(nullptr);
    bus["kv"] = h.busVoltage ? ordered_json(h.busVoltage->value()) : ordered_json(nullptr);
    bus["distance_km"] = h.distance ? ordered_json(h.distance->value()) : ordered_json(nullptr);
    auto mw = [](double v) {
        return std::isinf(v) ? ordered_json(nullptr) : ordered_json(v);
    };
    ordered_json j;
    j["criterion"] = std::string(gridCriterionName(fit.criterion));
    j["bus"] = bus;
    j["grid_case"] = h.gridCase;
    j["headroom_n_mw"] = mw(h.n.value());
    j["headroom_n1_mw"] = mw(h.n1.value());
    j["headroom_mw"] = mw(fit.headroom.value());
    j["binding"] = fit.binding;
    j["fits"] = fit.fits();
    j["first_short_phase"] = fit.fits() ? ordered_json(nullptr) : ordered_json(fit.firstShortPhase);
    j["shortfall_mw"] = fit.shortfall.value();
    j["margin_mw"] = mw(fit.margin.value());
    ordered_json phases = ordered_json::array();
    for (const PhaseGridFit &p : fit.phases)
        phases.push_back({{"phase", p.phase},
                          {"demand_mw", p.demand.value()},
                          {"shortfall_mw", p.shortfall.value()},
                          {"fits", p.fits()}});
    j["phases"] = phases;
    ordered_json upgrade = nullptr;
    if (!fit.fits()) {
        upgrade = {{"before_phase", fit.firstShortPhase}};
        if (cost) {
            ordered_json lines = ordered_json::array();
            double total = 0.0;
            for (const CostLine &line : cost->capex) {
                if (!isUpgradeLine(line))
                    continue;
                lines.push_back(
                        {{"category", line.category},
                         {"usd", line.usd},
                         {"basis", line.basis},
                         {"entry",
                          line.rate ? ordered_json(line.rate->id) : ordered_json(nullptr)}});
                total += line.usd;
            }
            upgrade["cost"] = lines;
            upgrade["cost_usd"] = total;
        }
        if (const TaskSchedule *t = upgradeTask(schedule)) {
            upgrade["task"] = {
                    {"id", t->id},
                    {"name", t->name},
                    {"entry", t->sourceEntry},
                    {"typical_months", (t->timing.earlyFinish - t->timing.earlyStart).value()},
                    {"finish_months", t->timing.earlyFinish.value()}};
        }
    }
    j["upgrade"] = upgrade;
    j["notes"] = fit.notes;
    return j.dump(2) + "\n";
}

} // namespace planner
