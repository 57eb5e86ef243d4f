// SPDX-License-Identifier: GPL-3.0-or-later
// The heatmap as the product computes it (app::computeHeatmap, the code behind Ctrl+H): the
// whole view of the demo at 1-pixel cells, 1600 × 1000 (target <= 100 ms); then the region
// raster of the whole demo at the finest raster's resolution (app::scoreRaster, the code behind
// Map > Export Heatmap and `energize heatmap`), and gdal_calc.py applying the same score formula
// to the same factor rasters written as GeoTIFFs, in the same run. gdal_calc.py is given the
// factor rasters ready-made; our time includes making them (distance transforms, warps).
// Each run ends with a fingerprint of the view's scores (their bits), so that a change meant
// only to be faster can be checked to leave the heatmap as it was.
// Usage: bench_app_heatmap [profile [RUNS]]   (prints figures; asserts nothing about time)

#include "app/commandline.h"
#include "app/heatmapjob.h"
#include "app/mainwindow.h"
#include "app/mapcontroller.h"
#include "app/scoreraster.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "app/sitefactorvalues.h"
#include "maps/analysis/sitefactorgrid.h"
#include "maps/raster/rasterfilewriter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <vector>

namespace {

// CPU seconds of the whole process (all threads): a figure that a loaded machine disturbs less
// than wall time.
double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + ts.tv_nsec / 1e9;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// numpy for one linear factor: clip((v - worst) / (best - worst), 0, 1).
QString linearTerm(const char *letter, const app::ScoringFactor &f)
{
    return QStringLiteral("%1*clip((%2-(%3))/((%4)-(%3)),0,1)")
            .arg(f.weight)
            .arg(letter)
            .arg(f.worst)
            .arg(f.best);
}

} // namespace

