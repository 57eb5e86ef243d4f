// SPDX-License-Identifier: GPL-3.0-or-later
// Render check: the Texas demo at a fixed view, drawn by the same code as the canvas's render
// worker, compared with a stored control image within a tolerance. After an intended change of
// the map's look, regenerate it with ENERGIZE_UPDATE_CONTROL_IMAGES=1 and look at the new
// image before committing it.

#include "app/demoproject.h"
#include "app/maplayers.h"
#include "app/scenerenderer.h"
#include "planner/session/document.h"

#include <QTest>

#include <algorithm>
#include <cstdlib>

class TestRenderControl : public QObject
{
    Q_OBJECT
private slots:
    void demoMatchesControlImage();
};

void TestRenderControl::demoMatchesControlImage()
{
    planner::Document doc;
    app::DemoRegion region;
    QVERIFY2(app::loadDemoRegion(doc, &region).ok(), "the demo did not load");
    app::MapLayers layers(&doc);
    layers.waitForLoads();
    ui::MapView view;
    view.setSize(QSize(640, 480));
    view.fit(region.bounds);
    const QImage image = app::renderScene(*layers.scene(), view);

    const QString control = QString(ENERGIZE_SOURCE_DIR) + "/tests/data/render-demo-640x480.png";
    if (qEnvironmentVariableIsSet("ENERGIZE_UPDATE_CONTROL_IMAGES")) {
        QVERIFY(image.save(control));
        QSKIP("control image written; look at it, then commit it");
    }
    const QImage expected = QImage(control).convertToFormat(image.format());
    QVERIFY2(!expected.isNull(), qPrintable("missing control image " + control));
    QCOMPARE(expected.size(), image.size());
    // Anti-aliasing may differ by a few levels; count pixels that differ clearly.
    constexpr int kChannelTolerance = 40;
    int differing = 0, drawn = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *a = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        const auto *b = reinterpret_cast<const QRgb *>(expected.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            drawn += qAlpha(a[x]) > 0;
            const int d = std::max(
                    {std::abs(qRed(a[x]) - qRed(b[x])), std::abs(qGreen(a[x]) - qGreen(b[x])),
                     std::abs(qBlue(a[x]) - qBlue(b[x])), std::abs(qAlpha(a[x]) - qAlpha(b[x]))});
            differing += d > kChannelTolerance;
        }
    }
    const int total = image.width() * image.height();
    QVERIFY2(drawn > total / 10, "the demo drew almost nothing");
    QVERIFY2(differing <= total / 200,
             qPrintable(QString("%1 of %2 pixels differ from the control image")
                                .arg(differing)
                                .arg(total)));
}

QTEST_MAIN(TestRenderControl)
#include "test_rendercontrol.moc"
