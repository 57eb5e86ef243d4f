// SPDX-License-Identifier: GPL-3.0-or-later
// The map canvas with real Qt events, offscreen: zoom about the cursor, pan, keyboard, dragging
// a site (live signals on every move, one drop), and rendering in a worker where the newest
// request wins.

#include "widgets/mapcanvas.h"
#include "widgets/mapview.h"
#include "widgets/pointtool.h"
#include "widgets/scalebar.h"
#include "widgets/sitetool.h"

#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <atomic>

using namespace ui;

class TestMapCanvas : public QObject
{
    Q_OBJECT
private slots:
    void mercatorRoundTrip_data();
    void mercatorRoundTrip();
    void wheelZoomKeepsPointUnderCursor();
    void dragPansByTheMouseDelta();
    void keyboardPansAndZooms();
    void draggingASiteEmitsEveryMoveAndOneDrop();
    void escapeCancelsADrag();
    void clickReportsLonLat();
    void renderRunsInWorkerAndNewestWins();
    void droppedFilesAreOffered();
    void scaleBarIsRound_data();
    void scaleBarIsRound();
    void legendIsDrawnAboveTheScaleBar();

private:
    static void showCanvas(MapCanvas &canvas);
};

void TestMapCanvas::showCanvas(MapCanvas &canvas)
{
    canvas.resize(800, 600);
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    const GeoRect texas{-106.65, 25.84, -93.51, 36.5};
    canvas.setFullExtent(texas);
    canvas.zoomTo(texas);
}

void TestMapCanvas::mercatorRoundTrip_data()
{
    QTest::addColumn<double>("lon");
    QTest::addColumn<double>("lat");
    QTest::newRow("Austin") << -97.7431 << 30.2672;
    QTest::newRow("equator") << 0.0 << 0.0;
    QTest::newRow("Tromsø") << 18.9553 << 69.6492;
    QTest::newRow("Hobart") << 147.3272 << -42.8821;
}

void TestMapCanvas::mercatorRoundTrip()
{
    QFETCH(double, lon);
    QFETCH(double, lat);
    const QPointF m = MapView::toMercator(lon, lat);
    const QPointF back = MapView::toLonLat(m);
    QVERIFY(qAbs(back.x() - lon) < 1e-9);
    QVERIFY(qAbs(back.y() - lat) < 1e-9);
    // EPSG:3857 of (-97.7431, 30.2672) from PROJ's gdaltransform: (-10880712.12, 3537942.36)
    if (QByteArray(QTest::currentDataTag()) == "Austin") {
        QVERIFY(qAbs(m.x() - -10880712.12) < 0.01);
        QVERIFY(qAbs(m.y() - 3537942.36) < 0.01);
    }
}

void TestMapCanvas::wheelZoomKeepsPointUnderCursor()
{
    MapCanvas canvas;
    showCanvas(canvas);
    const QPointF cursor(612.0, 143.0);
    const QPointF before = canvas.view().screenToLonLat(cursor);
    const double scaleBefore = canvas.view().metresPerPixel();
    QWheelEvent wheel(cursor, canvas.mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&canvas, &wheel);
    QVERIFY(canvas.view().metresPerPixel() < scaleBefore * 0.7); // two notches in
    const QPointF after = canvas.view().screenToLonLat(cursor);
    QVERIFY2(qAbs(after.x() - before.x()) < 1e-9 && qAbs(after.y() - before.y()) < 1e-9,
             "the point under the cursor moved while zooming");
}

