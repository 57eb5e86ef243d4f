// SPDX-License-Identifier: GPL-3.0-or-later
// `energize compare` as a user runs it: the real binary on the bundled demo's three plans. The
// JSON's figures equal those of each plan's own evaluation (written independently by
// `energize save --demo` into the project file's plans layer and read back through GDAL); the
// CSV reads back with a row per figure; an unknown plan name lists the plans there are.

#include "support_energizebinary.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace {

using Run = testing::BinaryRun;

Run energize(const QStringList &args)
{
    return testing::runEnergize(args);
}

QJsonObject rowById(const QJsonObject &c, const QString &id)
{
    for (const QJsonValue &r : c.value("rows").toArray()) {
        if (r.toObject().value("id").toString() == id)
            return r.toObject();
    }
    return {};
}

} // namespace

class TestCompareCli : public QObject
{
    Q_OBJECT
private slots:
    void jsonEqualsEachPlansHeadline()
    {
        QTemporaryDir dir;
        const QString gpkg = dir.filePath("demo.gpkg");
        const Run saved = energize({"save", "--demo", gpkg});
        QVERIFY2(saved.code == 0, qPrintable(saved.err));
        // The plans layer: capex and P50 of each plan, as the save computed them.
        GDALAllRegister();
        GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.toUtf8(), GDAL_OF_VECTOR));
        QVERIFY(ds);
        OGRLayer *layer = ds->GetLayerByName("plans");
        QVERIFY(layer);
        QMap<QString, double> capex;
        QMap<QString, QString> p50;
        for (auto &f : *layer) {
            capex.insert(f->GetFieldAsString("name"), f->GetFieldAsDouble("capex_usd"));
            p50.insert(f->GetFieldAsString("name"), f->GetFieldAsString("p50_power_on"));
        }
        QCOMPARE(capex.size(), 3);

        const Run run = energize({"compare", gpkg, "--json"});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject c = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonArray plans = c.value("plans").toArray();
        QCOMPARE(plans.size(), 3);
        const QJsonArray capexRow = rowById(c, "capex_usd").value("values").toArray();
        const QJsonArray p50Row = rowById(c, "p50_last").value("values").toArray();
        for (int i = 0; i < 3; ++i) {
            const QString name = plans[i].toString();
            QVERIFY2(capex.contains(name), qPrintable(name));
            QVERIFY(std::abs(capexRow[i].toDouble() - capex[name]) <= 1e-6 * capex[name]);
            QCOMPARE(p50Row[i].toString(), p50[name]);
        }
        // The best capex is the smallest one; differences are to the first plan, the baseline.
        const QJsonObject capexObject = rowById(c, "capex_usd");
        int smallest = 0;
        for (int i = 1; i < 3; ++i)
            smallest = capexRow[i].toDouble() < capexRow[smallest].toDouble() ? i : smallest;
        QCOMPARE(capexObject.value("best").toString(), plans[smallest].toString());
        const QJsonArray diff = capexObject.value("difference_to_baseline").toArray();
        QCOMPARE(diff[0].toDouble(), 0.0);
        QVERIFY(std::abs(diff[1].toDouble() - (capexRow[1].toDouble() - capexRow[0].toDouble()))
                < 1.0);
        QVERIFY(!c.value("summary").toArray().isEmpty());
    }

    void tableCsvAndBaseline()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath("compare.csv");
        const Run all = energize({"compare", "--demo", "--json"});
        const QJsonArray names =
                QJsonDocument::fromJson(all.out.toUtf8()).object().value("plans").toArray();
        QCOMPARE(names.size(), 3);
        const QString second = names[1].toString(), third = names[2].toString();
        const Run run = energize({"compare", "--demo", "--plans", third + "," + second,
                                  "--baseline", second, "--csv", csv});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.out.contains("Baseline: " + second));
        QVERIFY(run.out.contains("powers on first at P50"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
        // Header: figure, unit, the two plans in the order asked, best.
        QVERIFY(lines.first().startsWith("figure,unit,"));
        QVERIFY(lines.first().indexOf(third) < lines.first().indexOf(second));
        QVERIFY(lines.first().endsWith(",best"));
        QVERIFY(lines.size() > 15);
        QVERIFY(std::any_of(lines.begin(), lines.end(),
                            [](const QString &l) { return l.startsWith("Capex,USD,"); }));
    }

    void errors()
    {
        const Run unknown = energize({"compare", "--demo", "--plans", "Nope,Other"});
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.contains("no plan 'Nope'; the plans are: "), qPrintable(unknown.err));
        const Run base = energize({"compare", "--demo", "--baseline", "Nope"});
        QCOMPARE(base.code, 1);
        QVERIFY(base.err.contains("the baseline 'Nope' is not among the compared plans"));
        const Run bad = energize({"compare", "--demo", "--bogus"});
        QCOMPARE(bad.code, 2);
    }
};

QTEST_GUILESS_MAIN(TestCompareCli)
#include "test_comparecli.moc"
