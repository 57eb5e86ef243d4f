// SPDX-License-Identifier: GPL-3.0-or-later
// Times the schedule Monte Carlo on the default network (2 phases of 50 MW, 10 km of 345 kV
// line, a new substation, PJM queue, reciprocating-engine bridging) at 10,000 samples on one
// thread, and prints the result it times. Target (issue 4): <= 10 ms for 10,000 samples.

#include "planner/core/catalog/schedulecatalog.h"
#include "planner/core/montecarlo/montecarlo.h"
#include "planner/core/montecarlo/montecarlosampler.h"
#include "planner/core/schedule/scheduledefaultnetwork.h"
#include "planner/core/schedule/scheduleplanner.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

using namespace planner;

namespace {

// Median wall time of `repeats` runs, in milliseconds.
double medianMs(int repeats, const std::function<void()> &work)
{
    std::vector<double> ms;
    for (int i = 0; i < repeats; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        work();
        const auto t1 = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::nth_element(ms.begin(), ms.begin() + repeats / 2, ms.end());
    return ms[static_cast<std::size_t>(repeats / 2)];
}

} // namespace

int main(int argc, char **argv)
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
    const int samples = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int repeats = 31;
    MonteCarloOptions options;
    options.samples = samples;

    const auto network = buildDefaultNetwork(in, catalog.value());
    if (!network) {
        std::fprintf(stderr, "%s\n", network.error().message.c_str());
        return 1;
    }
    const auto last = *network->indexOf(scheduletasks::energization(2));
    const MonteCarloSampler sampler(*network, samples, options.seed);
    const SampleMatrix durations = sampler.durations();
    const SampleMatrix finish = finishTimes(*network, durations);

    std::printf("default network: %zu tasks, %d samples, median of %d runs, one thread\n",
                network->size(), samples, repeats);
    std::printf("  draw variates      %7.3f ms\n",
                medianMs(repeats, [&] { MonteCarloSampler s(*network, samples, options.seed); }));
    std::printf("  durations          %7.3f ms\n", medianMs(repeats, [&] { sampler.durations(); }));
    std::printf("  finish times       %7.3f ms\n",
                medianMs(repeats, [&] { finishTimes(*network, durations); }));
    std::printf("  percentiles (1)    %7.3f ms\n",
                medianMs(repeats, [&] { percentiles(finish, last); }));
    std::printf("  criticality        %7.3f ms\n",
                medianMs(repeats, [&] { criticality(*network, finish, last); }));
    std::printf("  planSchedule total %7.3f ms  (build network, CPM, Monte Carlo, P10/P50/P90 "
                "per phase, criticality, bridging)\n",
                medianMs(repeats, [&] { planSchedule(in, catalog.value(), options); }));

    const auto r = planSchedule(in, catalog.value(), options);
    if (!r) {
        std::fprintf(stderr, "%s\n", r.error().message.c_str());
        return 1;
    }
    for (const PhaseEnergization &p : r->phases) {
        std::printf("phase %d: deterministic %.1f, P10 %.1f, P50 %.1f, P90 %.1f months "
                    "(P50 %04d-%02d)\n",
                    p.phase, p.deterministic.value(), p.p10.value(), p.p50.value(), p.p90.value(),
                    p.p50Date.year, p.p50Date.month);
    }
    if (r->bridging) {
        std::printf("bridging %s ready %.1f vs grid %.1f months; first in %.0f %% of samples\n",
                    r->bridging->option.c_str(), r->bridging->deterministicReady.value(),
                    r->bridging->gridReady.value(), 100.0 * r->bridging->bridgingFirstShare);
    }
    for (const TaskSchedule &t : r->tasks) {
        std::printf("  %-24s ES %5.1f EF %5.1f float %5.1f  crit %.2f  P90-crit %.2f\n",
                    t.id.c_str(), t.timing.earlyStart.value(), t.timing.earlyFinish.value(),
                    t.timing.totalFloat.value(), t.criticality, t.tailCriticality);
    }
    return 0;
}
