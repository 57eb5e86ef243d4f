// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison as the product recomputes it (app::comparePlans, behind the comparison view
// and `energize compare`): six plans of the demo (its three and a copy of each), evaluated
// again whole as after any one change, to updated table data. Interactive Monte Carlo samples (what
// a drag uses) and full ones. Target: <= 50 ms to updated table data (the full run may follow).
// Usage: bench_app_compare   (prints figures; asserts nothing about time)

#include "app/commandline.h"
#include "app/demoproject.h"
#include "app/maplayers.h"
#include "app/plancomparison.h"
#include "app/planevaluation.h"
#include "app/scoringmodel.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "benchdemo.h"
#include "planner/core/evaluation/catalogs.h"
#include "planner/session/document.h"
#include "planner/session/plancommands.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char **argv)
{
    app::keepFreedMemory(); // as main() does
    QCoreApplication application(argc, argv);
    const auto demo = bench::loadDemoProject();
    if (!demo)
        return 1;
    planner::Document &doc = demo->doc;
    app::MapLayers &layers = *demo->layers;
    app::ScoringSettings &scoring = *demo->scoring;
    const auto &catalogs = demo->catalogs;
    std::vector<std::int64_t> ids;
    for (const planner::BuildPlan &p : doc.plans())
        ids.push_back(p.id);
    for (std::int64_t id : ids)
        planner::commands::duplicatePlan(doc, id);
    std::printf("%zu plans\n", doc.plans().size());
    app::SiteAnalyzer analyzer(*layers.scene(), scoring.model());
    auto measure = [&](const char *what, const planner::EvaluationOptions &options) {
        std::vector<double> ms;
        for (int run = 0; run < 7; ++run) {
            // comparePlans keeps nothing between calls: after any one input changes, every plan
            // is evaluated again, which is what is timed here.
            QElapsedTimer t;
            t.start();
            auto c = app::comparePlans(doc, analyzer, *catalogs, scoring.model().market, {},
                                       options);
            ms.push_back(t.nsecsElapsed() / 1e6);
            if (!c) {
                std::printf("compare: %s\n", c.error().message.c_str());
                return;
            }
        }
        std::sort(ms.begin(), ms.end());
        std::printf("%-40s median %7.1f ms (min %.1f, max %.1f) over %zu runs\n", what,
                    ms[ms.size() / 2], ms.front(), ms.back(), ms.size());
    };
    planner::EvaluationOptions interactive = app::headlineOptions();
    interactive.samples = 2000; // as a drag evaluates
    measure("6 plans, 2,000 samples (interactive)", interactive);
    measure("6 plans, 10,000 samples (full)", app::headlineOptions());
    std::printf("target: <= 50 ms to updated table data\n");
    return 0;
}
