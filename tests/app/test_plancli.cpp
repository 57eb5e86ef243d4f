// SPDX-License-Identifier: GPL-3.0-or-later
// `energize plan` as a user runs it: the built binary on resources/examples/plan-100mw.json,
// as a table and as JSON, and a bad input file giving a message on stderr and a non-zero exit.

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString sourceDir()
{
    const QString env = qEnvironmentVariable("ENERGIZE_SOURCE_DIR");
    return env.isEmpty() ? QStringLiteral(ENERGIZE_SOURCE_DIR) : env;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runEnergize(const QStringList &args, const QString &catalogDir)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("ENERGIZE_CATALOG_DIR", catalogDir);
    p.setProcessEnvironment(env);
    p.start(QCoreApplication::applicationDirPath() + "/../../app/energize",
            QStringList{"plan"} + args);
    Run run;
    if (!p.waitForFinished(60000))
        return run;
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

} // namespace

class TestPlanCli : public QObject
{
    Q_OBJECT

private:
    QString m_example = sourceDir() + "/resources/examples/plan-100mw.json";
    QString m_catalog = sourceDir() + "/resources/catalog";

private slots:
    void initTestCase()
    {
        if (!QFile::exists(QCoreApplication::applicationDirPath() + "/../../app/energize"))
            QSKIP("the energize binary is not built next to this test");
    }

    void printsATable()
    {
        const Run r = runEnergize({"--input", m_example}, m_catalog);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.trimmed().isEmpty(), qPrintable(r.err));
        for (const char *text : {"Racks", "NVIDIA GB200 NVL72", "annual PUE", "Electrical",
                                 "utility transformers", "Assumptions"})
            QVERIFY2(r.out.contains(text), text);
    }

    void printsJson()
    {
        const Run r = runEnergize({"--input", m_example, "--json"}, m_catalog);
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject o = doc.object();
        // 100 MW of 132 kW GB200 NVL72 racks.
        QCOMPARE(o["racks"].toInt(), 758);
        QVERIFY(o["it_load_mw"].toDouble() >= 100.0);
        QVERIFY(o["cooling"].toObject()["annual_pue"].toDouble() > 1.0);
        QVERIFY(o["electrical"].toObject().contains("generators"));
        QVERIFY(!o["assumptions"].toArray().isEmpty());
    }

    void catalogOptionWins()
    {
        const Run r = runEnergize({"--input", m_example, "--catalog", m_catalog}, "/nonexistent");
        QCOMPARE(r.exitCode, 0);
    }

    void badInputFails_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not JSON") << "{ plan: "
                                  << "not valid JSON";
        QTest::newRow("negative load")
                << QString() << "target IT load -5 MW: must be a positive number";
    }

    void badInputFails()
    {
        QFETCH(QString, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile example(m_example);
        QVERIFY(example.open(QIODevice::ReadOnly));
        QByteArray text = example.readAll();
        if (content.isEmpty())
            text.replace("\"it_load_mw\": 100", "\"it_load_mw\": -5");
        else
            text = content.toUtf8();
        QFile bad(dir.filePath("bad.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(text);
        bad.close();
        const Run r = runEnergize({"--input", bad.fileName()}, m_catalog);
        QVERIFY(r.exitCode > 0);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QVERIFY2(r.err.contains("bad.json"), qPrintable(r.err));
    }

    void missingFilesFail()
    {
        Run r = runEnergize({"--input", "/nonexistent/plan.json"}, m_catalog);
        QVERIFY(r.exitCode > 0);
        QVERIFY(r.err.contains("/nonexistent/plan.json"));
        r = runEnergize({}, m_catalog);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("usage"));
        QTemporaryDir empty;
        r = runEnergize({"--input", m_example}, empty.path());
        QVERIFY(r.exitCode > 0);
        QVERIFY2(r.err.contains("accelerators.json"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestPlanCli)
#include "test_plancli.moc"
