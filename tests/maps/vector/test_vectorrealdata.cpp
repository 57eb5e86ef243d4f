// SPDX-License-Identifier: GPL-3.0-or-later
// Real public datasets from ../shared/data (skipped when absent): PyPSA-Eur / ENTSO-E GridKit
// (CC-BY-4.0, © The PyPSA-Eur Authors), the USA TAMU synthetic grid via PowerSimData
// (CC-BY-4.0), FEMA NFHL flood zones of Cambridge MA (PDDL), terra's Luxembourg cantons (GPL).
// Counts come from each dataset's SOURCE.md; containment is checked against GEOS via OGR.
#include "../support_vectorfiles.h"
#include "maps/vector/vectorloader.h"
#include "tests/support/shareddata.h"

#include <QTest>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <map>

using namespace maps;

class TestVectorRealData : public QObject
{
    Q_OBJECT

private:
    QString m_data;

    QString path(const char *relative) const { return m_data + QLatin1Char('/') + relative; }

private slots:
    void initTestCase()
    {
        m_data = test::sharedDataDir();
        if (m_data.isEmpty()) {
            MISSING_SHARED_DATA("../shared/data is absent: real-data tests need the shared "
                                "datasets");
        }
    }

    void pypsaLinesVoltageClasses()
    {
        const auto lines = loadVectorLayer(
                {path("pypsa-eur-entsoe-gridkit/entsoe_gridkit_europe.gpkg"), "lines"});
        QVERIFY2(lines, qPrintable(lines ? QString() : maps::errorText(lines.error())));
        QCOMPARE(lines->featureCount(), std::size_t(11151));
        QCOMPARE(lines->role(), LayerRole::TransmissionLines);
        std::map<int, int> counts;
        for (float kv : lines->features().kv) {
            ++counts[int(kv)];
        }
        // SOURCE.md: 132/220/300/380/500/750 kV with counts 633/5812/831/3595/234/46.
        const std::map<int, int> expected{{132, 633},  {220, 5812}, {300, 831},
                                          {380, 3595}, {500, 234},  {750, 46}};
        QCOMPARE(counts, expected);
        // Berlin: the nearest 380 kV line is no farther than the nearest line of any voltage.
        const LonLat berlin{13.405, 52.52};
        const auto any = lines->nearest(berlin);
        const auto ehv = lines->nearest(berlin, KvFilter{380.0, 450.0});
        QVERIFY(any && ehv);
        QCOMPARE(lines->features().kv[ehv->feature], 380.0F);
        QVERIFY(ehv->distanceM >= any->distanceM);
        QVERIFY(ehv->distanceM < 100e3);
    }

    void pypsaBusesAndGenerators()
    {
        const QString gpkg = path("pypsa-eur-entsoe-gridkit/entsoe_gridkit_europe.gpkg");
        const auto buses = loadVectorLayer({gpkg, "buses"});
        QVERIFY(buses);
        QCOMPARE(buses->featureCount(), std::size_t(8807));
        QCOMPARE(buses->role(), LayerRole::Substations);
        const auto gens = loadVectorLayer({gpkg, "generators"});
        QVERIFY(gens);
        QCOMPARE(gens->featureCount(), std::size_t(2582));
        QCOMPARE(gens->role(), LayerRole::PowerPlants);
        // capacity -1 means unknown (SOURCE.md): read as NaN, never as a negative MW.
        int unknown = 0;
        for (float mw : gens->features().mw) {
            QVERIFY(std::isnan(mw) || mw > 0.0F);
            unknown += std::isnan(mw) ? 1 : 0;
        }
        QVERIFY(unknown > 0);
    }

    void tamuSubstationsCsv()
    {
        const QString csv = path("usa-tamu-synthetic-powersimdata/sub.csv");
        const auto refused = loadVectorLayer({csv, {}});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::MissingCrs);
        LoadOptions options;
        options.assumedCrs = "EPSG:4326";
        const auto subs = loadVectorLayer({csv, {}}, options);
        QVERIFY2(subs, qPrintable(subs ? QString() : maps::errorText(subs.error())));
        QCOMPARE(subs->featureCount(), std::size_t(41083));
        QCOMPARE(subs->role(), LayerRole::Substations);
        for (const LonLat &v : subs->features().vertices) {
            QVERIFY(v.lon >= -125.06 && v.lon <= -67.02 && v.lat >= 24.47 && v.lat <= 49.03);
        }
        // Nearest to a few cities against brute force over all 41,083 substations.
        for (const LonLat q :
             {LonLat{-97.74, 30.27}, LonLat{-122.42, 37.77}, LonLat{-80.19, 25.76}}) {
            const auto hit = subs->nearest(q);
            QVERIFY(hit);
            double brute = INFINITY;
            for (const LonLat &v : subs->features().vertices) {
                brute = std::min(brute, geodesicDistance(q.lon, q.lat, v.lon, v.lat));
            }
            QVERIFY(std::abs(hit->distanceM - brute) <= 1e-5 * brute + 1e-3);
        }
    }

    void femaFloodZonesAgainstGeos()
    {
        if (!OGRGeometryFactory::haveGEOS()) {
            QSKIP("GDAL was built without GEOS");
        }
        const QString file = path("fema-nfhl-cambridge-ma/FEMA_FloodPlains100Year.geojson");
        const auto flood = loadVectorLayer({file, {}});
        QVERIFY2(flood, qPrintable(flood ? QString() : maps::errorText(flood.error())));
        QCOMPARE(flood->featureCount(), std::size_t(21));
        QCOMPARE(flood->role(), LayerRole::FloodZones);
        GDALDatasetUniquePtr ds(GDALDataset::Open(file.toUtf8(), GDAL_OF_VECTOR));
        QVERIFY(ds);
        std::vector<std::unique_ptr<OGRGeometry>> geoms;
        for (auto &f : ds->GetLayer(0)) {
            geoms.emplace_back(f->GetGeometryRef()->clone());
        }
        QCOMPARE(geoms.size(), std::size_t(21));
        int inside = 0;
        for (int i = 0; i < 60; ++i) {
            for (int j = 0; j < 60; ++j) {
                const LonLat q{-71.158 + 0.094 * i / 59.0, 42.353 + 0.051 * j / 59.0};
                const OGRPoint pt(q.lon, q.lat);
                std::vector<int> expected;
                for (int f = 0; f < int(geoms.size()); ++f) {
                    if (geoms[f]->Contains(&pt)) {
                        expected.push_back(f);
                    }
                }
                inside += expected.empty() ? 0 : 1;
                QCOMPARE(flood->containing(q), expected);
            }
        }
        QVERIFY(inside > 10);
    }

    void luxembourgCantons()
    {
        const auto lux = loadVectorLayer({path("dem-luxembourg-30s/lux.shp"), {}});
        QVERIFY2(lux, qPrintable(lux ? QString() : maps::errorText(lux.error())));
        QCOMPARE(lux->featureCount(), std::size_t(12));
        QCOMPARE(lux->role(), LayerRole::Boundaries);
        QCOMPARE(lux->metadata().sourceCrs, QStringLiteral("EPSG:4326"));
        // Luxembourg City (6.13 E, 49.61 N) lies in the canton of Luxembourg.
        const auto found = lux->containing({6.13, 49.61});
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(lux->label(found.front()), QStringLiteral("Luxembourg"));
    }
};

QTEST_GUILESS_MAIN(TestVectorRealData)
#include "test_vectorrealdata.moc"
