// SPDX-License-Identifier: GPL-3.0-or-later
// The attribution line follows the project's layers: the demo's line (naming what is synthetic)
// only with demo layers in the project, the user's own files otherwise, nothing for no layers.
#include "app/layerattribution.h"

#include <QTest>

namespace {

planner::LayerRef layer(const std::string &source)
{
    planner::LayerRef ref;
    ref.source = source;
    ref.name = "layer";
    return ref;
}

const QString kDemo = QStringLiteral("Synthetic grid (demo)");

} // namespace

class TestLayerAttribution : public QObject
{
    Q_OBJECT
private slots:
    void followsTheLayers()
    {
        const QString dir = "/opt/energize/demo";
        QCOMPARE(app::layerAttribution({}, dir, kDemo), QString());
        QCOMPARE(app::layerAttribution({layer("/opt/energize/demo/grid.gpkg")}, dir, kDemo), kDemo);
        // A real-data project opened after the demo: no claim to be synthetic.
        QCOMPARE(app::layerAttribution({layer("/data/hifld_lines.geojson")}, dir, kDemo),
                 "Data: hifld_lines.geojson");
        // A folder that only starts like the demo's is not the demo's.
        QCOMPARE(app::layerAttribution({layer("/opt/energize/demo2/x.tif")}, dir, kDemo),
                 "Data: x.tif");
        QCOMPARE(app::layerAttribution({layer("/opt/energize/demo/grid.gpkg"), layer("/d/a.tif")},
                                       dir, kDemo),
                 kDemo + " · Data: a.tif");
        std::vector<planner::LayerRef> many;
        for (const char *f :
             {"/d/a.tif", "/d/b.tif", "/d/c.tif", "/d/d.tif", "/d/e.tif", "/d/a.tif"})
            many.push_back(layer(f));
        QCOMPARE(app::layerAttribution(many, {}, kDemo),
                 "Data: a.tif, b.tif, c.tif, d.tif, 1 more");
    }
};

QTEST_GUILESS_MAIN(TestLayerAttribution)
#include "test_layerattribution.moc"
