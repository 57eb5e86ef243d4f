// SPDX-License-Identifier: GPL-3.0-or-later
// Distance to the nearest feature on an 8192 × 8192 grid: Proximity::writeGeoTiff (rasterise the
// vector layer, exact distance transform, write a tiled Float32 GeoTIFF) against
// gdal_proximity.py on the same mask (which we rasterise for it beforehand, untimed, so its time
// is the distance step and the write only; it does pay Python's start, ~0.1 s), in the same run.
// Prints both times, the ratio (target ≥ 3×) and the largest difference between the two files,
// which must stay within one pixel. Inputs are made here in a temporary folder.
// Usage: bench_maps_proximity [size]   (default 8192)

#include "maps/analysis/proximity.h"
#include "maps/analysis/proximitytransform.h"
#include "maps/io/gdalenvironment.h"
#include "maps/raster/rasterfilewriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <sys/resource.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <thread>

using namespace maps;

namespace {

constexpr double kPixel = 30.0;
constexpr double kOriginX = 200000.0;
constexpr double kOriginY = 3600000.0;

// A synthetic grid: 60 polylines (lines) and 400 points (substations) in UTM 14N.
bool writeFeatures(const QString &path, int n)
{
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDataset *ds = driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!ds) {
        return false;
    }
    OGRSpatialReference srs;
    srs.importFromEPSG(32614);
    OGRLayer *layer = ds->CreateLayer("grid", &srs, wkbUnknown, nullptr);
    QRandomGenerator rng(2026);
    const double size = n * kPixel;
    auto x = [&] {
        return kOriginX + rng.bounded(size);
    };
    auto y = [&] {
        return kOriginY - rng.bounded(size);
    };
    bool ok = layer->StartTransaction() == OGRERR_NONE;
    for (int i = 0; i < 460 && ok; ++i) {
        OGRFeature f(layer->GetLayerDefn());
        if (i < 60) {
            OGRLineString line;
            double px = x();
            double py = y();
            for (int k = 0; k < 8; ++k) {
                line.addPoint(px, py);
                px += rng.bounded(0.2 * size) - 0.1 * size;
                py += rng.bounded(0.2 * size) - 0.1 * size;
            }
            f.SetGeometry(&line);
        } else {
            OGRPoint point(x(), y());
            f.SetGeometry(&point);
        }
        ok = layer->CreateFeature(&f) == OGRERR_NONE;
    }
    ok = ok && layer->CommitTransaction() == OGRERR_NONE;
    GDALClose(ds);
    return ok;
}

double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

bool writeMask(const QString &path, const RasterGrid &grid, const std::vector<std::uint8_t> &mask)
{
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDataset *ds = driver->Create(path.toUtf8().constData(), grid.width, grid.height, 1,
                                     GDT_Byte, nullptr);
    if (!ds) {
        return false;
    }
    auto gt = grid.geoTransform();
    ds->SetGeoTransform(gt.data());
    ds->SetProjection(grid.crsWkt.toUtf8().constData());
    const bool ok = ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, grid.width, grid.height,
                                                   const_cast<std::uint8_t *>(mask.data()),
                                                   grid.width, grid.height, GDT_Byte, 0, 0, nullptr)
            == CE_None;
    GDALClose(ds);
    return ok;
}

