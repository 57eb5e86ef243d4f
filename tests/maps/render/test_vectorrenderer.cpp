// SPDX-License-Identifier: GPL-3.0-or-later
// Vector rendering to QImage: features land on the pixels an independent PROJ transform
// predicts, styles follow voltage and capacity, level of detail merges sub-pixel segments
// without losing the shape, and a render off the GUI thread gives the same image.
#include "../support_vectorfiles.h"
#include "maps/render/vectorrenderer.h"
#include "maps/vector/vectorloader.h"

#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <cmath>

#include <ogr_spatialref.h>

#include <memory>

using namespace maps;
using maps::test::writeVectorFile;

namespace {

QPointF mercator(double lon, double lat)
{
    OGRSpatialReference from;
    from.importFromEPSG(4326);
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference to;
    to.importFromEPSG(3857);
    to.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&from, &to));
    double x = lon;
    double y = lat;
    ct->Transform(1, &x, &y);
    return {x, y};
}

int coloured(const QImage &img, QRect area, QColor near)
{
    int n = 0;
    for (int y = std::max(0, area.top()); y <= std::min(img.height() - 1, area.bottom()); ++y) {
        for (int x = std::max(0, area.left()); x <= std::min(img.width() - 1, area.right()); ++x) {
            const QColor c = img.pixelColor(x, y);
            if (c.alpha() > 200 && std::abs(c.red() - near.red()) < 40
                && std::abs(c.green() - near.green()) < 40
                && std::abs(c.blue() - near.blue()) < 40) {
                ++n;
            }
        }
    }
    return n;
}

} // namespace

class TestVectorRenderer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::vector<VectorLayer> m_layers;

    VectorLayer load(const QString &name, int type, const QList<test::FixtureFeature> &features)
    {
        const QString path = m_dir.filePath(name + ".gpkg");
        const QString err = writeVectorFile(path, "GPKG", name, "EPSG:4326", type, features);
        auto layer = loadVectorLayer({path, {}});
        return err.isEmpty() && layer ? *layer : VectorLayer();
    }

