// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/io/schedulereport.h"

#include "planner/core/io/textformat.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <map>

namespace planner {
namespace {

using text::format;
using text::row;

} // namespace

std::string formatYearMonth(YearMonth m)
{
    return format("%04d-%02d", m.year, m.month);
}

std::string scheduleToTable(const ScheduleResult &r, const ScheduleInputs &in)
{
    std::string out = "\nTime to power on\n";
    out += row("interconnection market", in.market);
    out += row("project start", formatYearMonth(in.start));
    out += row("Monte Carlo",
               format("%d samples, seed %llu", r.samples, static_cast<unsigned long long>(r.seed)));
    for (const PhaseEnergization &p : r.phases) {
        out += row(format("phase %d energized (P10 / P50 / P90)", p.phase),
                   formatYearMonth(p.p10Date) + " / " + formatYearMonth(p.p50Date) + " / "
                           + formatYearMonth(p.p90Date)
                           + format("  (%.1f / %.1f / %.1f months; typical %.1f)", p.p10.value(),
                                    p.p50.value(), p.p90.value(), p.deterministic.value()));
    }
    if (r.bridging) {
        const BridgingSummary &b = *r.bridging;
        out += row("bridging power", b.name);
        out += row("first power from",
                   format("%s (bridging %.1f, grid %.1f months; bridging first in %.0f %% of "
                          "samples)",
                          b.firstPath == PowerPath::Bridging ? "bridging" : "grid",
                          b.deterministicReady.value(), b.gridReady.value(),
                          b.bridgingFirstShare * 100.0));
    }
    std::string path;
    for (const std::string &id : r.criticalPath)
        path += (path.empty() ? "" : " → ") + id;
    out += row("critical path (typical durations)", path);
    std::vector<const TaskSchedule *> drivers;
    for (const TaskSchedule &t : r.tasks) {
        if (t.tailCriticality > 0.0)
            drivers.push_back(&t);
    }
    std::stable_sort(drivers.begin(), drivers.end(), [](const auto *a, const auto *b) {
        return a->tailCriticality > b->tailCriticality;
    });
    out += "  Tasks that drive the P90 (share of P90-tail samples on the driving path), float\n";
    for (std::size_t i = 0; i < drivers.size() && i < 8; ++i) {
        const TaskSchedule &t = *drivers[i];
        out += row("  " + t.name,
                   format("%3.0f %%  (criticality %3.0f %%, float %.1f months)",
                          t.tailCriticality * 100.0, t.criticality * 100.0,
                          t.timing.totalFloat.value()));
    }
    return out;
}

std::string scheduleToJson(const ScheduleResult &r, const ScheduleInputs &in)
{
    nlohmann::json j;
    j["market"] = in.market;
    j["start"] = formatYearMonth(in.start);
    j["samples"] = r.samples;
    j["seed"] = r.seed;
    for (const PhaseEnergization &p : r.phases) {
        j["phases"].push_back({{"phase", p.phase},
                               {"typical_months", p.deterministic.value()},
                               {"p10_months", p.p10.value()},
                               {"p50_months", p.p50.value()},
                               {"p90_months", p.p90.value()},
                               {"p10", formatYearMonth(p.p10Date)},
                               {"p50", formatYearMonth(p.p50Date)},
                               {"p90", formatYearMonth(p.p90Date)}});
    }
    for (const TaskSchedule &t : r.tasks) {
        j["tasks"].push_back({{"id", t.id},
                              {"name", t.name},
                              {"source", t.sourceEntry},
                              {"early_start_months", t.timing.earlyStart.value()},
                              {"early_finish_months", t.timing.earlyFinish.value()},
                              {"float_months", t.timing.totalFloat.value()},
                              {"critical", t.timing.critical},
                              {"criticality", t.criticality},
                              {"p90_criticality", t.tailCriticality}});
    }
    j["critical_path"] = r.criticalPath;
    if (r.bridging) {
        const BridgingSummary &b = *r.bridging;
        j["bridging"] = {{"option", b.option},
                         {"name", b.name},
                         {"ready_months", b.deterministicReady.value()},
                         {"grid_ready_months", b.gridReady.value()},
                         {"first_path", b.firstPath == PowerPath::Bridging ? "bridging" : "grid"},
                         {"bridging_first_share", b.bridgingFirstShare}};
    }
    return j.dump(2);
}

std::string tornadoToTable(const Tornado &t, const std::string &title, const std::string &unit,
                           double scale, std::size_t top)
{
    std::string out =
            "\n" + title + format(" (base %.1f %s)\n", t.baseOutput / scale, unit.c_str());
    for (std::size_t i = 0; i < t.bars.size() && i < top; ++i) {
        const TornadoBar &b = t.bars[i];
        std::string name = b.name.size() > 52 ? b.name.substr(0, 51) + "…" : b.name;
        char text[320];
        std::snprintf(text, sizeof(text), "  %-53s %+9.1f / %+9.1f %s  (input %g … %g)\n",
                      name.c_str(), (b.outputAtLow - t.baseOutput) / scale,
                      (b.outputAtHigh - t.baseOutput) / scale, unit.c_str(), b.low, b.high);
        out += text;
    }
    if (t.bars.size() > top)
        out += format("  … and %zu more inputs\n", t.bars.size() - top);
    return out;
}

std::string tornadoToJson(const Tornado &t)
{
    nlohmann::json j;
    j["base"] = t.baseOutput;
    j["bars"] = nlohmann::json::array();
    for (const TornadoBar &b : t.bars) {
        j["bars"].push_back({{"input", b.name},
                             {"low", b.low},
                             {"high", b.high},
                             {"output_at_low", b.outputAtLow},
                             {"output_at_high", b.outputAtHigh}});
    }
    return j.dump(2);
}

std::string cashFlowToTable(const CashFlow &flow)
{
    std::string out = "\nCash flow on the P50 schedule (M USD)\n";
    std::map<int, std::pair<double, double>> years;
    for (const CashFlowQuarter &q : flow.quarters) {
        years[q.start.year].first += q.capex;
        years[q.start.year].second += q.opex;
    }
    double cumulative = 0.0;
    for (const auto &[year, spend] : years) {
        cumulative += spend.first + spend.second;
        out += row(std::to_string(year),
                   format("capex %8.1f   opex %7.1f   cumulative %8.1f", spend.first / 1e6,
                          spend.second / 1e6, cumulative / 1e6));
    }
    const auto peak = std::max_element(
            flow.quarters.begin(), flow.quarters.end(),
            [](const CashFlowQuarter &a, const CashFlowQuarter &b) { return a.capex < b.capex; });
    if (peak != flow.quarters.end()) {
        out += row("peak quarter",
                   format("%s: %.1f M USD capex", formatYearMonth(peak->start).c_str(),
                          peak->capex / 1e6));
    }
    return out;
}

std::string cashFlowToJson(const CashFlow &flow)
{
    nlohmann::json j = nlohmann::json::array();
    for (const CashFlowQuarter &q : flow.quarters) {
        j.push_back({{"quarter_start", formatYearMonth(q.start)},
                     {"capex_usd", q.capex},
                     {"capex_by_phase_usd", q.capexByPhase},
                     {"opex_usd", q.opex},
                     {"cumulative_usd", q.cumulative}});
    }
    return j.dump(2);
}

} // namespace planner
