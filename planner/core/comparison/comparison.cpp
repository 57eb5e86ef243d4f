// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/comparison/comparison.h"

#include "planner/core/io/textformat.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace planner {

namespace {

using text::format;

using FigureOf = std::function<std::optional<double>(const ComparedPlan &)>;

double monthIndex(YearMonth m)
{
    return double(m.year) * 12.0 + double(m.month - 1);
}

const PhaseEnergization *phaseOf(const ComparedPlan &p, std::size_t k)
{
    const auto &s = p.evaluation.schedule;
    return s && k < s->phases.size() ? &s->phases[k] : nullptr;
}

const PhaseEnergization *lastPhase(const ComparedPlan &p)
{
    const auto &s = p.evaluation.schedule;
    return s && !s->phases.empty() ? &s->phases.back() : nullptr;
}

ComparisonRow makeRow(const std::vector<ComparedPlan> &plans, std::size_t baseline, std::string id,
                      std::string label, std::string unit, Better better, const FigureOf &figure,
                      bool isMonth = false)
{
    ComparisonRow row;
    row.id = std::move(id);
    row.label = std::move(label);
    row.unit = std::move(unit);
    row.better = better;
    row.isMonth = isMonth;
    for (const ComparedPlan &p : plans) {
        std::optional<double> v = figure(p);
        if (v && !std::isfinite(*v))
            v.reset();
        row.values.push_back(v);
    }
    if (better != Better::Neither) {
        for (std::size_t i = 0; i < row.values.size(); ++i) {
            if (!row.values[i])
                continue;
            if (!row.best
                || (better == Better::Lower ? *row.values[i] < *row.values[*row.best]
                                            : *row.values[i] > *row.values[*row.best]))
                row.best = i;
        }
    }
    // Values equal to within rounding are equal: no difference, and no best among equals.
    auto same = [](double a, double b) {
        return std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b));
    };
    if (row.best) {
        bool others = false;
        for (std::size_t i = 0; i < row.values.size(); ++i)
            others = others || (row.values[i] && !same(*row.values[i], *row.values[*row.best]));
        if (!others)
            row.best.reset();
    }
    const std::optional<double> base = row.values[baseline];
    for (const std::optional<double> &v : row.values) {
        if (!v || !base) {
            row.difference.emplace_back();
            row.percent.emplace_back();
            continue;
        }
        row.difference.emplace_back(same(*v, *base) ? 0.0 : *v - *base);
        row.percent.push_back(!isMonth && *base != 0.0 ? std::optional<double>(
                                      (*v - *base) / std::abs(*base) * 100.0)
                                                       : std::nullopt);
    }
    return row;
}

// The plans ordered by a row, best first; plans without a value last.
std::vector<std::size_t> ranking(const ComparisonRow &row)
{
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < row.values.size(); ++i) {
        if (row.values[i])
            order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return row.better == Better::Higher ? *row.values[a] > *row.values[b]
                                            : *row.values[a] < *row.values[b];
    });
    return order;
}

