// SPDX-License-Identifier: GPL-3.0-or-later
// `energize score` and `energize heatmap` as a user runs them: the real binary on the bundled
// demo, with no display. The score printed for a point equals the heatmap raster's value at
// that point (read back through GDAL), within what one raster cell can change; the factors'
// contributions add up to the score; a factor past its reach scores 0 and says so (the reach
// checked against Karney distances to the demo grid case's buses and branches), and the reach a
// project sets is the one that counts; bad arguments
// and unknown sites are errors on stderr.

#include "planner/core/grid/matpowercase.h"
#include "planner/session/document.h"
#include "planner/session/scoringcommands.h"
#include "support_energizebinary.h"
#include "support_geodesic.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <gdal_priv.h>
#include <map>

namespace {

using Run = testing::BinaryRun;

Run runCli(const QStringList &args)
{
    return testing::runEnergize(args);
}

// The demo's grid case with its bus locations, for brute-force distances (Karney geodesics).
struct DemoGrid
{
    std::vector<planner::GridBus> buses;
    std::vector<planner::GridBranch> branches;
    std::map<int, std::pair<double, double>> at; // bus -> lon, lat

    static DemoGrid load()
    {
        DemoGrid g;
        const QString data = QStringLiteral(ENERGIZE_SOURCE_DIR "/maps/data/");
        auto grid = planner::readMatpowerCase((data + "case_ACTIVSg2000.m").toStdString());
        QFile csv(data + "case_ACTIVSg2000_bus_locations.csv");
        if (!grid.ok() || !csv.open(QIODevice::ReadOnly))
            return g;
        csv.readLine();
        while (!csv.atEnd()) {
            const QStringList f = QString::fromUtf8(csv.readLine()).trimmed().split(',');
            g.at[f[0].toInt()] = {f[2].toDouble(), f[1].toDouble()};
        }
        g.buses = grid->buses;
        g.branches = grid->branches;
        return g;
    }
    // To the nearest branch, each sampled every ~200 m.
    double lineKm(double lon, double lat) const
    {
        double km = INFINITY;
        for (const planner::GridBranch &b : branches) {
            const auto [lon1, lat1] = at.at(b.from);
            const auto [lon2, lat2] = at.at(b.to);
            const int steps = 1 + int(testsupport::geodesicKm(lon1, lat1, lon2, lat2) / 0.2);
            for (int k = 0; k <= steps; ++k) {
                const double t = double(k) / steps;
                km = std::min(km,
                              testsupport::geodesicKm(lon, lat, lon1 + t * (lon2 - lon1),
                                                      lat1 + t * (lat2 - lat1)));
            }
        }
        return km;
    }
    // To the nearest bus at or above 230 kV.
    double hvKm(double lon, double lat) const
    {
        double km = INFINITY;
        for (const planner::GridBus &b : buses) {
            if (b.baseKv >= 230.0)
                km = std::min(
                        km,
                        testsupport::geodesicKm(lon, lat, at.at(b.id).first, at.at(b.id).second));
        }
        return km;
    }
};

} // namespace

class TestScoreCli : public QObject
{
    Q_OBJECT
private slots:
    void scoresEverySiteOfTheDemo()
    {
        const Run run = runCli({"score", "--demo"});
        QCOMPARE(run.code, 0);
        // The demo's three candidate sites, each with its factors and a score line.
        QCOMPARE(run.out.count("  score: "), 3);
        QVERIFY(run.out.contains("Nearest ≥ 230 kV substation"));
        QVERIFY(run.out.contains("layer: synthetic_grid_ACTIVSg2000: substations"));
    }

