// SPDX-License-Identifier: GPL-3.0-or-later
// Times a full tornado of the P50 energization date on the default network (2 phases of 50 MW,
// 10 km of 345 kV line, a new substation, PJM queue, reciprocating-engine bridging) on one
// thread, at several Monte Carlo sample counts, and prints the top bars; then the tornado of the
// TCO of the bundled 100 MW example (every catalog figure with a range). Target (issue 4): a
// full tornado of at least 20 inputs in <= 50 ms.

#include "planner/core/catalog/catalogloader.h"
#include "planner/core/catalog/schedulecatalog.h"
#include "planner/core/economics/economicstornado.h"
#include "planner/core/io/planjson.h"
#include "planner/core/schedule/scheduletornado.h"
#include "planner/core/sizing/planner.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

using namespace planner;

namespace {

int tcoTornadoBench(const std::string &root)
{
    auto catalog = loadCatalog(root + "/resources/catalog");
    auto economics = EconomicsCatalog::load(root + "/resources/catalog/economics.json");
    std::ifstream file(root + "/resources/examples/plan-100mw.json");
    std::ostringstream text;
    text << file.rdbuf();
    auto request = parsePlanRequest(text.str());
    if (!catalog || !economics || !request) {
        std::fprintf(stderr, "cannot load the catalogs or the example\n");
        return 1;
    }
    auto plan = planner::plan(request->input, request->site, *catalog);
    if (!plan) {
        std::fprintf(stderr, "%s\n", plan.error().message.c_str());
        return 1;
    }
    const int repeats = 21;
    std::vector<double> ms;
    Expected<Tornado> t = Error{"not run"};
    for (int i = 0; i < repeats; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        t = tcoTornado(request->input, *plan, request->site, *economics, request->economics);
        const auto t1 = std::chrono::steady_clock::now();
        if (!t) {
            std::fprintf(stderr, "%s\n", t.error().message.c_str());
            return 1;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::nth_element(ms.begin(), ms.begin() + repeats / 2, ms.end());
    std::printf("\nTCO tornado of the 100 MW example: %zu inputs that move the TCO: %.2f ms "
                "(median of %d, one thread; target <= 50 ms)\n",
                t->bars.size(), ms[repeats / 2], repeats);
    std::printf("TCO %.0f M USD; top drivers:\n", t->baseOutput / 1e6);
    for (std::size_t i = 0; i < std::min<std::size_t>(8, t->bars.size()); ++i) {
        const TornadoBar &b = t->bars[i];
        std::printf("  %-60s %+8.0f .. %+8.0f M USD\n", b.name.c_str(),
                    (b.outputAtLow - t->baseOutput) / 1e6, (b.outputAtHigh - t->baseOutput) / 1e6);
    }
    return 0;
}

} // namespace

int main()
{
    const char *dir = std::getenv("ENERGIZE_SOURCE_DIR");
    const auto catalog = ScheduleCatalog::load(std::string(dir ? dir : ENERGIZE_SOURCE_DIR)
                                               + "/resources/catalog/schedule.json");
    if (!catalog) {
        std::fprintf(stderr, "%s\n", catalog.error().message.c_str());
        return 1;
    }
    ScheduleInputs in;
    in.market = "pjm";
    in.phases = {Megawatts(50.0), Megawatts(50.0)};
    in.lineDistance = Kilometres(10.0);
    in.lineVoltage = Kilovolts(345.0);
    in.bridging = "recip_engines";
    in.start = YearMonth{2026, 1};

    const int repeats = 11;
    for (const int samples : {1000, 2000, 5000, 10000}) {
        MonteCarloOptions options;
        options.samples = samples;
        std::vector<double> ms;
        std::size_t inputs = 0;
        for (int i = 0; i < repeats; ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            const auto t = scheduleTornado(in, catalog.value(), options);
            const auto t1 = std::chrono::steady_clock::now();
            if (!t) {
                std::fprintf(stderr, "%s\n", t.error().message.c_str());
                return 1;
            }
            inputs = t->bars.size();
            ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        }
        std::nth_element(ms.begin(), ms.begin() + repeats / 2, ms.end());
        std::printf("tornado: %zu inputs, %2zu model runs x %5d samples: %7.2f ms (median of "
                    "%d, one thread)\n",
                    inputs, 2 * inputs + 1, samples, ms[repeats / 2], repeats);
    }
    MonteCarloOptions options;
    const auto t = scheduleTornado(in, catalog.value(), options);
    std::printf("P50 of the last phase: %.2f months; top drivers (%d samples):\n", t->baseOutput,
                options.samples);
    for (std::size_t i = 0; i < std::min<std::size_t>(8, t->bars.size()); ++i) {
        const TornadoBar &b = t->bars[i];
        std::printf("  %-60s %5.1f..%5.1f -> %5.1f..%5.1f (swing %.1f)\n", b.name.c_str(), b.low,
                    b.high, b.outputAtLow, b.outputAtHigh, b.swing());
    }
    return tcoTornadoBench(dir ? dir : ENERGIZE_SOURCE_DIR);
}
