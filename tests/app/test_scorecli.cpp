// SPDX-License-Identifier: GPL-3.0-or-later
// `energize score` and `energize heatmap` as a user runs them: the real binary on the bundled
// demo, with no display. The score printed for a point equals the heatmap raster's value at
// that point (read back through GDAL), within what one raster cell can change; the factors'
// contributions add up to the score; bad arguments and unknown sites are errors on stderr.

#include "support_energizebinary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <gdal_priv.h>

namespace {

using Run = testing::BinaryRun;

Run energize(const QStringList &args)
{
    return testing::runEnergize(args);
}

} // namespace

class TestScoreCli : public QObject
{
    Q_OBJECT
private slots:
    void scoresEverySiteOfTheDemo()
    {
        const Run run = energize({"score", "--demo"});
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
        const Run map = energize({"heatmap", "--demo", "--out", tif, "--bbox", "-100,30,-98,32"});
        QVERIFY2(map.code == 0, qPrintable(map.err));
        GDALAllRegister();
        GDALDatasetUniquePtr ds(GDALDataset::Open(tif.toUtf8(), GDAL_OF_RASTER));
        QVERIFY(ds);
        double gt[6];
        ds->GetGeoTransform(gt);
        int compared = 0;
        for (const auto &[lon, lat] : {std::pair{-99.5, 31.2}, {-98.7, 30.6}, {-99.1, 31.8}}) {
            const Run run = energize({"score", "--demo", "--at",
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

    void errors()
    {
        const Run site = energize({"score", "--demo", "--site", "Nowhere"});
        QCOMPARE(site.code, 1);
        QVERIFY(site.err.contains("no site 'Nowhere'; the sites are:"));
        QVERIFY(site.err.contains("Abilene candidate"));
        const Run at = energize({"score", "--demo", "--at", "north"});
        QCOMPARE(at.code, 2);
        QVERIFY(at.err.contains("--at wants LON,LAT"));
        const Run out = energize({"heatmap", "--demo"});
        QCOMPARE(out.code, 2);
        QVERIFY(out.err.contains("--out FILE.tif is required"));
        const Run none = energize({"score", "/nonexistent/project.gpkg"});
        QCOMPARE(none.code, 1);
        QVERIFY(none.err.contains("project.gpkg"));
    }
};

QTEST_GUILESS_MAIN(TestScoreCli)
#include "test_scorecli.moc"