    void pointScoreEqualsTheRaster()
    {
        QTemporaryDir dir;
        const QString tif = dir.filePath("scores.tif");
        const Run map = runCli({"heatmap", "--demo", "--out", tif, "--bbox", "-100,30,-98,32"});
        QVERIFY2(map.code == 0, qPrintable(map.err));
        GDALAllRegister();
        GDALDatasetUniquePtr ds(GDALDataset::Open(tif.toUtf8(), GDAL_OF_RASTER));
        QVERIFY(ds);
        double gt[6];
        ds->GetGeoTransform(gt);
        int compared = 0;
        for (const auto &[lon, lat] : {std::pair{-99.5, 31.2}, {-98.7, 30.6}, {-99.1, 31.8}}) {
            const Run run = runCli({"score", "--demo", "--at",
                                    QStringLiteral("%1,%2").arg(lon).arg(lat), "--json"});
            QVERIFY2(run.code == 0, qPrintable(run.err));
            const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
            // The contributions add up to the score (all factors have data at these points).
            double sum = 0.0;
            for (const QJsonValue &f : o.value("factors").toArray())
                sum += f.toObject().value("contribution").toDouble();
            // The cell that holds the point: its centre is within a cell of the point, so the
            // distance factor (30 % over 57 km) may differ by a cell's ground size.
            const int col = int((lon - gt[0]) / gt[1]), row = int((lat - gt[3]) / gt[5]);
            float cell = NAN;
            QCOMPARE(ds->GetRasterBand(1)->RasterIO(GF_Read, col, row, 1, 1, &cell, 1, 1,
                                                    GDT_Float32, 0, 0, nullptr),
                     CE_None);
            if (o.value("excluded").toBool()) {
                QCOMPARE(cell, 0.0f);
                continue;
            }
            const double score = o.value("score").toDouble();
            QVERIFY(std::abs(sum * 100.0 - score) < 1e-6);
            const double cellKm = std::abs(gt[1]) * 111.32 * 1.5;
            QVERIFY2(std::abs(cell - score) <= 30.0 * cellKm / 57.0 + 0.6,
                     qPrintable(QStringLiteral("cell %1, point %2").arg(cell).arg(score)));
            ++compared;
        }
        QVERIFY(compared >= 2);
    }

    void factorsPastTheirReachScoreZero()
    {
        // West of the Big Bend: the demo's nearest line is farther than the 30 km reach of the
        // line-voltage factor, and its nearest >= 230 kV bus (substation, and serving bus of the
        // grid-headroom factor) farther than their 60 km.
        const double lon = -103.2, lat = 29.3;
        const DemoGrid grid = DemoGrid::load();
        QVERIFY(!grid.buses.empty());
        const double lineKm = grid.lineKm(lon, lat), hvKm = grid.hvKm(lon, lat);
        QVERIFY2(lineKm > 31.0 && hvKm > 61.0,
                 qPrintable(QStringLiteral("line %1 km, substation %2 km").arg(lineKm).arg(hvKm)));

        const Run run = runCli(
                {"score", "--demo", "--at", QStringLiteral("%1,%2").arg(lon).arg(lat), "--json"});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
        int checked = 0;
        for (const QJsonValue &v : o.value("factors").toArray()) {
            const QJsonObject f = v.toObject();
            const QString id = f.value("id").toString();
            if (id != "line_voltage" && id != "hv_substation_distance" && id != "grid_headroom")
                continue;
            QVERIFY2(f.value("beyond_reach").toBool(), qPrintable(id));
            QCOMPARE(f.value("normalised").toDouble(), 0.0);
            QCOMPARE(f.value("contribution").toDouble(), 0.0);
            const QString detail = f.value("detail").toString();
            QVERIFY2(detail.startsWith(id == "line_voltage" ? "none within 30 km"
                                                            : "none within 60 km"),
                     qPrintable(detail));
            QVERIFY(!f.value("reason").toString().isEmpty()); // the reach's reason
            ++checked;
        }
        QCOMPARE(checked, 3);
        // A site by a line: within the reach, the factor scores its voltage.
        const Run near = runCli({"score", "--demo", "--at", "-100.2,28.5", "--json"});
        QVERIFY2(near.code == 0, qPrintable(near.err));
        const QJsonObject n = QJsonDocument::fromJson(near.out.toUtf8()).object();
        for (const QJsonValue &v : n.value("factors").toArray()) {
            if (v.toObject().value("id").toString() == "line_voltage") {
                QVERIFY(!v.toObject().value("beyond_reach").toBool());
                QVERIFY(v.toObject().value("normalised").toDouble() > 0.0);
            }
        }
    }