const ComparisonRow *rowById(const Comparison &c, const std::string &id)
{
    for (const ComparisonRow &r : c.rows) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

void summarise(Comparison &c)
{
    const ComparisonRow *p50 = rowById(c, "p50_last");
    const ComparisonRow *p90 = rowById(c, "p90_last");
    std::vector<std::size_t> at50, at90;
    if (p50)
        at50 = ranking(*p50);
    if (p90)
        at90 = ranking(*p90);
    auto firstSentence = [&](const std::vector<std::size_t> &order, const ComparisonRow &row,
                             const char *level) {
        if (order.size() < 2)
            return;
        const std::size_t a = order[0], b = order[1];
        const double months = *row.values[b] - *row.values[a];
        if (months == 0.0) {
            c.summary.push_back(format("%s and %s power on together at %s (%s, last phase).",
                                       c.plans[a].c_str(), c.plans[b].c_str(), level,
                                       monthText(*row.values[a]).c_str()));
            return;
        }
        c.summary.push_back(format("%s powers on first at %s (%s, last phase), %.0f month%s "
                                   "before %s.",
                                   c.plans[a].c_str(), level, monthText(*row.values[a]).c_str(),
                                   months, months == 1.0 ? "" : "s", c.plans[b].c_str()));
    };
    if (p50)
        firstSentence(at50, *p50, "P50");
    if (p90)
        firstSentence(at90, *p90, "P90");
    if (!at50.empty() && !at90.empty() && at50 != at90) {
        // Where the order of the plans differs between the median and the bad case.
        for (std::size_t k = 0; k < std::min(at50.size(), at90.size()); ++k) {
            if (at50[k] != at90[k]) {
                c.summary.push_back(format(
                        "The ranking flips between P50 and P90: %s is ahead of %s at P50 but "
                        "behind it at P90, so schedule risk decides between them.",
                        c.plans[at50[k]].c_str(), c.plans[at90[k]].c_str()));
                break;
            }
        }
    }
    auto cheapest = [&](const char *id, const char *what, const char *unit, double scale) {
        const ComparisonRow *row = rowById(c, id);
        if (!row)
            return;
        const std::vector<std::size_t> order = ranking(*row);
        if (order.size() < 2)
            return;
        const double a = *row->values[order[0]], b = *row->values[order[1]];
        c.summary.push_back(format(
                "%s is cheapest %s (%.2f %s), %.0f %% below %s.", c.plans[order[0]].c_str(), what,
                a * scale, unit, b != 0.0 ? (b - a) / b * 100.0 : 0.0, c.plans[order[1]].c_str()));
    };
    cheapest("usd_per_accelerator_hour", "per accelerator-hour", "USD", 1.0);
    cheapest("usd_per_million_tokens", "per million tokens", "USD", 1.0);
    cheapest("tco_npv_usd", "over its life (TCO, NPV)", "B USD", 1e-9);
    const ComparisonRow *score = rowById(c, "site_score");
    if (score) {
        const std::vector<std::size_t> order = ranking(*score);
        if (order.size() >= 2)
            c.summary.push_back(format("%s has the best site (score %.0f against %.0f for %s).",
                                       c.plans[order[0]].c_str(), *score->values[order[0]],
                                       *score->values[order[1]], c.plans[order[1]].c_str()));
    }
}

} // namespace

std::string monthText(double value)
{
    const long index = std::lround(value);
    return format("%04ld-%02ld", index / 12, index % 12 + 1);
}

