// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The small router mix the workload tests work out by hand: 10,000 requests a second on
// average, 80 % to the mini class (1,000 in, 250 out tokens) and 20 % to the large dense class
// (2,000 in, 500 out); peak 1.5 × average; 60 % utilisation. On the catalog's HGX B200 it needs
// 467 accelerators in 15 racks (see test_workload.cpp for the arithmetic).

#include "planner/core/sizing/workload.h"

namespace planner::fixtures {

inline Workload smallMix()
{
    Workload w;
    w.requestsPerDay = 864'000'000.0;
    w.peakToAverage = 1.5;
    w.targetUtilisation = 0.6;
    w.mix = {{"mini", 0.8, 1000.0, 250.0}, {"large-dense", 0.2, 2000.0, 500.0}};
    return w;
}

} // namespace planner::fixtures
