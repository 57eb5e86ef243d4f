// SPDX-License-Identifier: GPL-3.0-or-later
// Viewport arithmetic: map <-> pixel round trips, extent, pan and zoom about an anchor.
#include "maps/geo/viewport.h"

#include <QRandomGenerator>
#include <QTest>

using namespace maps;

namespace {

bool near(QPointF a, QPointF b, double tol)
{
    return std::abs(a.x() - b.x()) <= tol && std::abs(a.y() - b.y()) <= tol;
}

} // namespace

class TestViewport : public QObject
{
    Q_OBJECT

private slots:
    void pixelRoundTrip()
    {
        const Viewport v({-10.5e6, 3.6e6}, 250.0, {800, 600}, "EPSG:3857");
        QRandomGenerator rng(1);
        for (int i = 0; i < 1000; ++i) {
            const QPointF px(rng.bounded(800.0), rng.bounded(600.0));
            QVERIFY(near(v.toPixel(v.toMap(px)), px, 1e-6));
        }
        QCOMPARE(v.toPixel(v.center()), QPointF(400, 300));
        // North is up: a point north of the centre has a smaller pixel y.
        QVERIFY(v.toPixel({-10.5e6, 3.6e6 + 1000}).y() < 300);
        QVERIFY(v.toPixel({-10.5e6 + 1000, 3.6e6}).x() > 400);
    }

    void extentMatchesCorners()
    {
        const Viewport v({100, 200}, 2.0, {50, 40}, "EPSG:32614");
        const QRectF e = v.extent();
        QCOMPARE(e.width(), 100.0);
        QCOMPARE(e.height(), 80.0);
        QVERIFY(near(v.toMap({0, 0}), {e.left(), e.bottom()}, 1e-9)); // top-left is north-west
        QVERIFY(near(v.toMap({50, 40}), {e.right(), e.top()}, 1e-9)); // bottom-right south-east
    }

    void zoomKeepsTheAnchor()
    {
        const Viewport v({0, 0}, 10.0, {400, 300}, "EPSG:3857");
        const QPointF anchor(317, 41);
        const QPointF under = v.toMap(anchor);
        const Viewport z = v.zoomedBy(2.0, anchor);
        QCOMPARE(z.scale(), 5.0);
        QVERIFY(near(z.toMap(anchor), under, 1e-9));
        QCOMPARE(v.zoomedBy(0.0, anchor), v); // a bad factor changes nothing
    }

    void panFollowsTheMouse()
    {
        const Viewport v({1000, 1000}, 3.0, {200, 200}, "EPSG:3857");
        const QPointF grabbed = v.toMap({50, 60});
        const Viewport p = v.pannedByPixels({25, -10});
        QVERIFY(near(p.toPixel(grabbed), {75, 50}, 1e-9));
    }

    void fittingShowsTheWholeExtent()
    {
        const QRectF extent(-106.6, 25.8, 13.1, 10.7);
        const Viewport v = Viewport::fitting(extent, {640, 480}, "EPSG:4326");
        QVERIFY(v.extent().contains(extent));
        QVERIFY(v.extent().width() < extent.width() * 1.2
                || v.extent().height() < extent.height() * 1.2);
        QVERIFY(!Viewport::fitting(extent, {0, 0}, "EPSG:4326").isValid());
        QVERIFY(Viewport::fitting(QRectF(5, 5, 0, 0), {10, 10}, "EPSG:4326").isValid());
    }
};

QTEST_GUILESS_MAIN(TestViewport)
#include "test_viewport.moc"
