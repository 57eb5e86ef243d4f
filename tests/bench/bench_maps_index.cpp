// SPDX-License-Identifier: GPL-3.0-or-later
// Spatial index figures: build time and nearest-substation queries per second over 100,000
// synthetic substations (target >= 1,000,000 queries/s), and build/query times on the real
// 41,083 substations of the USA TAMU synthetic grid (CC-BY-4.0, via PowerSimData).
#include "maps/analysis/sitefactorcalculator.h"
#include "maps/vector/spatialindex.h"
#include "maps/vector/vectorloader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cstdio>

using namespace maps;

namespace {

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) * 1e-9;
}

// Runs `queries` nearest queries at random points inside the box; returns queries per second.
double queriesPerSecond(const FeatureStore &store, const SpatialIndex &index, KvFilter filter,
                        int queries, double lon0, double lat0, double w, double h)
{
    QRandomGenerator rng(99);
    std::vector<LonLat> points(static_cast<std::size_t>(queries));
    for (LonLat &p : points) {
        p = {lon0 + rng.bounded(w), lat0 + rng.bounded(h)};
    }
    double checksum = 0.0;
    QElapsedTimer t;
    t.start();
    for (const LonLat &p : points) {
        if (const auto hit = index.nearest(store, p, filter)) {
            checksum += hit->distanceM;
        }
    }
    const double s = seconds(t);
    std::printf("    (mean distance %.0f m)\n", checksum / queries);
    return queries / s;
}

// Queries along a random walk of ~100 m steps, as while a site is dragged.
double dragQueriesPerSecond(const FeatureStore &store, const SpatialIndex &index, int queries)
{
    QRandomGenerator rng(7);
    LonLat p{-97.7, 30.3};
    std::vector<LonLat> points(static_cast<std::size_t>(queries));
    for (LonLat &q : points) {
        p = {p.lon + (rng.bounded(2.0) - 1.0) * 1e-3, p.lat + (rng.bounded(2.0) - 1.0) * 1e-3};
        q = p;
    }
    double checksum = 0.0;
    QElapsedTimer t;
    t.start();
    for (const LonLat &q : points) {
        if (const auto hit = index.nearest(store, q, KvFilter{230.0})) {
            checksum += hit->distanceM;
        }
    }
    const double s = seconds(t);
    std::printf("    (mean distance %.0f m)\n", checksum / queries);
    return queries / s;
}

void synthetic()
{
    constexpr int n = 100000;
    constexpr std::array<float, 7> kv{69, 115, 138, 230, 345, 500, 765};
    QRandomGenerator rng(2024);
    FeatureStore store;
    store.kind = GeometryKind::Point;
    for (int i = 0; i < n; ++i) {
        const LonLat p{-125.0 + rng.bounded(58.0), 24.5 + rng.bounded(24.5)};
        store.addPart(std::span(&p, 1));
        store.endFeature(i, kv[rng.bounded(7)], NAN, NAN, 0);
    }
    QElapsedTimer t;
    t.start();
    const auto index = SpatialIndex::build(store);
    std::printf("synthetic 100,000 substations (CONUS box)\n");
    std::printf("  index build: %.1f ms\n", seconds(t) * 1e3);
    const int q = 1000000;
    std::printf("  nearest (any voltage):   %.2f M queries/s (target >= 1 M/s)\n",
                queriesPerSecond(store, *index, {}, q, -125, 24.5, 58, 24.5) / 1e6);
    std::printf("  nearest (>= 345 kV):     %.2f M queries/s\n",
                queriesPerSecond(store, *index, KvFilter{345.0}, q, -125, 24.5, 58, 24.5) / 1e6);
    std::printf("  nearest (>= 765 kV):     %.2f M queries/s\n",
                queriesPerSecond(store, *index, KvFilter{765.0}, q, -125, 24.5, 58, 24.5) / 1e6);
    std::printf("  nearest (>= 230 kV) along a drag path: %.2f M queries/s\n",
                dragQueriesPerSecond(store, *index, q) / 1e6);
}

void tamu()
{
    const QString csv = QDir::cleanPath(QStringLiteral(
            ENERGIZE_SOURCE_DIR "/../shared/data/usa-tamu-synthetic-powersimdata/sub.csv"));
    if (!QFileInfo::exists(csv)) {
        std::printf("USA TAMU substations: skipped (%s absent)\n", qPrintable(csv));
        return;
    }
    LoadOptions options;
    options.assumedCrs = "EPSG:4326";
    const auto layer = loadVectorLayer({csv, {}}, options);
    if (!layer) {
        std::printf("USA TAMU substations: %s\n", layer.error().message.c_str());
        return;
    }
    double best = 1e9;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const auto index = SpatialIndex::build(layer->features());
        best = std::min(best, seconds(t));
    }
    std::printf("USA TAMU synthetic grid, %zu real substation locations (CC-BY-4.0)\n",
                layer->featureCount());
    std::printf("  index build: %.2f ms (best of 5)\n", best * 1e3);
    std::printf(
            "  nearest (any voltage):   %.2f M queries/s\n",
            queriesPerSecond(layer->features(), layer->index(), {}, 1000000, -125, 24.5, 58, 24.5)
                    / 1e6);
}

// Live-drag budget: full vector site factors for one point on Europe's real grid.
void siteFactors()
{
    const QString gpkg = QDir::cleanPath(
            QStringLiteral(ENERGIZE_SOURCE_DIR
                           "/../shared/data/pypsa-eur-entsoe-gridkit/entsoe_gridkit_europe.gpkg"));
    if (!QFileInfo::exists(gpkg)) {
        std::printf("site factors: skipped (%s absent)\n", qPrintable(gpkg));
        return;
    }
    std::vector<VectorLayer> layers;
    for (const char *name : {"lines", "buses", "generators"}) {
        auto layer = loadVectorLayer({gpkg, name});
        if (!layer) {
            std::printf("site factors: %s\n", layer.error().message.c_str());
            return;
        }
        layers.push_back(*layer);
    }
    const SiteFactorCalculator calc(layers);
    QRandomGenerator rng(3);
    LonLat p{8.0, 50.0};
    constexpr int n = 20000;
    double sum = 0.0;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i) {
        p = {p.lon + (rng.bounded(2.0) - 1.0) * 1e-3, p.lat + (rng.bounded(2.0) - 1.0) * 1e-3};
        sum += calc.at(p).hvSubstation.distanceM;
    }
    std::printf("site factors at a dragged point, PyPSA-Eur lines + buses + generators (11 nearest "
                "queries + plants within 50 km): %.1f us per point (checksum %.0f)\n",
                seconds(t) * 1e6 / n, sum / n);
}

} // namespace

int main()
{
    std::printf("(one thread, wall clock; random query points unless stated; the machine may be "
                "shared, see the load average)\n");
    if (FILE *f = std::fopen("/proc/loadavg", "r")) {
        char line[128] = {};
        if (std::fgets(line, sizeof line, f)) {
            std::printf("load average: %s", line);
        }
        std::fclose(f);
    }
    synthetic();
    tamu();
    siteFactors();
    QRandomGenerator rng(5);
    QElapsedTimer t;
    t.start();
    double sum = 0.0;
    for (int i = 0; i < 1000000; ++i) {
        sum += geodesicDistance(rng.bounded(1.0), 30 + rng.bounded(1.0), 0.5, 30.5);
    }
    std::printf("reference: Karney geodesic (PROJ geod_inverse) %.0f ns/call (sum %.0f)\n",
                seconds(t) * 1e3, sum * 1e-9);
    return 0;
}