void TestMapCanvas::dragPansByTheMouseDelta()
{
    MapCanvas canvas;
    showCanvas(canvas);
    SiteTool tool(&canvas);
    canvas.setTool(&tool);
    const QPoint from(400, 300), to(460, 260);
    const QPointF grabbed = canvas.view().screenToLonLat(from);
    QTest::mousePress(&canvas, Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(&canvas, QPoint(430, 280));
    QTest::mouseMove(&canvas, to);
    QTest::mouseRelease(&canvas, Qt::LeftButton, Qt::NoModifier, to);
    const QPointF underCursor = canvas.view().screenToLonLat(to);
    QVERIFY(qAbs(underCursor.x() - grabbed.x()) < 1e-9);
    QVERIFY(qAbs(underCursor.y() - grabbed.y()) < 1e-9);
}

void TestMapCanvas::keyboardPansAndZooms()
{
    MapCanvas canvas;
    showCanvas(canvas);
    const double scale = canvas.view().metresPerPixel();
    const QPointF centre = canvas.view().centre();
    QTest::keyClick(&canvas, Qt::Key_Plus);
    QCOMPARE(canvas.view().metresPerPixel(), scale / 2.0);
    QTest::keyClick(&canvas, Qt::Key_Minus);
    QCOMPARE(canvas.view().metresPerPixel(), scale);
    QTest::keyClick(&canvas, Qt::Key_Right);
    QVERIFY(canvas.view().centre().x() > centre.x());
    QTest::keyClick(&canvas, Qt::Key_Home);
    QVERIFY(qAbs(canvas.view().centre().x() - centre.x()) < 1e-6 * qAbs(centre.x()));
}

void TestMapCanvas::draggingASiteEmitsEveryMoveAndOneDrop()
{
    MapCanvas canvas;
    showCanvas(canvas);
    canvas.setSites({{7, "Abilene", -99.73, 32.45, Qt::green}});
    SiteTool tool(&canvas);
    canvas.setTool(&tool);
    QSignalSpy dragged(&tool, &SiteTool::dragged);
    QSignalSpy dropped(&tool, &SiteTool::dropped);
    const QPoint start = canvas.view().lonLatToScreen(-99.73, 32.45).toPoint();
    QCOMPARE(canvas.siteAt(start), qint64(7));
    QTest::mousePress(&canvas, Qt::LeftButton, Qt::NoModifier, start);
    for (int i = 1; i <= 5; ++i)
        QTest::mouseMove(&canvas, start + QPoint(10 * i, 4 * i));
    const QPoint end = start + QPoint(50, 20);
    QTest::mouseRelease(&canvas, Qt::LeftButton, Qt::NoModifier, end);
    // The marker keeps its offset from the mouse: it moves by exactly the mouse's delta.
    const QPointF expected = canvas.view().screenToLonLat(
            canvas.view().lonLatToScreen(-99.73, 32.45) + QPointF(50.0, 20.0));
    QCOMPARE(dragged.count(), 5);
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(dropped.at(0).at(0).toLongLong(), qint64(7));
    QVERIFY(qAbs(dropped.at(0).at(1).toDouble() - expected.x()) < 1e-9);
    QVERIFY(qAbs(dropped.at(0).at(2).toDouble() - expected.y()) < 1e-9);
    QCOMPARE(canvas.siteAt(end), qint64(7)); // the marker followed
    QCOMPARE(canvas.selectedSite(), qint64(7));

    // A click without movement selects and does not drop.
    QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, end);
    QCOMPARE(dropped.count(), 1);
}

void TestMapCanvas::escapeCancelsADrag()
{
    MapCanvas canvas;
    showCanvas(canvas);
    canvas.setSites({{3, "Temple", -97.34, 31.1, Qt::green}});
    SiteTool tool(&canvas);
    canvas.setTool(&tool);
    QSignalSpy dropped(&tool, &SiteTool::dropped);
    QSignalSpy cancelled(&tool, &SiteTool::dragCancelled);
    const QPoint start = canvas.view().lonLatToScreen(-97.34, 31.1).toPoint();
    QTest::mousePress(&canvas, Qt::LeftButton, Qt::NoModifier, start);
    QTest::mouseMove(&canvas, start + QPoint(40, 0));
    QTest::keyClick(&canvas, Qt::Key_Escape);
    QTest::mouseRelease(&canvas, Qt::LeftButton, Qt::NoModifier, start + QPoint(40, 0));
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(dropped.count(), 0);
    QCOMPARE(canvas.sites().at(0).longitude, -97.34);
}

void TestMapCanvas::clickReportsLonLat()
{
    MapCanvas canvas;
    showCanvas(canvas);
    PointTool tool(&canvas, Qt::CrossCursor);
    canvas.setTool(&tool);
    QSignalSpy clicked(&tool, &PointTool::clicked);
    const QPoint at(321, 222);
    QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, at);
    QCOMPARE(clicked.count(), 1);
    const QPointF expected = canvas.view().screenToLonLat(at);
    QCOMPARE(clicked.at(0).at(0).toDouble(), expected.x());
    QCOMPARE(clicked.at(0).at(1).toDouble(), expected.y());
}

