// SPDX-License-Identifier: GPL-3.0-or-later
// File ▸ Save and the autosave as the product runs them, on the demo project and on a large
// one (the demo's layers with 1,000 sites and 100 plans): the plans' headline figures (what
// Save computes on the GUI thread before writing when the Plans list's figures do not follow
// the latest change yet; otherwise it takes the list's), the crash-safe write of the project file
// (planner::Document::save: one SQLite transaction on a side file, fsync, rename), the
// autosave's snapshot (GUI thread) and its recovery-copy write (a worker thread), and opening
// the file again. For scale, ogr2ogr copies the same saved file's tables into a new
// GeoPackage in the same run (a write of the same size without Energize's checks and fsyncs,
// its process start included).
// Usage: bench_app_save   (prints figures; asserts nothing about time)

#include "app/commandline.h"
#include "app/demoproject.h"
#include "app/maplayers.h"
#include "app/planevaluation.h"
#include "app/recoverystore.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "benchdemo.h"
#include "planner/core/evaluation/catalogs.h"
#include "planner/session/document.h"
#include "planner/session/plancommands.h"
#include "planner/session/sitecommands.h"
#include "planner/store/projectfile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

// Prints the median, min and max of `runs` timings of f, in ms; returns the median (NaN when f
// failed).
double measure(const char *what, int runs, const std::function<bool()> &f)
{
    std::vector<double> ms;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer t;
        t.start();
        if (!f()) {
            std::printf("%-44s FAILED\n", what);
            return std::nan("");
        }
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-44s median %8.1f ms (min %.1f, max %.1f) over %zu runs\n", what,
                ms[ms.size() / 2], ms.front(), ms.back(), ms.size());
    return ms[ms.size() / 2];
}

void benchProject(const char *label, planner::Document &doc, app::SiteAnalyzer &analyzer,
                  const planner::Catalogs &catalogs, const QString &market, const QString &folder)
{
    std::printf("== %s: %zu sites, %zu plans, %zu layers\n", label, doc.sites().size(),
                doc.plans().size(), doc.layers().size());
    std::vector<planner::PlanHeadline> headlines;
    measure("headline figures (GUI thread, Save if stale)", 3, [&] {
        headlines = app::planHeadlines(doc, analyzer, catalogs, market);
        return headlines.size() == doc.plans().size();
    });
    const QString path = folder + "/project.gpkg";
    const double saveMs = measure("crash-safe write (Document::save)", 5, [&] {
        const energize::Status saved = doc.save(path, headlines);
        if (!saved)
            std::printf("save: %s\n", saved.error().message.c_str());
        return bool(saved);
    });
    std::printf("%-44s %8.1f KiB\n", "file size", double(QFileInfo(path).size()) / 1024.0);
    planner::ProjectData snapshot;
    measure("autosave snapshot (GUI thread)", 5, [&] {
        snapshot = doc.snapshot(path, headlines);
        return true;
    });
    const app::RecoveryStore store(folder + "/recovery");
    measure("autosave copy write (worker thread)", 5, [&] {
        const energize::Status written = store.write("bench", path, snapshot);
        if (!written)
            std::printf("recovery: %s\n", written.error().message.c_str());
        return bool(written);
    });
    measure("open (Document::load)", 5, [&] {
        planner::Document again;
        return bool(again.load(path));
    });
    const QString ogr2ogr = QStandardPaths::findExecutable("ogr2ogr");
    if (ogr2ogr.isEmpty()) {
        std::printf("ogr2ogr not found: no reference figure\n");
        return;
    }
    const QString copy = folder + "/ogr2ogr-copy.gpkg";
    const double ogrMs = measure("ogr2ogr -f GPKG copy of the saved file", 5, [&] {
        QFile::remove(copy);
        return QProcess::execute(ogr2ogr, {"-q", "-f", "GPKG", copy, path}) == 0;
    });
    std::printf("%-44s %8.2f (below 1: the save is faster)\n", "save / ogr2ogr copy",
                saveMs / ogrMs);
}

} // namespace

int main(int argc, char **argv)
{
    app::keepFreedMemory(); // as main() does
    QCoreApplication application(argc, argv);
    QTemporaryDir dir;
    const auto demo = bench::loadDemoProject();
    if (!demo)
        return 1;
    planner::Document &doc = demo->doc;
    app::MapLayers &layers = *demo->layers;
    app::ScoringSettings &scoring = *demo->scoring;
    const auto &catalogs = demo->catalogs;
    app::SiteAnalyzer analyzer(*layers.scene(), scoring.model());
    benchProject("demo project", doc, analyzer, *catalogs, scoring.model().market, dir.path());

    // Large: 1,000 sites on a grid over the demo region and 100 plans (copies of the demo's,
    // each moved to one of the new sites).
    std::vector<std::int64_t> sites;
    for (int i = 0; i < 1000; ++i) {
        const double lon = -103.5 + 9.0 * double(i % 40) / 40.0;
        const double lat = 28.0 + 7.0 * double(i / 40) / 25.0;
        sites.push_back(planner::commands::addSite(doc, QStringLiteral("Grid site %1").arg(i + 1),
                                                   lon, lat));
    }
    const std::vector<planner::BuildPlan> originals = doc.plans();
    for (int i = 0; int(doc.plans().size()) < 100; ++i) {
        const std::int64_t copy = planner::commands::duplicatePlan(
                doc, originals[std::size_t(i) % originals.size()].id);
        planner::commands::setPlanSite(doc, copy, sites[std::size_t(i * 7) % sites.size()]);
    }
    benchProject("large project", doc, analyzer, *catalogs, scoring.model().market, dir.path());
    return 0;
}