bool readFloats(const QString &path, int n, std::vector<float> &values)
{
    GDALDataset *ds = GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER);
    const bool ok = ds
            && ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, n, n, values.data(), n, n, GDT_Float32,
                                              0, 0, nullptr)
                    == CE_None;
    if (ds) {
        GDALClose(ds);
    }
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::max(256, atoi(argv[1])) : 8192;
    ensureGdal();
    QTemporaryDir dir;
    const QString gpkg = dir.filePath("grid.gpkg");
    if (!writeFeatures(gpkg, n)) {
        std::printf("could not write the vector layer\n");
        return 1;
    }
    RasterGrid grid;
    OGRSpatialReference srs;
    srs.importFromEPSG(32614);
    char *wkt = nullptr;
    srs.exportToWkt(&wkt);
    grid.crsWkt = QString::fromUtf8(wkt);
    CPLFree(wkt);
    grid.originX = kOriginX;
    grid.originY = kOriginY;
    grid.pixelWidth = kPixel;
    grid.pixelHeight = -kPixel;
    grid.width = n;
    grid.height = n;

    // gdal_proximity.py gets the very mask we compute from, rasterised beforehand.
    auto mask = Proximity::rasterise(gpkg, grid);
    const QString maskFile = dir.filePath("mask.tif");
    if (!mask || !writeMask(maskFile, grid, *mask)) {
        std::printf("could not make the mask\n");
        return 1;
    }

    // Three rounds, ours then theirs in each, so both see the same load on the machine; the
    // best wall time of each counts. CPU time (all threads, or the child process) is printed too.
    QElapsedTimer timer;
    const QString ours = dir.filePath("ours.tif");
    const QString theirs = dir.filePath("theirs.tif");
    double oursSeconds = 1e30;
    double oursCpu = 1e30;
    double transformSeconds = 1e30;
    double theirSeconds = 1e30;
    double theirCpu = 1e30;
    for (int run = 0; run < 3; ++run) {
        QFile::remove(ours);
        const double cpu0 = cpuSeconds(RUSAGE_SELF);
        timer.start();
        auto written = Proximity::writeGeoTiff(gpkg, grid, ours);
        if (!written) {
            std::printf("%s\n", written.error().message.c_str());
            return 1;
        }
        oursSeconds = std::min(oursSeconds, timer.nsecsElapsed() / 1e9);
        oursCpu = std::min(oursCpu, cpuSeconds(RUSAGE_SELF) - cpu0);
        // The distance transform alone, as writeGeoTiff runs it, with the bands dropped.
        timer.restart();
        auto transformed = ProximityTransform::distances(
                mask->data(), n, n, [](int) { return kPixel; }, kPixel,
                std::numeric_limits<float>::infinity(), RasterFileWriter::blockSize,
                [](int, int, const float *) { return done(); });
        transformSeconds = std::min(transformSeconds, timer.nsecsElapsed() / 1e9);
        if (!transformed) {
            std::printf("%s\n", transformed.error().message.c_str());
            return 1;
        }

        QFile::remove(theirs);
        QProcess tool;
        const double child0 = cpuSeconds(RUSAGE_CHILDREN);
        timer.restart();
        tool.start(QStringLiteral("/usr/bin/python3"),
                   {QStringLiteral("/usr/bin/gdal_proximity.py"), maskFile, theirs, "-distunits",
                    "GEO", "-ot", "Float32", "-co", "TILED=YES", "-q"});
        const bool finished = tool.waitForFinished(-1);
        theirSeconds = std::min(theirSeconds, timer.nsecsElapsed() / 1e9);
        theirCpu = std::min(theirCpu, cpuSeconds(RUSAGE_CHILDREN) - child0);
        if (!finished || tool.exitCode() != 0) {
            std::printf("gdal_proximity.py failed: %s\n", tool.readAllStandardError().constData());
            return 1;
        }
    }
    // Both files as written, read back.
    std::vector<float> oursValues(std::size_t(n) * n);
    std::vector<float> theirValues(std::size_t(n) * n);
    if (!readFloats(ours, n, oursValues) || !readFloats(theirs, n, theirValues)) {
        std::printf("could not read the outputs back\n");
        return 1;
    }
    double worst = 0;
    double sum = 0;
    std::size_t differing = 0;
    for (std::size_t i = 0; i < theirValues.size(); ++i) {
        const double d = std::abs(double(oursValues[i]) - theirValues[i]);
        worst = std::max(worst, d);
        sum += d;
        differing += d > 1e-3;
    }
    const auto targets = std::count(mask->begin(), mask->end(), 1);
    std::printf("grid: %d × %d, 30 m pixels, UTM 14N; %lld target pixels from 60 lines and 400 "
                "points\n",
                n, n, (long long)targets);
    std::printf("cores: %u\n", std::thread::hardware_concurrency());
    std::printf("                                         wall, best of 3   CPU\n");
    std::printf("Proximity (rasterise + EDT + GeoTIFF) : %8.3f s        %8.3f s\n", oursSeconds,
                oursCpu);
    std::printf("  of which the distance transform      : %8.3f s\n", transformSeconds);
    std::printf("gdal_proximity.py (distances + GeoTIFF): %8.3f s        %8.3f s\n", theirSeconds,
                theirCpu);
    std::printf(
            "ratio gdal_proximity / ours            : %8.1f x wall (target >= 3x), %.1f x CPU\n",
            theirSeconds / oursSeconds, theirCpu / oursCpu);
    std::printf(
            "largest |ours - gdal_proximity|        : %.2f m (one pixel = %.0f m); mean %.4f m; "
            "%zu pixels differ\n",
            worst, kPixel, sum / double(theirValues.size()), differing);
    return worst <= kPixel ? 0 : 2;
}