void TestMapCanvas::renderRunsInWorkerAndNewestWins()
{
    MapCanvas canvas;
    std::atomic<int> calls{0};
    QThread *gui = QThread::currentThread();
    std::atomic<bool> offGuiThread{true};
    canvas.setRenderFunction([&](const MapView &view) {
        ++calls;
        if (QThread::currentThread() == gui)
            offGuiThread = false;
        QThread::msleep(30);
        QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::darkGreen);
        return image;
    });
    showCanvas(canvas);
    QSignalSpy finished(&canvas, &MapCanvas::renderFinished);
    // Many requests while one render runs: only the newest view is rendered after it.
    for (int i = 0; i < 10; ++i)
        canvas.panBy(QPointF(5.0, 0.0)), canvas.refresh();
    QVERIFY(finished.wait(5000));
    QTRY_VERIFY(!canvas.isRendering());
    QVERIFY(offGuiThread);
    QVERIFY2(calls <= 4, qPrintable(QString("rendered %1 times for 10 requests").arg(calls)));
    const QImage shot = canvas.grab().toImage();
    QCOMPARE(shot.pixelColor(400, 200), QColor(Qt::darkGreen));
}

void TestMapCanvas::droppedFilesAreOffered()
{
    MapCanvas canvas;
    showCanvas(canvas);
    QSignalSpy dropped(&canvas, &MapCanvas::filesDropped);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile("/data/grid.gpkg"), QUrl("https://example.org/x.tif"),
                  QUrl::fromLocalFile("/data/dem.tif")});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&canvas, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&canvas, &drop);
    QCOMPARE(dropped.count(), 1);
    // Only local files: a remote URL is never opened behind the user's back.
    QCOMPARE(dropped.at(0).at(0).toStringList(), QStringList({"/data/grid.gpkg", "/data/dem.tif"}));
}

void TestMapCanvas::scaleBarIsRound_data()
{
    QTest::addColumn<double>("metresPerPixel");
    QTest::addColumn<double>("metres");
    QTest::addColumn<QString>("label");
    QTest::newRow("city") << 10.0 << 1000.0 << "1 km";
    QTest::newRow("state") << 1500.0 << 200000.0 << "200 km";
    QTest::newRow("site") << 0.7 << 100.0 << "100 m";
    QTest::newRow("region") << 400.0 << 50000.0 << "50 km";
}

void TestMapCanvas::scaleBarIsRound()
{
    QFETCH(double, metresPerPixel);
    QFETCH(double, metres);
    QFETCH(QString, label);
    const ScaleBar bar = scaleBarFor(metresPerPixel, 160.0);
    QCOMPARE(bar.metres, metres);
    QCOMPARE(bar.label, label);
    QVERIFY(bar.pixels <= 160.0 && bar.pixels > 160.0 / 5.0);
    QCOMPARE(scaleBarFor(std::numeric_limits<double>::quiet_NaN(), 160.0).pixels, 0.0);
}

void TestMapCanvas::legendIsDrawnAboveTheScaleBar()
{
    MapCanvas canvas;
    canvas.resize(600, 400);
    showCanvas(canvas);
    const QImage before = canvas.grab().toImage();
    const QColor swatch(200, 20, 160);
    LegendSection section;
    section.title = "Substations by headroom";
    section.entries = {{swatch, "below 50 MW"}, {QColor(20, 160, 60), "1,000 MW and more"}};
    section.note = "Schematic: straight lines between substations, not routes.";
    canvas.setLegend({section});
    QCOMPARE(canvas.legend().size(), 1);
    const QImage after = canvas.grab().toImage();
    // The swatch is in the lower left, above the scale bar; nothing of it before.
    const QSizeF size = legendSize({section}, canvas.font(), 200.0);
    QVERIFY(size.width() > 40 && size.height() > 30);
    int found = 0, foundBefore = 0;
    for (int y = 0; y < after.height(); ++y)
        for (int x = 0; x < after.width() / 2; ++x) {
            found += after.pixelColor(x, y) == swatch;
            foundBefore += before.pixelColor(x, y) == swatch;
        }
    QVERIFY(found > 10);
    QCOMPARE(foundBefore, 0);
    canvas.setLegend({});
    const QImage cleared = canvas.grab().toImage();
    int left = 0;
    for (int y = 0; y < cleared.height(); ++y)
        for (int x = 0; x < cleared.width(); ++x)
            left += cleared.pixelColor(x, y) == swatch;
    QCOMPARE(left, 0);
}

QTEST_MAIN(TestMapCanvas)
#include "test_mapcanvas.moc"
