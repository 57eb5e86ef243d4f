// SPDX-License-Identifier: GPL-3.0-or-later
// Site factors from layers written through GDAL: nearest substations and lines by voltage,
// plants within a radius, flood/protected areas, polygon attributes, the raster callback, and
// site polygons. Expected distances are brute-force geodesics over the fixture coordinates.
#include "../support_vectorfiles.h"
#include "maps/analysis/sitefactorcalculator.h"
#include "maps/vector/vectorloader.h"

#include <QTemporaryDir>
#include <QTest>

#include <ogr_core.h>

using namespace maps;
using maps::test::FixtureFeature;
using maps::test::writeVectorFile;

namespace {

struct Sub
{
    LonLat at;
    double kv;
    QString name;
};

const QList<Sub> kSubs{{{-97.70, 30.30}, 138, "North 138"},
                       {{-97.60, 30.10}, 345, "South 345"},
                       {{-97.95, 30.25}, 69, "West 69"},
                       {{-97.20, 30.70}, 500, "Far 500"}};

QString pointWkt(LonLat p)
{
    return QStringLiteral("POINT (%1 %2)").arg(p.lon, 0, 'f', 6).arg(p.lat, 0, 'f', 6);
}

QString squareWkt(double lon0, double lat0, double size)
{
    return QStringLiteral("POLYGON ((%1 %2, %3 %2, %3 %4, %1 %4, %1 %2))")
            .arg(lon0)
            .arg(lat0)
            .arg(lon0 + size)
            .arg(lat0 + size);
}

} // namespace

class TestSiteFactors : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::vector<VectorLayer> m_layers;

    void load(const QString &file, const QString &layer, int type,
              const QList<FixtureFeature> &features)
    {
        const QString path = m_dir.filePath(file);
        QCOMPARE(writeVectorFile(path, "GPKG", layer, "EPSG:4326", type, features), QString());
        auto loaded = loadVectorLayer({path, {}});
        QVERIFY2(loaded, qPrintable(loaded ? QString() : maps::errorText(loaded.error())));
        m_layers.push_back(*loaded);
    }

