// SPDX-License-Identifier: GPL-3.0-or-later
// Rendering figures: one full-extent render of 1,000,000 line segments to a QImage (target
// <= 100 ms), a zoomed-in render of the same layer, and Europe's 11,151 transmission lines from
// PyPSA-Eur / ENTSO-E GridKit (CC-BY-4.0, © The PyPSA-Eur Authors). Also times the one-off
// projection of the layer to Web Mercator and the index build on a million segments.
#include "maps/render/vectorrenderer.h"
#include "maps/vector/vectorloader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>

using namespace maps;

namespace {

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) * 1e-6;
}

// Median render time of `runs` renders.
double renderMs(const RenderSnapshot &snapshot, const Viewport &vp, int runs, RenderStats &stats)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        const QImage img = VectorRenderer::render(snapshot, vp, nullptr, &stats);
        times.push_back(ms(t));
        if (img.isNull()) {
            return -1;
        }
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// 100,000 random-walk polylines of 10 segments (1-20 km each) over the contiguous US.
VectorLayer millionSegments()
{
    QRandomGenerator rng(77);
    auto store = std::make_shared<FeatureStore>();
    store->kind = GeometryKind::Line;
    constexpr std::array<float, 7> kv{69, 115, 138, 230, 345, 500, 765};
    std::vector<LonLat> pts;
    for (int i = 0; i < 100000; ++i) {
        pts.assign(1, {-124.0 + rng.bounded(56.0), 25.0 + rng.bounded(23.0)});
        for (int k = 0; k < 10; ++k) {
            const double step = 0.01 + rng.bounded(0.19);
            const double a = rng.bounded(2 * M_PI);
            pts.push_back(
                    {pts.back().lon + step * std::cos(a), pts.back().lat + step * std::sin(a)});
        }
        store->addPart(pts);
        store->endFeature(i, kv[rng.bounded(7)], NAN, NAN, 0);
    }
    QElapsedTimer t;
    t.start();
    auto index = SpatialIndex::build(*store);
    std::printf("  index build over 1,000,000 segments: %.0f ms\n", ms(t));
    VectorLayer::Metadata meta;
    meta.name = "synthetic_lines";
    meta.guess.role = LayerRole::TransmissionLines;
    return VectorLayer(meta, store, std::make_shared<const SpatialIndex>(std::move(*index)));
}

void report(const char *what, const RenderSnapshot &snap, const Viewport &vp)
{
    RenderStats stats;
    const double t = renderMs(snap, vp, 5, stats);
    std::printf("  %s (%dx%d): %.1f ms median of 5; drew %zu segments, merged %zu, %zu dots\n",
                what, vp.size().width(), vp.size().height(), t, stats.segmentsDrawn,
                stats.segmentsMerged, stats.pointsDrawn);
}

void synthetic()
{
    std::printf("synthetic 1,000,000 line segments (100,000 polylines, contiguous US)\n");
    const VectorLayer layer = millionSegments();
    QElapsedTimer t;
    t.start();
    const auto snap = RenderSnapshot::make({layer}, "EPSG:3857");
    std::printf("  projection to EPSG:3857 (once per layer and CRS): %.0f ms\n", ms(t));
    const ProjectedLayer &g = *snap->layers.front().geometry;
    std::printf("  segments: %zu\n", g.segmentCount());
    const QSize size(1280, 800);
    const Viewport full = Viewport::fitting(g.extent().rect(), size, "EPSG:3857", 0.02);
    report("full extent", *snap, full);
    report("zoomed 16x", *snap, full.withScale(full.scale() / 16));
}

void europe()
{
    const QString gpkg = QDir::cleanPath(
            QStringLiteral(ENERGIZE_SOURCE_DIR
                           "/../shared/data/pypsa-eur-entsoe-gridkit/entsoe_gridkit_europe.gpkg"));
    if (!QFileInfo::exists(gpkg)) {
        std::printf("PyPSA-Eur lines: skipped (%s absent)\n", qPrintable(gpkg));
        return;
    }
    const auto lines = loadVectorLayer({gpkg, "lines"});
    const auto buses = loadVectorLayer({gpkg, "buses"});
    if (!lines || !buses) {
        std::printf("PyPSA-Eur: cannot load\n");
        return;
    }
    const auto snap = RenderSnapshot::make({*lines, *buses}, "EPSG:3857");
    std::printf("PyPSA-Eur / ENTSO-E GridKit: %zu lines (%zu segments), %zu buses (CC-BY-4.0)\n",
                lines->featureCount(), snap->layers.front().geometry->segmentCount(),
                buses->featureCount());
    const Viewport full = Viewport::fitting(snap->layers.front().geometry->extent().rect(),
                                            {1280, 800}, "EPSG:3857");
    report("full extent", *snap, full);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    synthetic();
    europe();
    return 0;
}