Expected<Comparison> compare(const std::vector<ComparedPlan> &plans, std::size_t baseline)
{
    if (plans.size() < 2)
        return Error{"a comparison needs at least two plans"};
    if (baseline >= plans.size())
        return Error{format("the baseline is plan %zu, but there are %zu plans", baseline + 1,
                            plans.size())};
    Comparison c;
    c.baseline = baseline;
    for (const ComparedPlan &p : plans)
        c.plans.push_back(p.name);
    auto add = [&](std::string id, std::string label, std::string unit, Better better,
                   const FigureOf &f, bool isMonth = false) {
        c.rows.push_back(makeRow(plans, baseline, std::move(id), std::move(label), std::move(unit),
                                 better, f, isMonth));
    };
    auto cost = [](const ComparedPlan &p) {
        return p.evaluation.cost ? &*p.evaluation.cost : nullptr;
    };
    add("site_score", "Site score", "0-100", Better::Higher,
        [](const ComparedPlan &p) { return p.siteScore; });
    add("mw_it", "Critical IT load", "MW", Better::Neither,
        [](const ComparedPlan &p) { return std::optional(p.evaluation.plan.itLoad.value()); });
    add("facility_peak_mw", "Facility peak load", "MW", Better::Neither, [](const ComparedPlan &p) {
        return std::optional(p.evaluation.plan.electrical.peakFacilityLoad.value());
    });
    add("annual_pue", "Annual PUE", "", Better::Lower,
        [](const ComparedPlan &p) { return std::optional(p.evaluation.plan.cooling.annualPue); });
    add("water_m3_per_year", "Water", "m³/year", Better::Lower, [](const ComparedPlan &p) {
        return std::optional(p.evaluation.plan.cooling.waterPerYear.value());
    });
    add("capex_usd", "Capex", "USD", Better::Lower, [&](const ComparedPlan &p) {
        const auto *e = cost(p);
        return e ? std::optional(e->totalCapex) : std::nullopt;
    });
    add("facility_capex_per_mw_it", "Facility capex per MW IT", "USD/MW", Better::Lower,
        [&](const ComparedPlan &p) {
            const auto *e = cost(p);
            return e ? std::optional(e->usdPerMwIt) : std::nullopt;
        });
    add("tco_npv_usd", "TCO (NPV)", "USD", Better::Lower, [&](const ComparedPlan &p) {
        const auto *e = cost(p);
        return e ? std::optional(e->npvTco) : std::nullopt;
    });
    add("usd_per_accelerator_hour", "Cost per accelerator-hour", "USD", Better::Lower,
        [&](const ComparedPlan &p) {
            const auto *e = cost(p);
            return e ? e->usdPerAcceleratorHour : std::nullopt;
        });
    add("usd_per_million_tokens", "Cost per million tokens", "USD", Better::Lower,
        [&](const ComparedPlan &p) {
            const auto *e = cost(p);
            return e ? e->usdPerMillionTokens : std::nullopt;
        });
    std::size_t phases = 0;
    for (const ComparedPlan &p : plans) {
        if (p.evaluation.schedule)
            phases = std::max(phases, p.evaluation.schedule->phases.size());
    }
    for (std::size_t k = 0; k < phases; ++k) {
        const std::string n = std::to_string(k + 1);
        add(
                "p10_phase_" + n, "Power-on P10, phase " + n, "month", Better::Lower,
                [k](const ComparedPlan &p) {
                    const auto *e = phaseOf(p, k);
                    return e ? std::optional(monthIndex(e->p10Date)) : std::nullopt;
                },
                true);
        add(
                "p50_phase_" + n, "Power-on P50, phase " + n, "month", Better::Lower,
                [k](const ComparedPlan &p) {
                    const auto *e = phaseOf(p, k);
                    return e ? std::optional(monthIndex(e->p50Date)) : std::nullopt;
                },
                true);
        add(
                "p90_phase_" + n, "Power-on P90, phase " + n, "month", Better::Lower,
                [k](const ComparedPlan &p) {
                    const auto *e = phaseOf(p, k);
                    return e ? std::optional(monthIndex(e->p90Date)) : std::nullopt;
                },
                true);
    }
    add(
            "p50_last", "Power-on P50, last phase", "month", Better::Lower,
            [](const ComparedPlan &p) {
                const auto *e = lastPhase(p);
                return e ? std::optional(monthIndex(e->p50Date)) : std::nullopt;
            },
            true);
    add(
            "p90_last", "Power-on P90, last phase", "month", Better::Lower,
            [](const ComparedPlan &p) {
                const auto *e = lastPhase(p);
                return e ? std::optional(monthIndex(e->p90Date)) : std::nullopt;
            },
            true);
    add("bridging_months", "Months on bridging power", "months", Better::Neither,
        [](const ComparedPlan &p) -> std::optional<double> {
            const auto &s = p.evaluation.schedule;
            if (!s || !s->bridging)
                return 0.0;
            const BridgingSummary &b = *s->bridging;
            return std::max(0.0, b.gridReady.value() - b.deterministicReady.value());
        });
    add("land_ha", "Campus land", "ha", Better::Lower,
        [](const ComparedPlan &p) { return std::optional(p.evaluation.plan.land.campus.value()); });
    summarise(c);
    return c;
}

} // namespace planner
