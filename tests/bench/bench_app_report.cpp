// SPDX-License-Identifier: GPL-3.0-or-later
// The demo's PDF report as `energize report --demo` writes it: the three plans evaluated with
// both tornados (collectReportData), then laid out and painted page by page with the charts and
// the map (writeReport). Wall time and the process's CPU time of each part, median of 3 runs.
// Target: <= 3 s for the whole report.
// Usage: bench_app_report   (prints figures; asserts nothing about time)

#include "app/commandline.h"
#include "app/demoproject.h"
#include "app/maplayers.h"
#include "app/report/reportdata.h"
#include "app/report/reportwriter.h"
#include "app/scoringmodel.h"
#include "app/scoringsettings.h"
#include "benchdemo.h"
#include "planner/core/evaluation/catalogs.h"
#include "planner/session/document.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
            + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Times
{
    std::vector<double> wall, cpu;
    void add(double w, double c)
    {
        wall.push_back(w);
        cpu.push_back(c);
    }
    static double median(std::vector<double> v)
    {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    }
};

} // namespace

int main(int argc, char **argv)
{
    app::keepFreedMemory(); // as main() does
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    const auto demo = bench::loadDemoProject();
    if (!demo)
        return 1;
    planner::Document &doc = demo->doc;
    app::MapLayers &layers = *demo->layers;
    app::ScoringSettings &scoring = *demo->scoring;
    const auto &catalogs = demo->catalogs;
    const app::DemoRegion &region = demo->region;
    app::report::ReportSource source;
    source.doc = &doc;
    source.scene = layers.scene();
    source.scoring = scoring.model();
    source.catalogs = std::make_shared<const planner::Catalogs>(std::move(*catalogs));
    source.projectName = "Texas demo region";
    source.mapExtent = region.bounds;
    source.attribution = region.attribution;
    QTemporaryDir dir;
    Times collect, write, total;
    int pages = 0;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer t;
        t.start();
        const double cpu0 = cpuSeconds();
        auto data = app::report::collectReportData(source, {});
        const double wall1 = t.nsecsElapsed() / 1e9, cpu1 = cpuSeconds();
        if (!data) {
            std::printf("collect: %s\n", data.error().message.c_str());
            return 1;
        }
        auto written = app::report::writeReport(*data, dir.filePath("report.pdf"));
        const double wall2 = t.nsecsElapsed() / 1e9, cpu2 = cpuSeconds();
        if (!written) {
            std::printf("write: %s\n", written.error().message.c_str());
            return 1;
        }
        pages = *written;
        collect.add(wall1, cpu1 - cpu0);
        write.add(wall2 - wall1, cpu2 - cpu1);
        total.add(wall2, cpu2 - cpu0);
    }
    const auto print = [](const char *what, const Times &t) {
        std::printf("%-44s median %6.2f s wall, %6.2f s CPU\n", what, Times::median(t.wall),
                    Times::median(t.cpu));
    };
    std::printf("demo report: %zu plans, %d pages, %lld bytes\n", doc.plans().size(), pages,
                QFileInfo(dir.filePath("report.pdf")).size());
    print("evaluate 3 plans with tornados", collect);
    print("lay out and paint the PDF", write);
    print("whole report", total);
    std::printf("target: <= 3 s for the whole report\n");
    return 0;
}
