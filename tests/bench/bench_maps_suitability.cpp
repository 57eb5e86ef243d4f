// SPDX-License-Identifier: GPL-3.0-or-later
// Suitability of four 8192 × 8192 Float32 rasters (weighted sum of normalised criteria with a
// flood exclusion) by SuitabilityRegion and by gdal_calc.py with the same formula, in the same
// run, on inputs made here in a temporary folder. Prints both times, the ratio (target ≥ 5×)
// and the largest difference between the two outputs.
// Usage: bench_maps_suitability [size]   (default 8192)

#include "maps/analysis/suitabilityregion.h"
#include "maps/io/gdalenvironment.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <sys/resource.h>

#include <cmath>
#include <cstdio>
#include <thread>

using namespace maps;

namespace {

// A smooth field plus hash noise, so values vary and are not compressible to nothing.
double field(int kind, int c, int r, int n)
{
    const double x = double(c) / n;
    const double y = double(r) / n;
    const unsigned h =
            unsigned(c) * 73856093u ^ unsigned(r) * 19349663u ^ unsigned(kind) * 83492791u;
    const double noise = double(h % 1000) / 1000.0;
    switch (kind) {
    case 0: // land price, USD/m²
        return 40.0 + 480.0 * (0.5 + 0.5 * std::sin(6.0 * x) * std::cos(4.0 * y)) + 20.0 * noise;
    case 1: // elevation, m
        return -10.0 + 320.0 * x * y + 15.0 * noise;
    case 2: // climate: summer design temperature, °C
        return 8.0 + 34.0 * y + 2.0 * noise;
    default: // flood depth, m: a band of flooding along a river
        return std::abs(y - 0.3 - 0.1 * std::sin(9.0 * x)) < 0.02 ? 0.5 + noise : 0.0;
    }
}

double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

bool makeInput(const QString &path, int kind, int n, const char *wkt)
{
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    CPLStringList options;
    options.SetNameValue("BLOCKYSIZE", "256"); // strips of 256 rows: gdal_calc's best case
    GDALDataset *ds =
            driver->Create(path.toUtf8().constData(), n, n, 1, GDT_Float32, options.List());
    if (!ds) {
        return false;
    }
    double gt[6] = {200000.0, 30.0, 0.0, 3600000.0, 0.0, -30.0};
    ds->SetGeoTransform(gt);
    ds->SetProjection(wkt);
    std::vector<float> rows(std::size_t(n) * 256);
    bool ok = true;
    for (int r0 = 0; r0 < n && ok; r0 += 256) {
        const int h = std::min(256, n - r0);
        for (int r = 0; r < h; ++r) {
            for (int c = 0; c < n; ++c) {
                rows[std::size_t(r) * n + c] = float(field(kind, c, r0 + r, n));
            }
        }
        ok = ds->GetRasterBand(1)->RasterIO(GF_Write, 0, r0, n, h, rows.data(), n, h, GDT_Float32,
                                            0, 0, nullptr)
                == CE_None;
    }
    GDALClose(ds);
    return ok;
}

std::vector<float> readAll(const QString &path, int n)
{
    std::vector<float> v(std::size_t(n) * n);
    GDALDataset *ds = GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER);
    if (!ds
        || ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, n, n, v.data(), n, n, GDT_Float32, 0, 0,
                                          nullptr)
                != CE_None) {
        v.clear();
    }
    if (ds) {
        GDALClose(ds);
    }
    return v;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::max(256, atoi(argv[1])) : 8192;
    ensureGdal();
    QTemporaryDir dir;
    OGRSpatialReference srs;
    srs.importFromEPSG(32614);
    char *wkt = nullptr;
    srs.exportToWkt(&wkt);

    const char *names[] = {"price.tif", "elevation.tif", "climate.tif", "flood.tif"};
    QString paths[4];
    QElapsedTimer timer;
    timer.start();
    for (int k = 0; k < 4; ++k) {
        paths[k] = dir.filePath(names[k]);
        if (!makeInput(paths[k], k, n, wkt)) {
            std::printf("could not write %s\n", names[k]);
            return 1;
        }
    }
    CPLFree(wkt);
    std::printf("inputs: 4 × %d × %d Float32 GeoTIFF (strips of 256 rows) in %.1f s\n", n, n,
                timer.elapsed() / 1000.0);

    RasterLayerPtr layers[4];
    for (int k = 0; k < 4; ++k) {
        auto layer = RasterLayer::open(paths[k]);
        if (!layer) {
            std::printf("%s\n", layer.error().message.c_str());
            return 1;
        }
        layers[k] = *layer;
    }
    SuitabilityModel model;
    model.criteria.push_back(SuitabilityCriterion::linear("price", layers[0], 500, 50, 0.4));
    model.criteria.push_back(SuitabilityCriterion::linear("elevation", layers[1], 0, 300, 0.3));
    model.criteria.push_back(SuitabilityCriterion::linear("climate", layers[2], 40, 10, 0.3));
    model.exclusions.push_back(SuitabilityExclusion::above("flood", layers[3], 0.0));
    const char *formula = "where(D>0,-1,0.4*clip((A-500.0)/(50.0-500.0),0,1)"
                          "+0.3*clip((B-0.0)/(300.0-0.0),0,1)+0.3*clip((C-40.0)/(10.0-40.0),0,1))";

    // Three rounds, ours then gdal_calc.py in each, so both see the same load on the machine;
    // the best wall time of each counts. CPU time (all our threads, or the child) is printed too.
    const QString ours = dir.filePath("ours.tif");
    const QString theirs = dir.filePath("theirs.tif");
    const QStringList args{QStringLiteral("/usr/bin/gdal_calc.py"),
                           "-A",
                           paths[0],
                           "-B",
                           paths[1],
                           "-C",
                           paths[2],
                           "-D",
                           paths[3],
                           "--outfile=" + theirs,
                           "--calc=" + QString(formula),
                           "--type=Float32",
                           "--co=TILED=YES",
                           "--quiet",
                           "--overwrite"};
    double oursSeconds = 1e30;
    double oursCpu = 1e30;
    double theirSeconds = 1e30;
    double theirCpu = 1e30;
    for (int run = 0; run < 3; ++run) {
        QFile::remove(ours);
        const double cpu0 = cpuSeconds(RUSAGE_SELF);
        timer.restart();
        auto result = SuitabilityRegion::evaluateToFile(model, layers[0]->grid(), ours);
        oursSeconds = std::min(oursSeconds, timer.nsecsElapsed() / 1e9);
        oursCpu = std::min(oursCpu, cpuSeconds(RUSAGE_SELF) - cpu0);
        if (!result) {
            std::printf("%s\n", result.error().message.c_str());
            return 1;
        }
        QProcess calc;
        const double child0 = cpuSeconds(RUSAGE_CHILDREN);
        timer.restart();
        calc.start(QStringLiteral("/usr/bin/python3"), args);
        const bool finished = calc.waitForFinished(-1);
        theirSeconds = std::min(theirSeconds, timer.nsecsElapsed() / 1e9);
        theirCpu = std::min(theirCpu, cpuSeconds(RUSAGE_CHILDREN) - child0);
        if (!finished || calc.exitCode() != 0) {
            std::printf("gdal_calc.py failed: %s\n", calc.readAllStandardError().constData());
            return 1;
        }
    }
    timer.restart();
    auto inMemory = SuitabilityRegion::evaluate(model, layers[0]->grid());
    const double memorySeconds = timer.nsecsElapsed() / 1e9;

    const auto a = readAll(ours, n);
    const auto b = readAll(theirs, n);
    double worst = 0;
    std::size_t excluded = 0;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        worst = std::max(worst, double(std::abs(a[i] - b[i])));
        excluded += a[i] == SuitabilityModel::kExcluded;
    }
    std::printf("cores: %u\n", std::thread::hardware_concurrency());
    std::printf("                               wall, best of 3   CPU\n");
    std::printf("SuitabilityRegion -> GeoTIFF : %8.3f s        %8.3f s\n", oursSeconds, oursCpu);
    std::printf("SuitabilityRegion in memory  : %8.3f s%s\n", memorySeconds,
                inMemory ? "" : " (failed)");
    std::printf("gdal_calc.py -> GeoTIFF      : %8.3f s        %8.3f s\n", theirSeconds, theirCpu);
    std::printf("ratio gdal_calc / ours       : %8.1f x wall (target >= 5x), %.1f x CPU\n",
                theirSeconds / oursSeconds, theirCpu / oursCpu);
    std::printf("largest |ours - gdal_calc|   : %.3g over %zu pixels (%zu excluded)\n", worst,
                a.size(), excluded);
    return a.size() == b.size() && worst < 1e-5 ? 0 : 2;
}
