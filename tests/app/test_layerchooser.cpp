// SPDX-License-Identifier: GPL-3.0-or-later
// Files with several layers, as a user adds them: a GeoPackage with two point layers and a
// table without geometry, and a TopoJSON with two objects. The chooser is offered every layer
// with its geometry and feature count (as GDAL counts them, read here on its own), and each
// layer picked becomes a layer of the project that loads; a single-layer file asks nothing.
#include "app/mapcontroller.h"
#include "planner/session/document.h"
#include "widgets/layerpanel.h"
#include "widgets/mapcanvas.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace {

bool writeGeoPackage(const QString &path)
{
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(
            path.toUtf8(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    for (const auto &[name, count] : {std::pair{"substations", 3}, std::pair{"taps", 2}}) {
        OGRLayer *layer = ds->CreateLayer(name, &wgs84, wkbPoint, nullptr);
        OGRFieldDefn kv("kv", OFTReal);
        layer->CreateField(&kv);
        for (int i = 0; i < count; ++i) {
            OGRFeature f(layer->GetLayerDefn());
            f.SetField(0, 138.0);
            OGRPoint p(-99.0 + i, 31.0);
            f.SetGeometry(&p);
            if (layer->CreateFeature(&f) != OGRERR_NONE)
                return false;
        }
    }
    OGRLayer *table = ds->CreateLayer("owners", nullptr, wkbNone, nullptr);
    return table != nullptr;
}

// GDAL's own count of a layer's features, independent of the chooser's listing.
qint64 gdalCount(const QString &path, const char *layer)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8(), GDAL_OF_VECTOR));
    return ds && ds->GetLayerByName(layer) ? ds->GetLayerByName(layer)->GetFeatureCount() : -1;
}

} // namespace

class TestLayerChooser : public QObject
{
    Q_OBJECT
private slots:
    void geoPackageOffersItsLayers()
    {
        QTemporaryDir dir;
        const QString gpkg = dir.filePath("grid.gpkg");
        QVERIFY(writeGeoPackage(gpkg));
        planner::Document doc;
        ui::MapCanvas canvas;
        ui::LayerPanel panel;
        app::MapController map(&doc, &canvas, &panel);
        QList<maps::VectorLayerInfo> offered;
        map.setLayerChooser([&](const QString &, const QList<maps::VectorLayerInfo> &layers) {
            offered = layers;
            return QStringList{"substations", "taps"};
        });
        QCOMPARE(map.addLayerFiles({gpkg}), 2);
        QCOMPARE(offered.size(), 3);
        for (const maps::VectorLayerInfo &info : offered) {
            if (info.name == "owners") {
                QCOMPARE(info.kind, maps::GeometryKind::None);
            } else {
                QCOMPARE(info.kind, maps::GeometryKind::Point);
                QCOMPARE(info.featureCount, gdalCount(gpkg, info.name.toUtf8().constData()));
            }
        }
        QCOMPARE(doc.layers().size(), std::size_t(2));
        QCOMPARE(doc.layers()[1].layerName, std::string("taps"));
        map.layers()->waitForLoads();
        for (const planner::LayerRef &ref : doc.layers()) {
            auto loaded = map.layers()->layer(ref.id);
            QVERIFY2(loaded && loaded->state == app::LoadedLayer::State::Ready,
                     loaded ? qPrintable(loaded->error) : "not loaded");
        }
        QCOMPARE(map.layers()->layer(doc.layers()[0].id)->vector->featureCount(), std::size_t(3));
        // Undo takes the layers back one by one.
        doc.undoStack()->undo();
        QCOMPARE(doc.layers().size(), std::size_t(1));
    }

    void topoJsonOffersItsObjects()
    {
        QTemporaryDir dir;
        const QString topo = dir.filePath("grid.topojson");
        QFile f(topo);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"type":"Topology","arcs":[[[-99,31],[-98,31]]],"objects":{
            "lines":{"type":"GeometryCollection","geometries":[
              {"type":"LineString","arcs":[0],"properties":{"kv":345}}]},
            "substations":{"type":"GeometryCollection","geometries":[
              {"type":"Point","coordinates":[-99,31],"properties":{"kv":345}},
              {"type":"Point","coordinates":[-98,31],"properties":{"kv":138}}]}}})");
        f.close();
        planner::Document doc;
        ui::MapCanvas canvas;
        ui::LayerPanel panel;
        app::MapController map(&doc, &canvas, &panel);
        QStringList names;
        map.setLayerChooser([&](const QString &, const QList<maps::VectorLayerInfo> &layers) {
            for (const auto &l : layers)
                names << l.name;
            return QStringList{"substations"};
        });
        QCOMPARE(map.addLayerFiles({topo}), 1);
        QVERIFY2(names.contains("lines") && names.contains("substations"),
                 qPrintable(names.join(',')));
        // TopoJSON names no coordinate system: the layer asks, as any such file does.
        map.layers()->waitForLoads();
        QVERIFY(map.layers()->layer(doc.layers().front().id)->needsCrs);
        QVERIFY(map.setLayerCrs(doc.layers().front().id, "EPSG:4326"));
        map.layers()->waitForLoads();
        auto loaded = map.layers()->layer(doc.layers().front().id);
        QVERIFY2(loaded->state == app::LoadedLayer::State::Ready, qPrintable(loaded->error));
        QCOMPARE(loaded->vector->featureCount(), std::size_t(2));
    }

    void singleLayerFileAsksNothing()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath("one.geojson");
        QFile f(json);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kv":345},"geometry":{"type":"Point","coordinates":[-99,31]}}]})");
        f.close();
        planner::Document doc;
        ui::MapCanvas canvas;
        ui::LayerPanel panel;
        app::MapController map(&doc, &canvas, &panel);
        bool asked = false;
        map.setLayerChooser([&](const QString &, const QList<maps::VectorLayerInfo> &) {
            asked = true;
            return QStringList();
        });
        QCOMPARE(map.addLayerFiles({json}), 1);
        QVERIFY(!asked);
        QVERIFY(doc.layers().front().layerName.empty());
    }
};

QTEST_MAIN(TestLayerChooser)
#include "test_layerchooser.moc"
