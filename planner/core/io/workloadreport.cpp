// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/io/workloadreport.h"

#include "planner/core/io/textformat.h"

#include <nlohmann/json.hpp>

namespace planner {
namespace {

using text::format;
using text::row;

std::string sourceText(const ModelThroughput &t, const Catalog &catalog)
{
    const SourceRef *ref = catalog.sourceOf(t.tokensPerSecond);
    if (!ref)
        return t.benchmark + ", " + t.scenario + " (user figure)";
    return t.benchmark + ", " + t.scenario + "; " + ref->status + ", " + ref->year + ", "
            + ref->url;
}

template<typename T>
nlohmann::json orNull(const std::optional<T> &v)
{
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

} // namespace

std::string workloadToTable(const WorkloadSizing &s, const Catalog &catalog,
                            const std::optional<RouterSavings> &savings)
{
    std::string out = "\nServed workload\n";
    out += row("requests per day", format("%.0f", s.requestsPerDay));
    out += row("tokens per day (input + output)", format("%.4g", s.tokensPerDay));
    out += row("output tokens/s, day's average", format("%.0f", s.averageOutputTokensPerSecond));
    for (const ClassSizing &c : s.classes) {
        out += row(format("  %s (%.0f %%, %.0f in / %.0f out)", c.route.modelClass.c_str(),
                          c.route.share * 100.0, c.route.inputTokens, c.route.outputTokens),
                   c.throughput ? format("%.1f accelerators at %.0f tokens/s each (peak %.0f "
                                         "tokens/s)",
                                         c.accelerators, c.throughput->tokensPerSecond.value,
                                         c.peakOutputTokensPerSecond)
                                : std::string("no share, no figure"));
        if (c.throughput)
            out += row("", "  " + sourceText(*c.throughput, catalog));
    }
    out += row("accelerators", format("%lld", s.accelerators));
    out += row("racks", format("%d", s.racks));
    if (savings) {
        out += row("router savings",
                   format("%.2f MW IT less than all to '%s' (%.2f MW)",
                          savings->itMwAll - savings->itMwMix, savings->allToClass.c_str(),
                          savings->itMwAll));
        if (savings->usdPerYearMix && savings->usdPerYearAll)
            out += row("",
                       format("%.1f M USD a year less (%.1f against %.1f M USD)",
                              (*savings->usdPerYearAll - *savings->usdPerYearMix) / 1e6,
                              *savings->usdPerYearMix / 1e6, *savings->usdPerYearAll / 1e6));
    }
    return out;
}

std::string workloadToJson(const WorkloadSizing &s, const Catalog &catalog,
                           const std::optional<RouterSavings> &savings)
{
    nlohmann::json j;
    j["requests_per_day"] = s.requestsPerDay;
    j["tokens_per_day"] = s.tokensPerDay;
    j["average_output_tokens_per_second"] = s.averageOutputTokensPerSecond;
    j["accelerators"] = s.accelerators;
    j["racks"] = s.racks;
    j["classes"] = nlohmann::json::array();
    for (const ClassSizing &c : s.classes) {
        nlohmann::json k{{"model_class", c.route.modelClass},
                         {"share", c.route.share},
                         {"input_tokens", c.route.inputTokens},
                         {"output_tokens", c.route.outputTokens},
                         {"peak_output_tokens_per_second", c.peakOutputTokensPerSecond},
                         {"accelerators", c.accelerators}};
        if (c.throughput) {
            k["tokens_per_second_per_accelerator"] = c.throughput->tokensPerSecond.value;
            k["benchmark"] = c.throughput->benchmark;
            k["scenario"] = c.throughput->scenario;
            k["source"] = sourceText(*c.throughput, catalog);
        }
        j["classes"].push_back(std::move(k));
    }
    if (savings) {
        j["router_savings"] = {{"all_to_class", savings->allToClass},
                               {"it_mw_mix", savings->itMwMix},
                               {"it_mw_all", savings->itMwAll},
                               {"mw_saved", savings->itMwAll - savings->itMwMix},
                               {"usd_per_year_mix", orNull(savings->usdPerYearMix)},
                               {"usd_per_year_all", orNull(savings->usdPerYearAll)}};
        if (savings->usdPerYearMix && savings->usdPerYearAll)
            j["router_savings"]["usd_per_year_saved"] =
                    *savings->usdPerYearAll - *savings->usdPerYearMix;
    }
    return j.dump(2);
}

std::string systemsToTable(const std::vector<SystemPerMw> &rows)
{
    std::string out = "\nWhat a megawatt buys (same plan and site, each catalog system)\n";
    out += format("  %-44s %8s %12s %12s %10s %10s\n", "system", "acc/MW", "tokens/s/MW",
                  "capex M/MW", "USD/acc-h", "USD/Mtok");
    auto cell = [](const std::optional<double> &v, const char *pattern) {
        return v ? format(pattern, *v) : std::string("missing");
    };
    for (const SystemPerMw &r : rows) {
        if (!r.error.empty()) {
            out += format("  %-44s %s\n", r.name.c_str(), ("not built: " + r.error).c_str());
            continue;
        }
        out += format("  %-44s %8.1f %12s %12s %10s %10s\n", r.name.c_str(), r.acceleratorsPerMw,
                      cell(r.tokensPerSecondPerMw, "%.0f").c_str(),
                      cell(r.capexPerMw ? std::optional(*r.capexPerMw / 1e6) : std::nullopt, "%.2f")
                              .c_str(),
                      cell(r.usdPerAcceleratorHour, "%.2f").c_str(),
                      cell(r.usdPerMillionTokens, "%.3f").c_str());
    }
    out += "  missing: no published throughput for a class of the mix (or no workload), or no "
           "price\n";
    return out;
}

std::string systemsToJson(const std::vector<SystemPerMw> &rows)
{
    nlohmann::json list = nlohmann::json::array();
    for (const SystemPerMw &r : rows) {
        nlohmann::json j{{"system", r.systemId}, {"name", r.name}};
        if (!r.error.empty()) {
            j["error"] = r.error;
        } else {
            j["it_mw"] = r.itMw;
            j["accelerators"] = r.accelerators;
            j["accelerators_per_mw"] = r.acceleratorsPerMw;
            j["tokens_per_second_per_mw"] = orNull(r.tokensPerSecondPerMw);
            j["capex_usd_per_mw"] = orNull(r.capexPerMw);
            j["usd_per_accelerator_hour"] = orNull(r.usdPerAcceleratorHour);
            j["usd_per_million_tokens"] = orNull(r.usdPerMillionTokens);
            j["throughput_sources"] = r.throughputSources;
        }
        list.push_back(std::move(j));
    }
    return list.dump(2);
}

} // namespace planner
