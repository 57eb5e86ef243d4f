// SPDX-License-Identifier: GPL-3.0-or-later
// The headless planner as a user runs it: the real energize binary on the bundled example, as a
// table and as JSON, and bad input that must fail with a message on stderr.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

class TestPlanCli : public QObject
{
    Q_OBJECT
private slots:
    void tableAndJsonAgree();
    void badInputFailsWithAMessage_data();
    void badInputFailsWithAMessage();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    static Run energize(const QStringList &args);
};

TestPlanCli::Run TestPlanCli::energize(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY"); // the command needs no display
    env.remove("QT_QPA_PLATFORM");
    p.setProcessEnvironment(env);
    p.start(QCoreApplication::applicationDirPath() + "/../../app/energize", args);
    if (!p.waitForFinished(30000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void TestPlanCli::tableAndJsonAgree()
{
    const QString example = QString(ENERGIZE_SOURCE_DIR) + "/resources/examples/plan-100mw.json";
    const Run json = energize({"plan", "--input", example, "--json"});
    QCOMPARE(json.code, 0);
    QVERIFY2(json.err.isEmpty(), qPrintable(json.err));
    QJsonParseError error;
    const QJsonObject result = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const int racks = result.value("racks").toInt();
    // 100 MW of GB200 NVL72 racks at about 132 kW each: some 750 racks.
    QVERIFY2(racks > 700 && racks < 800, qPrintable(QString::number(racks)));
    QCOMPARE(result.value("accelerators").toInt(), racks * 72);
    // The first cost estimate rides along: capex lines with sources, TCO and unit metrics.
    const QJsonObject cost = result.value("cost").toObject();
    QVERIFY(cost.value("tco_npv_usd").toDouble() > cost.value("capex_total_usd").toDouble());
    QVERIFY(cost.value("usd_per_accelerator_hour").toDouble() > 0.0);
    QVERIFY(!cost.value("capex").toArray().isEmpty());
    QVERIFY(cost.value("usd_per_million_tokens").toDouble() > 0.0); // the example gives tokens/s
    // Time to power on: one P10 <= P50 <= P90 per phase (the example builds two phases), from
    // the example's start month and market.
    const QJsonObject schedule = result.value("schedule").toObject();
    QCOMPARE(schedule.value("market").toString(), QString("ercot"));
    QCOMPARE(schedule.value("start").toString(), QString("2027-01"));
    const QJsonArray phases = schedule.value("phases").toArray();
    QCOMPARE(phases.size(), 2);
    for (const QJsonValue &p : phases) {
        const QJsonObject phase = p.toObject();
        QVERIFY(phase.value("p10_months").toDouble() <= phase.value("p50_months").toDouble());
        QVERIFY(phase.value("p50_months").toDouble() <= phase.value("p90_months").toDouble());
        QVERIFY(phase.value("p50").toString() >= QString("2027-01"));
    }
    // The cash flow spends the priced capex; the tornados rank at least 20 inputs.
    double spent = 0.0;
    for (const QJsonValue &q : result.value("cash_flow").toArray())
        spent += q.toObject().value("capex_usd").toDouble();
    const double capex = cost.value("capex_total_usd").toDouble();
    QVERIFY2(std::abs(spent - capex) < 1e-6 * capex, qPrintable(QString::number(spent)));
    QVERIFY(result.value("tco_tornado").toObject().value("bars").toArray().size() >= 20);
    QVERIFY(result.value("schedule_tornado").toObject().value("bars").toArray().size() >= 20);

    const Run table = energize({"plan", "--input", example});
    QCOMPARE(table.code, 0);
    QVERIFY(table.out.contains("NVIDIA GB200 NVL72"));
    for (const char *section : {"Time to power on", "Cost (2025 prices)", "Cash flow",
                                "What moves the TCO", "What moves the P50"})
        QVERIFY2(table.out.contains(section), section);
    QVERIFY2(table.out.contains(QRegularExpression("racks\\s+" + QString::number(racks) + "\\b")),
             qPrintable(table.out.left(400)));
}

void TestPlanCli::badInputFailsWithAMessage_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not JSON") << QByteArray("racks: 10") << "";
    QTest::newRow("no site") << QByteArray(R"({"plan": {"it_load_mw": 10}})") << "site";
    QTest::newRow("negative load")
            << QByteArray(R"({"plan": {"it_load_mw": -10, "accelerator": "gb200-nvl72",
                 "cooling": "dlc-dry-coolers"}, "site": {}})")
            << "";
}

void TestPlanCli::badInputFailsWithAMessage()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QFile f(dir.filePath("plan.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    const Run run = energize({"plan", "--input", f.fileName()});
    QVERIFY(run.code > 0);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith("energize plan: "), qPrintable(run.err));
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));

    const Run missing = energize({"plan", "--input", dir.filePath("missing.json")});
    QVERIFY(missing.code > 0);
    QVERIFY(missing.err.contains("missing.json"));
}

QTEST_GUILESS_MAIN(TestPlanCli)
#include "test_plancli.moc"