    void theProjectsReachIsTheOneThatCounts()
    {
        // A point whose nearest >= 230 kV bus is about 48 km away: within the bundled 60 km
        // reach the substation factor scores (60 - d) / (60 - 3) (worst 60 km, best 3 km); with
        // the project's reach set to 30 km it scores 0 and says "none within 30 km"; an undo
        // of that edit, saved, scores as before.
        const double lon = -101.0, lat = 31.5;
        const DemoGrid grid = DemoGrid::load();
        QVERIFY(!grid.buses.empty());
        const double hvKm = grid.hvKm(lon, lat);
        QVERIFY2(hvKm > 35.0 && hvKm < 55.0, qPrintable(QString::number(hvKm)));
        QTemporaryDir dir;
        const QString project = dir.filePath("reach.gpkg");
        const Run saved = runCli({"save", "--demo", project});
        QVERIFY2(saved.code == 0, qPrintable(saved.err));
        const auto substation = [&] {
            const Run run = runCli({"score", project, "--at",
                                    QStringLiteral("%1,%2").arg(lon).arg(lat), "--json"});
            QJsonObject found;
            for (const QJsonValue &v :
                 QJsonDocument::fromJson(run.out.toUtf8()).object().value("factors").toArray()) {
                if (v.toObject().value("id").toString() == "hv_substation_distance")
                    found = v.toObject();
            }
            return found;
        };
        const QJsonObject before = substation();
        QVERIFY(!before.isEmpty());
        QVERIFY(!before.value("beyond_reach").toBool());
        // The engine measures to the bus point as the layer holds it; 0.5 km of slack.
        QVERIFY2(std::abs(before.value("normalised").toDouble() - (60.0 - hvKm) / 57.0)
                         < 0.5 / 57.0,
                 qPrintable(QStringLiteral("%1 at %2 km")
                                    .arg(before.value("normalised").toDouble())
                                    .arg(hvKm)));

        planner::Document doc;
        QVERIFY2(doc.load(project).ok(), "load failed");
        QVERIFY(planner::commands::setScoringReach(doc, "hv_substation_distance", 30.0));
        QVERIFY2(doc.save(project).ok(), "save failed");
        const QJsonObject near = substation();
        QVERIFY(near.value("beyond_reach").toBool());
        QCOMPARE(near.value("normalised").toDouble(), 0.0);
        QCOMPARE(near.value("contribution").toDouble(), 0.0);
        QVERIFY2(near.value("detail").toString().startsWith("none within 30 km"),
                 qPrintable(near.value("detail").toString()));

        doc.undoStack()->undo();
        QVERIFY2(doc.save(project).ok(), "save failed");
        QCOMPARE(substation().value("normalised").toDouble(),
                 before.value("normalised").toDouble());
    }

    void errors()
    {
        const Run site = runCli({"score", "--demo", "--site", "Nowhere"});
        QCOMPARE(site.code, 1);
        QVERIFY(site.err.contains("no site 'Nowhere'; the sites are:"));
        QVERIFY(site.err.contains("Abilene candidate"));
        const Run at = runCli({"score", "--demo", "--at", "north"});
        QCOMPARE(at.code, 2);
        QVERIFY(at.err.contains("--at wants LON,LAT"));
        const Run out = runCli({"heatmap", "--demo"});
        QCOMPARE(out.code, 2);
        QVERIFY(out.err.contains("--out FILE.tif is required"));
        const Run none = runCli({"score", "/nonexistent/project.gpkg"});
        QCOMPARE(none.code, 1);
        QVERIFY(none.err.contains("project.gpkg"));
    }
};

QTEST_GUILESS_MAIN(TestScoreCli)
#include "test_scorecli.moc"