int main(int argc, char **argv)
{
    app::keepFreedMemory(); // as main() does
    QApplication application(argc, argv);
    QTemporaryDir dir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    app::setApplicationIdentity();
    app::MainWindow window;
    window.openDemo();
    window.mapController()->layers()->waitForLoads();
    const auto scene = window.mapController()->layers()->scene();
    const app::ScoringModel model = window.scoring()->model();

    // 1. The view heatmap, 1600 × 1000 cells over Texas.
    const ui::MapView view(ui::MapView::toMercator(-99.3, 31.2), 1000.0, QSize(1600, 1000));
    std::vector<double> times, cpu;
    app::HeatmapResult last;
    // "bench_app_heatmap profile [RUNS]": view runs only (one unless told), for a profiler.
    const bool profile = argc > 1 && QByteArray(argv[1]) == "profile";
    const int runs = profile ? (argc > 2 ? std::max(1, QByteArray(argv[2]).toInt()) : 1) : 7;
    for (int run = 0; run < runs; ++run) {
        std::atomic<bool> cancel{false};
        QElapsedTimer t;
        t.start();
        const double c0 = cpuSeconds();
        last = app::computeHeatmap({scene, model, view, 1}, cancel);
        cpu.push_back((cpuSeconds() - c0) * 1e3);
        times.push_back(t.nsecsElapsed() / 1e6);
    }
    std::printf("view heatmap 1600 x 1000 at 1-pixel cells: median %.1f ms wall (min %.1f, max "
                "%.1f), %.1f ms CPU over all threads, %zu runs; %d cells scored, %d excluded "
                "(target <= 100 ms)\n",
                median(times), *std::min_element(times.begin(), times.end()),
                *std::max_element(times.begin(), times.end()), median(cpu), times.size(),
                last.scored, last.excluded);

    // A fingerprint of the scores (their bits, FNV-1a), so that a change meant only to be faster
    // can be seen to give the same heatmap.
    std::uint64_t fingerprint = 1469598103934665603ULL;
    for (const float score : last.scores) {
        std::uint32_t bits = 0;
        std::memcpy(&bits, &score, sizeof bits);
        fingerprint = (fingerprint ^ bits) * 1099511628211ULL;
    }
    std::printf("scores fingerprint %016llx\n", static_cast<unsigned long long>(fingerprint));

    if (profile)
        return 0;

    // Where the view's time goes: each factor of the product's request computed alone on the
    // same grid, on the cells the product's pass of it computes (where a cell can still be
    // scored after the passes before), then the scoring of the factor columns. Medians of 3
    // runs.
    {
        const maps::RasterGrid grid = app::heatmapGrid(view, 1);
        const auto grids = app::sceneGrids(*scene);
        const planner::ScoreModel score = app::scoreModelFor(model, grids);
        maps::SiteFactorGridInputs inputs = app::siteFactorInputs(*scene);
        if (const app::ScoringFactor *headroom = model.factor("grid_headroom"))
            app::headroomValuePoints(grids, headroom->minKv, inputs);
        const maps::SiteFactorGridRequest all = app::gridRequest(score);
        maps::SiteFactorGridRequest none = all;
        none.hvSubstationKm = none.lineKv = none.slopeDeg = none.landClass = none.landPrice =
                none.meanTemperatureC = none.floodZone = none.nearestPointValue = false;
        // The product's passes (app::scoreRaster): nearest pixels and polygons on every cell,
        // then the interpolated rasters where a cell can still be scored, then the factors asked
        // cell by cell where it still can.
        maps::SiteFactorGridRequest nearestPass = none;
        nearestPass.landClass = all.landClass;
        nearestPass.slopeDeg = all.slopeDeg;
        nearestPass.floodZone = all.floodZone;
        maps::SiteFactorGridRequest firstTwo = nearestPass;
        firstTwo.landPrice = all.landPrice;
        firstTwo.meanTemperatureC = all.meanTemperatureC;
        auto nearestFactors = maps::SiteFactorGrid::compute(inputs, grid, nearestPass);
        auto firstPass = maps::SiteFactorGrid::compute(inputs, grid, firstTwo);
        const std::vector<std::uint8_t> afterNearest = nearestFactors
                ? app::scorableCells(score, *nearestFactors)
                : std::vector<std::uint8_t>{};
        const std::vector<std::uint8_t> scorable =
                firstPass ? app::scorableCells(score, *firstPass) : std::vector<std::uint8_t>{};
        auto timed = [&](const char *what, const maps::SiteFactorGridRequest &request) {
            std::vector<double> wall, used;
            for (int run = 0; run < 3; ++run) {
                QElapsedTimer t;
                t.start();
                const double c0 = cpuSeconds();
                (void)maps::SiteFactorGrid::compute(inputs, grid, request);
                used.push_back((cpuSeconds() - c0) * 1e3);
                wall.push_back(t.nsecsElapsed() / 1e6);
            }
            std::printf("  %-40s %7.1f ms wall %7.1f ms CPU\n", what, median(wall), median(used));
        };
        std::printf("view stages (each alone):\n");
        // Which cells a stage computes, as the product's pass of it does.
        enum class Cells { All, AfterNearest, Scorable };
        auto only = [&](bool maps::SiteFactorGridRequest::*flag, Cells cells) {
            maps::SiteFactorGridRequest r = none;
            r.*flag = true;
            if (flag == &maps::SiteFactorGridRequest::nearestPointValue)
                r.nearestPointKm = all.nearestPointKm;
            if (cells == Cells::AfterNearest)
                r.exactWhere = afterNearest;
            else if (cells == Cells::Scorable)
                r.exactWhere = scorable;
            return r;
        };
        using R = maps::SiteFactorGridRequest;
        struct Stage
        {
            const char *name;
            bool R::*flag;
            Cells cells;
        };
        const Stage stages[] = {
                {"slope", &R::slopeDeg, Cells::All},
                {"land class", &R::landClass, Cells::All},
                {"flood zone", &R::floodZone, Cells::All},
                {"land price (where scorable so far)", &R::landPrice, Cells::AfterNearest},
                {"mean temperature (where scorable so far)", &R::meanTemperatureC,
                 Cells::AfterNearest},
                {"substation distance (scorable)", &R::hvSubstationKm, Cells::Scorable},
                {"line voltage + distance (scorable)", &R::lineKv, Cells::Scorable},
                {"grid headroom (nearest bus, scorable)", &R::nearestPointValue, Cells::Scorable},
        };
        for (const Stage &stage : stages) {
            if (all.*stage.flag)
                timed(stage.name, only(stage.flag, stage.cells));
        }
        if (firstPass) {
            auto full = maps::SiteFactorGrid::compute(inputs, grid, all);
            if (full) {
                const std::vector<const float *> columns = app::scoreColumns(score, *full);
                const std::vector<const float *> km = app::scoreDistanceColumns(score, *full);
                const planner::CellScorer scorer(score);
                std::vector<float> out(std::size_t(grid.pixelCount()));
                QElapsedTimer t;
                t.start();
                scorer.score(columns.data(),
                             full->floodZone.empty() ? nullptr : full->floodZone.data(), out.size(),
                             out.data(), km.data());
                std::printf("  %-40s %7.1f ms (one thread)\n", "scoring the columns",
                            t.nsecsElapsed() / 1e6);
            }
        }
    }

    // 2. The whole demo at the finest raster's resolution, and gdal_calc.py on its factors.
    auto grid = app::regionGrid(*scene, -107.0, 25.5, -93.3, 36.6);
    if (!grid) {
        std::printf("no region grid: %s\n", grid.error().message.c_str());
        return 1;
    }
    QElapsedTimer ours;
    ours.start();
    auto scores = app::scoreRaster(*scene, model, *grid);
    const double oursSeconds = ours.nsecsElapsed() / 1e9;
    if (!scores) {
        std::printf("scoreRaster failed: %s\n", scores.error().message.c_str());
        return 1;
    }
    // The same factors, written for gdal_calc.py (not timed).
    const planner::ScoreModel score = model.scoreModel();
    auto factors = maps::SiteFactorGrid::compute(app::siteFactorInputs(*scene), *grid,
                                                 app::gridRequest(score));
    const std::vector<const float *> columns = app::scoreColumns(score, *factors);
    const std::vector<const float *> distances = app::scoreDistanceColumns(score, *factors);
    const char *letters = "ABCDEFGH";
    const char *distanceLetters = "IJKLMNOP"; // a factor's distance, for its reach
    QStringList args{QStringLiteral("/usr/bin/gdal_calc.py"), "--quiet", "--type=Float32",
                     "--NoDataValue=-9999", "--overwrite"};
    QString sum, weights;
    double weightSum = 0.0;
    for (std::size_t k = 0; k < columns.size(); ++k) {
        const QString file = dir.filePath(QStringLiteral("factor%1.tif").arg(k));
        auto writer = maps::RasterFileWriter::create(file, *grid);
        if (!writer || !(*writer)->writeWindow(0, 0, grid->width, grid->height, columns[k])
            || !(*writer)->finish()) {
            std::printf("cannot write %s\n", qPrintable(file));
            return 1;
        }
        args << QStringLiteral("-%1").arg(letters[k]) << file;
        const app::ScoringFactor &f = model.factors.at(qsizetype(k));
        const QString letter(letters[k]);
        weightSum += f.weight;
        if (f.id == QLatin1String("land_class")) {
            QString classes = "0";
            for (auto it = f.classScores.begin(); it != f.classScores.end(); ++it)
                classes += QStringLiteral("+%1*(%2==%3)").arg(it.value()).arg(letter).arg(it.key());
            sum += QStringLiteral("+%1*(%2)").arg(f.weight).arg(classes);
        } else if (f.reachKm && distances[k]) {
            // Past the reach the factor scores 0.
            const QString distanceFile = dir.filePath(QStringLiteral("distance%1.tif").arg(k));
            auto distanceWriter = maps::RasterFileWriter::create(distanceFile, *grid);
            if (!distanceWriter
                || !(*distanceWriter)->writeWindow(0, 0, grid->width, grid->height, distances[k])
                || !(*distanceWriter)->finish()) {
                std::printf("cannot write %s\n", qPrintable(distanceFile));
                return 1;
            }
            args << QStringLiteral("-%1").arg(distanceLetters[k]) << distanceFile;
            sum += QStringLiteral("+where(%1>%2,0,%3)")
                           .arg(distanceLetters[k])
                           .arg(*f.reachKm)
                           .arg(linearTerm(QString(letter).toLatin1().constData(), f));
        } else {
            sum += "+" + linearTerm(QString(letter).toLatin1().constData(), f);
        }
    }
    // Excluded: slope above its limit or an excluded class (the demo's flood zones are left to
    // our side; gdal_calc.py gets the same formula otherwise).
    auto indexOf = [&](const char *id) {
        for (qsizetype i = 0; i < model.factors.size(); ++i) {
            if (model.factors.at(i).id == QLatin1String(id))
                return int(i);
        }
        return -1;
    };
    const int slope = indexOf("slope");
    const int land = indexOf("land_class");
    QString excluded =
            QStringLiteral("(%1>%2)").arg(letters[slope]).arg(*model.factor("slope")->excludeAbove);
    for (auto it = model.factor("land_class")->excludedClasses.begin();
         it != model.factor("land_class")->excludedClasses.end(); ++it)
        excluded += QStringLiteral("+(%1==%2)").arg(letters[land]).arg(it.key());
    const QString formula =
            QStringLiteral("where((%1)>0,0,(%2)/%3*100)").arg(excluded, sum).arg(weightSum);
    args << "--calc=" + formula << "--outfile=" + dir.filePath("calc.tif");
    QElapsedTimer theirs;
    theirs.start();
    QProcess calc;
    calc.start(QStringLiteral("/usr/bin/python3"), args);
    calc.waitForFinished(-1);
    const double theirSeconds = theirs.nsecsElapsed() / 1e9;
    if (calc.exitCode() != 0) {
        std::printf("gdal_calc.py failed: %s\n", calc.readAllStandardError().constData());
        return 1;
    }
    std::printf("region raster %d x %d (the demo at its finest raster's %.3g-unit cells):\n",
                grid->width, grid->height, std::abs(grid->pixelWidth));
    std::printf("  ours, factors + scores      : %8.3f s\n", oursSeconds);
    std::printf("  gdal_calc.py, scores only   : %8.3f s\n", theirSeconds);
    std::printf("  ratio gdal_calc / ours      : %8.1f x wall\n", theirSeconds / oursSeconds);
    return 0;
}
