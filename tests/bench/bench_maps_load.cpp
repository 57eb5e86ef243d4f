// SPDX-License-Identifier: GPL-3.0-or-later
// Layer load figures on real data, compared in the same run with GDAL's own ogr2ogr reading the
// same layer into memory (GDALVectorTranslate to the Memory driver, i.e. `ogr2ogr -f Memory`,
// in-process so that process start-up is not counted). Datasets: USA TAMU synthetic grid
// substations via PowerSimData (CC-BY-4.0); PyPSA-Eur / ENTSO-E GridKit lines (CC-BY-4.0).
#include "maps/io/gdalenvironment.h"
#include "maps/vector/vectorloader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cpl_string.h>
#include <gdal_utils.h>

#include <algorithm>
#include <cstdio>

using namespace maps;

namespace {

double bestOf(int runs, const std::function<bool()> &work)
{
    double best = 1e18;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        if (!work()) {
            return -1;
        }
        best = std::min(best, double(t.nsecsElapsed()) * 1e-6);
    }
    return best;
}

bool ogr2ogrToMemory(const QString &path, const CPLStringList &openOptions, const QStringList &args)
{
    GDALDatasetH src = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR, nullptr,
                                  openOptions.List(), nullptr);
    if (!src) {
        return false;
    }
    CPLStringList argv;
    argv.AddString("-f");
    argv.AddString("Memory");
    for (const QString &a : args) {
        argv.AddString(a.toUtf8().constData());
    }
    GDALVectorTranslateOptions *options = GDALVectorTranslateOptionsNew(argv.List(), nullptr);
    if (!options) {
        GDALClose(src);
        return false;
    }
    int usageError = 0;
    GDALDatasetH out = GDALVectorTranslate("mem", nullptr, 1, &src, options, &usageError);
    GDALVectorTranslateOptionsFree(options);
    const bool ok = out != nullptr;
    if (out) {
        GDALClose(out);
    }
    GDALClose(src);
    return ok;
}

void compare(const char *title, const QString &path, const VectorSource &source,
             const LoadOptions &options, const CPLStringList &openOptions,
             const QStringList &ogrArgs)
{
    if (!QFileInfo::exists(path)) {
        std::printf("%s: skipped (%s absent)\n", title, qPrintable(path));
        return;
    }
    std::size_t count = 0;
    const double ours = bestOf(5, [&] {
        const auto layer = loadVectorLayer(source, options);
        count = layer ? layer->featureCount() : 0;
        return bool(layer);
    });
    const auto layer = loadVectorLayer(source, options);
    const double index =
            layer ? bestOf(5, [&] { return bool(SpatialIndex::build(layer->features())); }) : -1;
    const double gdal = bestOf(5, [&] { return ogr2ogrToMemory(path, openOptions, ogrArgs); });
    std::printf("%s: %zu features\n", title, count);
    std::printf("  Energize load (read + reproject check + index): %.1f ms (best of 5)\n", ours);
    std::printf("    of which index build: %.1f ms\n", index);
    std::printf("  ogr2ogr -f Memory, same layer, in-process:   %.1f ms (best of 5)\n", gdal);
    std::printf("  ratio Energize / ogr2ogr: %.2f\n", ours / gdal);
}

} // namespace

int main()
{
    ensureGdal();
    const QString data = QDir::cleanPath(QStringLiteral(ENERGIZE_SOURCE_DIR "/../shared/data"));
    const QString csv = data + "/usa-tamu-synthetic-powersimdata/sub.csv";
    LoadOptions wgs84;
    wgs84.assumedCrs = "EPSG:4326";
    // The CSV driver needs its coordinate columns named for ogr2ogr too (as the app does).
    CPLStringList csvColumns;
    csvColumns.SetNameValue("X_POSSIBLE_NAMES", "lon");
    csvColumns.SetNameValue("Y_POSSIBLE_NAMES", "lat");
    compare("USA TAMU substations (sub.csv)", csv, {csv, {}}, wgs84, csvColumns,
            {"-a_srs", "EPSG:4326"});
    const QString gpkg = data + "/pypsa-eur-entsoe-gridkit/entsoe_gridkit_europe.gpkg";
    compare("PyPSA-Eur lines (GeoPackage)", gpkg, {gpkg, "lines"}, {}, CPLStringList(), {"lines"});
    return 0;
}