private slots:
    void initTestCase()
    {
        QList<FixtureFeature> subs;
        for (const Sub &s : kSubs) {
            subs.append({pointWkt(s.at), {{"name", s.name}, {"voltage", s.kv}}});
        }
        load("substations.gpkg", "substations", wkbPoint, subs);
        load("lines.gpkg", "transmission_lines", wkbLineString,
             {{"LINESTRING (-97.80 29.5, -97.80 31.0)", {{"name", "L138"}, {"voltage", "138"}}},
              {"LINESTRING (-97.60 29.5, -97.60 31.0)", {{"name", "L345"}, {"voltage", "345000"}}},
              {"LINESTRING (-98.10 29.5, -98.10 31.0)", {{"name", "L765"}, {"voltage", "765"}}}});
        load("plants.gpkg", "power_plants", wkbPoint,
             {{"POINT (-97.75 30.22)", {{"name", "A"}, {"capacity", 400.0}}},
              {"POINT (-97.80 30.30)", {{"name", "B"}, {"capacity", -1.0}}},
              {"POINT (-95.00 29.00)", {{"name", "far"}, {"capacity", 900.0}}}});
        load("flood.gpkg", "flood_zones", wkbPolygon,
             {{squareWkt(-97.76, 30.24, 0.02), {{"FLD_ZONE", "AE"}, {"SFHA_TF", "T"}}},
              {squareWkt(-97.66, 30.24, 0.02), {{"FLD_ZONE", "X"}, {"SFHA_TF", "F"}}}});
        load("parks.gpkg", "protected_areas", wkbPolygon,
             {{squareWkt(-97.90, 30.00, 0.05), {{"name", "Preserve"}}}});
        load("counties.gpkg", "counties", wkbPolygon,
             {{squareWkt(-98.5, 29.5, 1.5), {{"name", "Travis-like"}, {"statefp", "48"}}}});
        load("prices.gpkg", "land_price", wkbPolygon,
             {{squareWkt(-98.0, 30.0, 1.0), {{"name", "zone 1"}, {"price", 12.5}}}});
    }

    void nearestGridFeatures()
    {
        const SiteFactorCalculator calc(m_layers);
        const LonLat site{-97.75, 30.25};
        const SiteFactors f = calc.at(site);
        // Brute force over the fixture substations.
        const auto bestOf = [&](double minKv) {
            const Sub *best = nullptr;
            for (const Sub &s : kSubs) {
                if (s.kv >= minKv
                    && (!best
                        || geodesicDistance(site.lon, site.lat, s.at.lon, s.at.lat)
                                < geodesicDistance(site.lon, site.lat, best->at.lon,
                                                   best->at.lat))) {
                    best = &s;
                }
            }
            return best;
        };
        const Sub *any = bestOf(0);
        QCOMPARE(f.substation.feature, any->name);
        QCOMPARE(f.substation.layer, QStringLiteral("substations"));
        QVERIFY(std::abs(f.substation.distanceM
                         - geodesicDistance(site.lon, site.lat, any->at.lon, any->at.lat))
                < 1e-3);
        const Sub *hv = bestOf(230);
        QCOMPARE(f.hvSubstation.feature, hv->name);
        QCOMPARE(f.hvSubstation.kv, hv->kv);

        // Lines run along meridians (where a geodesic edge and a straight lon/lat edge agree):
        // the distance is the geodesic to the same latitude on the line's meridian.
        const auto toMeridian = [&](double lon) {
            return geodesicDistance(site.lon, site.lat, lon, site.lat);
        };
        QCOMPARE(f.line.feature, QStringLiteral("L138"));
        QVERIFY(std::abs(f.line.distanceM - toMeridian(-97.80)) < 0.5);
        const auto &byClass = f.lineByClass;
        QCOMPARE(byClass[int(VoltageClass::Kv115To161)].feature, QStringLiteral("L138"));
        QCOMPARE(byClass[int(VoltageClass::Kv345)].feature, QStringLiteral("L345"));
        QCOMPARE(byClass[int(VoltageClass::Kv345)].kv, 345.0);
        QVERIFY(std::abs(byClass[int(VoltageClass::Kv345)].distanceM - toMeridian(-97.60)) < 0.5);
        QCOMPARE(byClass[int(VoltageClass::Kv765Plus)].feature, QStringLiteral("L765"));
        QVERIFY(!byClass[int(VoltageClass::Kv230)].found());
        QVERIFY(!byClass[int(VoltageClass::Kv500)].found());

        QCOMPARE(f.powerPlant.feature, QStringLiteral("A"));
        QCOMPARE(f.powerPlant.mw, 400.0);
        QCOMPARE(f.plantsWithinRadius, 2); // "far" is ~300 km away
        QCOMPARE(f.plantMwWithinRadius, 400.0); // B's capacity is unknown (-1)
    }

    void polygonsAtThePoint()
    {
        const SiteFactorCalculator calc(m_layers);
        const SiteFactors inAe = calc.at({-97.75, 30.25});
        QCOMPARE(inAe.inFloodZone.value, std::optional<bool>(true));
        QCOMPARE(inAe.inFloodZone.label, QStringLiteral("AE"));
        QCOMPARE(inAe.inFloodZone.layer, QStringLiteral("flood_zones"));
        QCOMPARE(inAe.region.value, std::optional<QString>("Travis-like"));
        QCOMPARE(inAe.landPrice.value, std::optional<double>(12.5));
        QCOMPARE(inAe.inProtectedArea.value, std::optional<bool>(false));

        const SiteFactors inX = calc.at({-97.65, 30.25});
        QCOMPARE(inX.inFloodZone.value, std::optional<bool>(false)); // zone X: minimal hazard
        const SiteFactors park = calc.at({-97.88, 30.02});
        QCOMPARE(park.inProtectedArea.value, std::optional<bool>(true));
        QCOMPARE(park.inProtectedArea.label, QStringLiteral("Preserve"));
    }

    void rasterCallbackIsWired()
    {
        std::vector<RasterQuantity> asked;
        const RasterSampleFn raster = [&](RasterQuantity q,
                                          LonLat p) -> std::optional<RasterSample> {
            asked.push_back(q);
            if (q == RasterQuantity::SlopeDeg) {
                return RasterSample{p.lat / 10.0, "dem.tif", {}};
            }
            if (q == RasterQuantity::LandClass) {
                return RasterSample{82, "nlcd.tif", "Cultivated Crops"};
            }
            if (q == RasterQuantity::FloodZone) {
                return RasterSample{1, "flood.tif", "100-year"};
            }
            return std::nullopt;
        };
        const SiteFactorCalculator calc(m_layers, raster);
        const SiteFactors f = calc.at({-97.65, 30.25});
        QVERIFY(std::abs(*f.slopeDeg.value - 3.025) < 1e-12);
        QCOMPARE(f.slopeDeg.layer, QStringLiteral("dem.tif"));
        QCOMPARE(f.landClass.label, QStringLiteral("Cultivated Crops"));
        QCOMPARE(f.inFloodZone.value, std::optional<bool>(true)); // the raster's hazard stands
        QCOMPARE(f.inFloodZone.layer, QStringLiteral("flood.tif"));
        QVERIFY(!f.elevationM.found());
        QCOMPARE(f.landPrice.value, std::optional<double>(12.5)); // from the polygon layer
        QCOMPARE(asked.size(), std::size_t(7));
    }

    void sitePolygon()
    {
        const SiteFactorCalculator calc(m_layers);
        // A 2 km site around "North 138" at (-97.70, 30.30): the substation is inside.
        const std::vector<LonLat> around{{-97.71, 30.29},
                                         {-97.69, 30.29},
                                         {-97.69, 30.31},
                                         {-97.71, 30.31},
                                         {-97.71, 30.29}};
        const SiteFactors f = calc.forPolygon(around);
        QCOMPARE(f.substation.distanceM, 0.0);
        QCOMPARE(f.substation.feature, QStringLiteral("North 138"));
        QVERIFY(std::abs(f.site.lon - -97.70) < 1e-9 && std::abs(f.site.lat - 30.30) < 1e-9);
        // Its western edge is 0.09 degrees of longitude from the 138 kV line at 97.80 W,
        // closest at the edge's northern end.
        QVERIFY(std::abs(f.line.distanceM - geodesicDistance(-97.71, 30.31, -97.80, 30.31)) < 1.0);
        QCOMPARE(f.inFloodZone.value, std::optional<bool>(false));

        // A site whose corner reaches into the AE zone counts as touching the flood zone.
        const std::vector<LonLat> touching{
                {-97.745, 30.255}, {-97.73, 30.255}, {-97.73, 30.27}, {-97.745, 30.27}};
        QCOMPARE(calc.forPolygon(touching).inFloodZone.value, std::optional<bool>(true));
        QVERIFY(calc.at({-97.7375, 30.2625}).inFloodZone.value == std::optional<bool>(false));
    }

    void layersWithoutARoleAreIgnored()
    {
        std::vector<VectorLayer> layers = m_layers;
        for (VectorLayer &l : layers) {
            l.setRole(LayerRole::Unknown);
        }
        const SiteFactors f = SiteFactorCalculator(layers).at({-97.75, 30.25});
        QVERIFY(!f.substation.found());
        QVERIFY(!f.line.found());
        QVERIFY(!f.inFloodZone.found());
        QCOMPARE(f.plantsWithinRadius, 0);
    }
};

QTEST_GUILESS_MAIN(TestSiteFactors)
#include "test_sitefactors.moc"