private slots:
    void initTestCase()
    {
        m_layers.push_back(load("flood_zones", wkbPolygon,
                                {{"POLYGON ((-98 30, -97.5 30, -97.5 30.5, -98 30.5, -98 30))",
                                  {{"FLD_ZONE", "AE"}}}}));
        m_layers.push_back(load("transmission_lines", wkbLineString,
                                {{"LINESTRING (-99 31, -96 31)", {{"voltage", 500.0}}},
                                 {"LINESTRING (-99 29, -96 29)", {{"voltage", 138.0}}}}));
        m_layers.push_back(load("substations", wkbPoint,
                                {{"POINT (-98.5 30.2)", {{"voltage", 69.0}}},
                                 {"POINT (-96.5 30.2)", {{"voltage", 765.0}}}}));
        for (const VectorLayer &l : m_layers) {
            QVERIFY(l.isValid());
        }
    }

    void featuresLandWherePredicted()
    {
        const auto snap = RenderSnapshot::make(m_layers, "EPSG:3857", 7);
        QVERIFY2(snap, qPrintable(snap ? QString() : maps::errorText(snap.error())));
        QCOMPARE(snap->layers.front().role, LayerRole::FloodZones); // polygons at the bottom
        const QRectF area(mercator(-99.5, 28.5), mercator(-95.5, 31.5));
        const Viewport vp = Viewport::fitting(area.normalized(), {400, 300}, "EPSG:3857", 0.0);
        RenderStats stats;
        const QImage img = VectorRenderer::render(*snap, vp, nullptr, &stats);
        QCOMPARE(img.size(), QSize(400, 300));
        QCOMPARE(stats.layersSkipped, 0);
        // The 500 kV line: red, on the pixel row PROJ predicts for latitude 31.
        const QPointF on500 = vp.toPixel(mercator(-97.5, 31));
        const QRect row500(int(on500.x()) - 2, int(on500.y()) - 2, 5, 5);
        QVERIFY(coloured(img, row500, voltageColor(VoltageClass::Kv500)) > 0);
        QVERIFY(coloured(img, row500, voltageColor(VoltageClass::Kv115To161)) == 0);
        const QPointF on138 = vp.toPixel(mercator(-97.5, 29));
        QVERIFY(coloured(img, QRect(int(on138.x()) - 2, int(on138.y()) - 2, 5, 5),
                         voltageColor(VoltageClass::Kv115To161))
                > 0);
        // Between the lines and outside the polygon nothing is drawn.
        const QPointF empty = vp.toPixel(mercator(-96.2, 30.0));
        QCOMPARE(img.pixelColor(empty.toPoint()).alpha(), 0);
        // Inside the flood polygon: its translucent fill.
        const QPointF inFlood = vp.toPixel(mercator(-97.75, 30.25));
        const QColor fill = img.pixelColor(inFlood.toPoint());
        QVERIFY(fill.alpha() > 40 && fill.alpha() < 200 && fill.blue() > fill.red());
        // Substations: the 765 kV symbol is larger than the 69 kV one.
        const QPointF big = vp.toPixel(mercator(-96.5, 30.2));
        const QPointF small = vp.toPixel(mercator(-98.5, 30.2));
        const int nBig = coloured(img, QRect(big.toPoint() - QPoint(10, 10), QSize(21, 21)),
                                  voltageColor(VoltageClass::Kv765Plus));
        const int nSmall = coloured(img, QRect(small.toPoint() - QPoint(10, 10), QSize(21, 21)),
                                    voltageColor(VoltageClass::Below115));
        QVERIFY(nSmall > 0);
        QVERIFY2(nBig > nSmall, qPrintable(QStringLiteral("%1 vs %2").arg(nBig).arg(nSmall)));
    }

    void pointClassesAndDashedLines()
    {
        auto snap = RenderSnapshot::make(m_layers, "EPSG:3857");
        QVERIFY(snap);
        const QRectF area(mercator(-99.5, 28.5), mercator(-95.5, 31.5));
        const Viewport vp = Viewport::fitting(area.normalized(), {400, 300}, "EPSG:3857", 0.0);
        // Substations by a class of their own: 69 kV in class 1, 765 kV in class 0.
        const QColor first(10, 200, 200), second(200, 10, 200);
        for (RenderLayer &l : snap->layers) {
            if (l.role == LayerRole::Substations) {
                l.style.classes.ofFeature = std::make_shared<const std::vector<std::uint8_t>>(
                        std::vector<std::uint8_t>{1, 0});
                l.style.classes.colours = {first, second};
            }
            if (l.role == LayerRole::TransmissionLines)
                l.style.dashed = true;
        }
        const QImage img = VectorRenderer::render(*snap, vp);
        const QPointF big = vp.toPixel(mercator(-96.5, 30.2));
        const QPointF small = vp.toPixel(mercator(-98.5, 30.2));
        const QRect aroundBig(big.toPoint() - QPoint(10, 10), QSize(21, 21));
        const QRect aroundSmall(small.toPoint() - QPoint(10, 10), QSize(21, 21));
        QVERIFY(coloured(img, aroundBig, first) > 0);
        QCOMPARE(coloured(img, aroundBig, voltageColor(VoltageClass::Kv765Plus)), 0);
        QVERIFY(coloured(img, aroundSmall, second) > 0);
        // Sizes still follow the voltage.
        QVERIFY(coloured(img, aroundBig, first) > coloured(img, aroundSmall, second));
        // A dashed line: along its row, drawn and empty stretches alternate.
        const int y = int(vp.toPixel(mercator(-97.5, 31)).y());
        int changes = 0;
        bool was = false;
        const int x0 = int(vp.toPixel(mercator(-98.8, 31)).x());
        const int x1 = int(vp.toPixel(mercator(-96.2, 31)).x());
        for (int x = x0; x <= x1; ++x) {
            bool drawn = false;
            for (int dy = -1; dy <= 1; ++dy)
                drawn |= img.pixelColor(x, y + dy).alpha() > 100;
            changes += drawn != was;
            was = drawn;
        }
        QVERIFY2(changes > 20, qPrintable(QString::number(changes)));
        // A class list of the wrong size is not used: voltage colours again.
        for (RenderLayer &l : snap->layers) {
            if (l.role == LayerRole::Substations)
                l.style.classes.ofFeature = std::make_shared<const std::vector<std::uint8_t>>(
                        std::vector<std::uint8_t>{1});
        }
        const QImage plain = VectorRenderer::render(*snap, vp);
        QVERIFY(coloured(plain, aroundBig, voltageColor(VoltageClass::Kv765Plus)) > 0);
    }

    void otherCrsIsSkipped()
    {
        const auto snap = RenderSnapshot::make(m_layers, "EPSG:3857");
        QVERIFY(snap);
        RenderStats stats;
        const Viewport vp({-98, 30}, 0.01, {100, 100}, "EPSG:4326");
        const QImage img = VectorRenderer::render(*snap, vp, nullptr, &stats);
        QCOMPARE(stats.layersSkipped, 3);
        QCOMPARE(coloured(img, img.rect(), voltageColor(VoltageClass::Kv500)), 0);
        const auto bad = RenderSnapshot::make(m_layers, "not a crs");
        QVERIFY(!bad);
        QVERIFY(maps::errorText(bad.error()).contains("not a crs"));
    }

    // A circle of 100,000 vertices: at a 200-pixel scale most segments merge, yet every sampled
    // point of the circle is still drawn.
    void levelOfDetailKeepsTheShape()
    {
        QString wkt = "LINESTRING (";
        const int n = 100000;
        for (int i = 0; i <= n; ++i) {
            const double a = 2 * M_PI * i / n;
            wkt += QStringLiteral("%1 %2%3")
                           .arg(10 + 5 * std::cos(a), 0, 'f', 7)
                           .arg(50 + 5 * std::sin(a), 0, 'f', 7)
                           .arg(i < n ? ", " : ")");
        }
        const VectorLayer ring = load("ring_lines", wkbLineString, {{wkt, {{"voltage", 345.0}}}});
        QVERIFY(ring.isValid());
        const auto snap = RenderSnapshot::make({ring}, "EPSG:4326");
        QVERIFY(snap);
        const Viewport vp({10, 50}, 0.06, {200, 200}, "EPSG:4326");
        RenderStats stats;
        const QImage img = VectorRenderer::render(*snap, vp, nullptr, &stats);
        QVERIFY(stats.segmentsDrawn < 2000);
        QCOMPARE(stats.segmentsDrawn + stats.segmentsMerged, std::size_t(n));
        for (int k = 0; k < 64; ++k) {
            const double a = 2 * M_PI * k / 64;
            const QPoint p = vp.toPixel({10 + 5 * std::cos(a), 50 + 5 * std::sin(a)}).toPoint();
            QVERIFY(coloured(img, QRect(p - QPoint(1, 1), QSize(3, 3)),
                             voltageColor(VoltageClass::Kv345))
                    > 0);
        }
    }

    // Past 100,000 segments lines go straight into the image: still on the predicted pixels.
    void denseLayerFastPath()
    {
        auto store = std::make_shared<FeatureStore>();
        store->kind = GeometryKind::Line;
        std::vector<LonLat> pts;
        for (int row = 0; row < 250; ++row) {
            pts.clear();
            for (int k = 0; k <= 600; ++k) {
                pts.push_back({k * 0.01, row * 0.1});
            }
            store->addPart(pts);
            store->endFeature(row, row % 2 ? 500.0F : 138.0F, NAN, NAN, 0);
        }
        auto index = SpatialIndex::build(*store);
        QVERIFY(index);
        VectorLayer::Metadata meta;
        meta.name = "dense_lines";
        meta.guess.role = LayerRole::TransmissionLines;
        const VectorLayer dense(meta, store, std::make_shared<const SpatialIndex>(*index));
        const auto snap = RenderSnapshot::make({dense}, "EPSG:4326");
        QVERIFY(snap);
        const Viewport vp({3.0, 12.45}, 0.005, {1200, 5000}, "EPSG:4326");
        RenderStats stats;
        const QImage img = VectorRenderer::render(*snap, vp, nullptr, &stats);
        QVERIFY(stats.segmentsDrawn > 100000);
        for (int row = 0; row < 250; row += 7) {
            const QColor want =
                    voltageColor(row % 2 ? VoltageClass::Kv500 : VoltageClass::Kv115To161);
            for (double lon : {0.5, 2.5, 5.5}) {
                const QPoint p = vp.toPixel({lon, row * 0.1}).toPoint();
                QVERIFY(coloured(img, QRect(p - QPoint(1, 1), QSize(3, 3)), want) > 0);
            }
            const QPoint between = vp.toPixel({3.0, row * 0.1 + 0.05}).toPoint();
            QCOMPARE(img.pixelColor(between).alpha(), 0);
        }
    }

    void offThreadRenderMatches()
    {
        const auto snap = RenderSnapshot::make(m_layers, "EPSG:4326");
        QVERIFY(snap);
        const Viewport vp({-97.5, 30}, 0.02, {256, 192}, "EPSG:4326");
        const QImage here = VectorRenderer::render(*snap, vp);
        const RenderSnapshot copy = *snap;
        QFuture<QImage> there =
                QtConcurrent::run([copy, vp] { return VectorRenderer::render(copy, vp); });
        QCOMPARE(there.result(), here);
        std::atomic<bool> cancel{true};
        const QImage cancelled = VectorRenderer::render(*snap, vp, &cancel);
        QCOMPARE(cancelled.size(), vp.size());
        QVERIFY(VectorRenderer::render(*snap, Viewport()).isNull());
    }
};

QTEST_MAIN(TestVectorRenderer)
#include "test_vectorrenderer.moc"
