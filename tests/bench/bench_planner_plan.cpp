// SPDX-License-Identifier: GPL-3.0-or-later
// Plan evaluations per second on one thread: the budget for re-planning on every mouse move
// while a site is dragged (target: at least 200,000 per second). Run by hand:
//   ./bench_planner_plan
// The site's temperatures move a little on each call, as they do while dragging.

#include "planner/core/catalog/catalogloader.h"
#include "planner/core/io/planjson.h"
#include "planner/core/sizing/planner.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace {

struct Fixture
{
    planner::Catalog catalog;
    planner::PlanRequest request;
};

const Fixture &fixture()
{
    static const Fixture f = [] {
        Fixture out;
        const std::string root = ENERGIZE_SOURCE_DIR;
        planner::Expected<planner::Catalog> c = planner::loadCatalog(root + "/resources/catalog");
        std::ifstream in(root + "/resources/examples/plan-100mw.json");
        std::stringstream text;
        text << in.rdbuf();
        planner::Expected<planner::PlanRequest> r = planner::parsePlanRequest(text.str());
        if (!c || !r) {
            std::fprintf(stderr, "bench_planner_plan: %s\n",
                         (!c ? c.error() : r.error()).message.c_str());
            std::exit(1);
        }
        out.catalog = *c;
        out.request = *r;
        return out;
    }();
    return f;
}

void runPlans(benchmark::State &state, const char *accelerator, const char *cooling)
{
    const Fixture &f = fixture();
    planner::PlanInput input = f.request.input;
    input.acceleratorId = accelerator;
    input.coolingId = cooling;
    input.phases.clear();
    planner::SiteConditions site = f.request.site;
    double shift = 0.0;
    for (auto _ : state) {
        shift = shift > 2.0 ? 0.0 : shift + 0.01;
        site.climate.monthlyDryBulb[6] = planner::Celsius(30.0 + shift);
        planner::Expected<planner::PlanResult> r = planner::plan(input, site, f.catalog);
        benchmark::DoNotOptimize(r);
    }
    state.counters["plans/s"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                                   benchmark::Counter::kIsRate);
}

void BM_PlanGb200Dlc(benchmark::State &state)
{
    runPlans(state, "gb200-nvl72", "dlc-dry-coolers");
}
void BM_PlanH100AirChillers(benchmark::State &state)
{
    runPlans(state, "hgx-h100", "air-chillers");
}
void BM_PlanImmersion(benchmark::State &state)
{
    runPlans(state, "gb300-nvl72", "immersion");
}

} // namespace

BENCHMARK(BM_PlanGb200Dlc);
BENCHMARK(BM_PlanH100AirChillers);
BENCHMARK(BM_PlanImmersion);
BENCHMARK_MAIN();
