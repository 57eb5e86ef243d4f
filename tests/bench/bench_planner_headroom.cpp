// SPDX-License-Identifier: GPL-3.0-or-later
// Times the grid headroom study on the synthetic ACTIVSg cases (2,000 and 10,000 buses): the
// one-off build (DC power flow and N-1 outage factors), the one-bus N-1 query that a site drag
// calls (median over many buses; targets ≤ 2 ms on 2,000 buses, ≤ 16 ms on 10,000), every bus
// on 2 threads (target ≤ 2 s on 2,000 buses), and the peak memory. Prints figures, asserts
// nothing. Run by hand:
//   ./bench_planner_headroom [2000|10k|all] [--float]
// (default: all). The cases come from ../shared/data/matpower-cases. Wall time and CPU time
// (of the process, or of the thread for one-bus queries) are both printed: on a shared machine
// the wall time also counts the waits for a core.

#include "planner/core/grid/headroom.h"
#include "planner/core/grid/matpowercase.h"

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace planner;

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double cpuMs(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) * 1e-6;
}

double peakMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

bool runCase(const std::string &file, int queryBuses, bool allBuses, LodfStorage storage)
{
    const char *dir = std::getenv("ENERGIZE_SOURCE_DIR");
    const std::string path =
            std::string(dir ? dir : ENERGIZE_SOURCE_DIR) + "/../shared/data/matpower-cases/" + file;
    auto t0 = Clock::now();
    const auto grid = readMatpowerCase(path);
    if (!grid) {
        std::fprintf(stderr, "%s\n", grid.error().message.c_str());
        return false;
    }
    std::printf("%s: %zu buses, %zu branches; read in %.0f ms\n", file.c_str(), grid->buses.size(),
                grid->branches.size(), msSince(t0));

    HeadroomOptions nOnly;
    nOnly.n1 = false;
    t0 = Clock::now();
    double c0 = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
    const auto studyN = HeadroomStudy::build(*grid, nOnly);
    if (!studyN) {
        std::fprintf(stderr, "%s\n", studyN.error().message.c_str());
        return false;
    }
    std::printf("  build, N only             %9.1f ms wall %9.1f ms CPU\n", msSince(t0),
                cpuMs(CLOCK_PROCESS_CPUTIME_ID) - c0);

    HeadroomOptions options;
    options.storage = storage;
    for (int threads : {1, 2}) {
        options.threads = threads;
        t0 = Clock::now();
        c0 = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
        const auto study = HeadroomStudy::build(*grid, options);
        if (!study) {
            std::fprintf(stderr, "%s\n", study.error().message.c_str());
            return false;
        }
        std::printf("  build, N-1, %d thread%s     %9.1f ms wall %9.1f ms CPU  (outage factors "
                    "%zu MB in %s, %zu splitting outages)\n",
                    threads, threads > 1 ? "s" : " ", msSince(t0),
                    cpuMs(CLOCK_PROCESS_CPUTIME_ID) - c0, study->lodfBytes() >> 20,
                    study->lodfInFloat() ? "float" : "double", study->splittingOutages().size());
    }
    options.threads = 0;
    const auto study = HeadroomStudy::build(*grid, options);
    const int nBus = int(grid->buses.size());
    const int step = std::max(1, nBus / queryBuses);
    for (const HeadroomStudy *s : {&studyN.value(), &study.value()}) {
        std::vector<double> ms, cpu;
        double sink = 0.0;
        for (int b = 0; b < nBus; b += step) {
            const auto q0 = Clock::now();
            const double qc = cpuMs(CLOCK_THREAD_CPUTIME_ID);
            const BusHeadroom h = s->headroomAt(b);
            cpu.push_back(cpuMs(CLOCK_THREAD_CPUTIME_ID) - qc);
            ms.push_back(msSince(q0));
            sink += h.headroomN1Mw;
        }
        std::sort(ms.begin(), ms.end());
        std::sort(cpu.begin(), cpu.end());
        std::printf("  one bus, %-4s             %9.3f ms median wall (%.3f CPU), 90th percentile "
                    "%.3f (%.3f), max %.3f (%.3f) over %zu buses (checksum %.6g)\n",
                    s == &studyN.value() ? "N" : "N-1", ms[ms.size() / 2], cpu[cpu.size() / 2],
                    ms[ms.size() * 9 / 10], cpu[cpu.size() * 9 / 10], ms.back(), cpu.back(),
                    ms.size(), sink);
    }
    if (allBuses) {
        for (int threads : {1, 2}) {
            t0 = Clock::now();
            c0 = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
            const auto all = study->headroomAll(threads);
            std::printf("  every bus, N-1, %d thread%s %9.1f ms wall %9.1f ms CPU\n", threads,
                        threads > 1 ? "s" : " ", msSince(t0), cpuMs(CLOCK_PROCESS_CPUTIME_ID) - c0);
        }
    }
    std::printf("  peak memory so far        %9.0f MB (getrusage maxrss)\n", peakMb());
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    std::string which = "all";
    LodfStorage storage = LodfStorage::Automatic;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--float"))
            storage = LodfStorage::Float;
        else if (!std::strcmp(argv[i], "--double"))
            storage = LodfStorage::Double;
        else
            which = argv[i];
    }
    bool ok = true;
    if (which == "all" || which == "2000")
        ok = runCase("case_ACTIVSg2000.m", 400, true, storage) && ok;
    if (which == "all" || which == "10k")
        ok = runCase("case_ACTIVSg10k.m", 200, true, storage) && ok;
    return ok ? 0 : 1;
}
