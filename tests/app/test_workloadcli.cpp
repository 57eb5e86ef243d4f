// SPDX-License-Identifier: GPL-3.0-or-later
// `energize plan` with a served workload and with --compare-systems, through the binary: the
// racks and accelerators of a small mix worked by hand (as in tests/planner/sizing), the router
// savings, and each --compare-systems row equal to `energize plan` run with that system.

#include "support_energizebinary.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

// The example plan sized from a workload on the HGX B200 instead of 100 MW of GB200:
// 864 M requests a day, 80 % mini (1,000 in / 250 out), 20 % large dense (2,000 / 500),
// peak 1.5 × average, 60 % utilisation.
QJsonObject workloadPlan()
{
    QFile file(QString(ENERGIZE_SOURCE_DIR) + "/resources/examples/plan-100mw.json");
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    QJsonObject plan = doc["plan"].toObject();
    plan.remove("it_load_mw");
    plan.remove("phases_mw");
    plan["accelerator"] = "hgx-b200";
    plan["cooling"] = "air-chillers";
    plan["workload"] = QJsonObject{{"requests_per_day", 864e6},
                                   {"peak_to_average", 1.5},
                                   {"target_utilisation", 0.6},
                                   {"mix",
                                    QJsonArray{QJsonObject{{"model_class", "mini"},
                                                           {"share", 0.8},
                                                           {"input_tokens", 1000},
                                                           {"output_tokens", 250}},
                                               QJsonObject{{"model_class", "large-dense"},
                                                           {"share", 0.2},
                                                           {"input_tokens", 2000},
                                                           {"output_tokens", 500}}}}};
    doc["plan"] = plan;
    QJsonObject economics = doc["economics"].toObject();
    economics.remove("tokens_per_second_per_accelerator");
    doc["economics"] = economics;
    return doc;
}

QString write(const QTemporaryDir &dir, const QString &name, const QJsonObject &content)
{
    QFile f(dir.filePath(name));
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(QJsonDocument(content).toJson());
    return f.fileName();
}

} // namespace

class TestWorkloadCli : public QObject
{
    Q_OBJECT

private slots:
    void workloadSizesThePlan()
    {
        QTemporaryDir dir;
        const auto run = testing::runEnergize(
                {"plan", "--input", write(dir, "w.json", workloadPlan()), "--json"});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject out = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonObject w = out["workload"].toObject();
        // 466.28 accelerators -> 467 -> 15 racks of 32; all to large dense: 583 -> 19 racks.
        QCOMPARE(w["accelerators"].toInt(), 467);
        QCOMPARE(w["racks"].toInt(), 15);
        QCOMPARE(w["tokens_per_day"].toDouble(), 1.296e12);
        const QJsonObject savings = w["router_savings"].toObject();
        QCOMPARE(savings["all_to_class"].toString(), QString("large-dense"));
        QVERIFY(qAbs(savings["mw_saved"].toDouble() - 4 * 0.0572) < 1e-9);
        QVERIFY(savings["usd_per_year_saved"].toDouble() > 0.0);
        QCOMPARE(w["classes"].toArray().at(0).toObject()["scenario"].toString(),
                 QString("Offline"));

        const auto table =
                testing::runEnergize({"plan", "--input", write(dir, "w.json", workloadPlan())});
        QCOMPARE(table.code, 0);
        QVERIFY(table.out.contains("Served workload"));
        QVERIFY(table.out.contains("router savings"));
    }

    void compareSystemsRowsEqualEachSystemsPlan()
    {
        QTemporaryDir dir;
        QJsonObject doc = workloadPlan();
        QJsonObject plan = doc["plan"].toObject();
        plan.remove("workload");
        plan["it_load_mw"] = 20;
        plan["cooling"] = "dlc-dry-coolers";
        doc["plan"] = plan;
        const auto run = testing::runEnergize(
                {"plan", "--input", write(dir, "p.json", doc), "--json", "--compare-systems"});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonArray rows =
                QJsonDocument::fromJson(run.out.toUtf8())["compare_systems"].toArray();
        QVERIFY(rows.size() >= 10);
        for (const char *system : {"gb300-nvl72", "tpu-v7-ironwood", "hgx-h100"}) {
            QJsonObject row;
            for (const QJsonValue &v : rows) {
                if (v["system"].toString() == system)
                    row = v.toObject();
            }
            QVERIFY2(!row.isEmpty(), system);
            plan["accelerator"] = system;
            doc["plan"] = plan;
            const auto own = testing::runEnergize(
                    {"plan", "--input", write(dir, "own.json", doc), "--json"});
            QCOMPARE(own.code, 0);
            const QJsonObject e = QJsonDocument::fromJson(own.out.toUtf8()).object();
            const double mw = e["it_load_mw"].toDouble();
            QCOMPARE(row["it_mw"].toDouble(), mw);
            QCOMPARE(row["accelerators"].toDouble(), e["accelerators"].toDouble());
            QCOMPARE(row["capex_usd_per_mw"].toDouble(),
                     e["cost"]["capex_total_usd"].toDouble() / mw);
            QCOMPARE(row["usd_per_accelerator_hour"].toDouble(),
                     e["cost"]["usd_per_accelerator_hour"].toDouble());
            QVERIFY(row["tokens_per_second_per_mw"].isNull()); // a plan in MW has no mix
        }
        const auto table = testing::runEnergize(
                {"plan", "--input", write(dir, "p.json", doc), "--compare-systems"});
        QCOMPARE(table.code, 0);
        QVERIFY(table.out.contains("What a megawatt buys"));
    }
};

QTEST_GUILESS_MAIN(TestWorkloadCli)
#include "test_workloadcli.moc"
