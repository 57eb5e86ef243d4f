// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison runner: a comparison arrives on the runner's thread after submit() returns;
// of two submitted at once only the later is delivered, and it equals runComparison of that job
// on the calling thread; cancel() drops a running one; a plan that fails names itself.

#include "app/comparisonrunner.h"
#include "planner/core/io/planjson.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace planner;

class TestComparisonRunner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void deliveredLaterOnTheCallersThread();
    void onlyTheLaterOfTwoIsDelivered();
    void cancelDropsTheRunningOne();
    void failingPlanIsNamed();

private:
    app::ComparisonJob job(const std::vector<double> &megawatts) const;

    std::shared_ptr<const Catalogs> m_catalogs;
    std::optional<PlanRequest> m_file;
    EvaluationOptions m_options;
};

void TestComparisonRunner::initTestCase()
{
    const QString root = ENERGIZE_SOURCE_DIR;
    auto catalogs = loadCatalogs((root + "/resources/catalog").toStdString());
    QVERIFY2(catalogs.ok(), catalogs.ok() ? "" : catalogs.error().message.c_str());
    m_catalogs = std::make_shared<const Catalogs>(std::move(*catalogs));
    QFile plan(root + "/resources/examples/plan-100mw.json");
    QVERIFY(plan.open(QIODevice::ReadOnly));
    auto file = parsePlanRequest(plan.readAll().toStdString());
    QVERIFY(file.ok());
    m_file = *file;
    m_options.samples = 2000;
    m_options.tornados = false;
}

// One plan per load, named by it, the first the baseline.
app::ComparisonJob TestComparisonRunner::job(const std::vector<double> &megawatts) const
{
    app::ComparisonJob j;
    for (double mw : megawatts) {
        EvaluationRequest r = evaluationRequestFor(*m_file, YearMonth{2026, 1});
        r.input.targetItLoad = Megawatts(mw);
        r.input.phases.clear();
        j.names.push_back(std::to_string(int(mw)) + " MW");
        j.siteScores.push_back(70.0);
        j.requests.push_back(r);
    }
    return j;
}

void TestComparisonRunner::deliveredLaterOnTheCallersThread()
{
    app::ComparisonRunner runner;
    QSignalSpy finished(&runner, &app::ComparisonRunner::finished);
    QThread *caller = QThread::currentThread();
    QThread *deliveredOn = nullptr;
    connect(&runner, &app::ComparisonRunner::finished, this,
            [&] { deliveredOn = QThread::currentThread(); });
    runner.submit(job({40.0, 80.0}), m_catalogs, m_options);
    QVERIFY(runner.isBusy());
    QCOMPARE(finished.count(), 0); // not before the event loop runs
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(deliveredOn, caller);
    QVERIFY(!runner.isBusy());
    const auto delivered = finished.at(0).at(1).value<app::PlanComparison>();
    QCOMPARE(delivered.table.plans, std::vector<std::string>({"40 MW", "80 MW"}));
}

void TestComparisonRunner::onlyTheLaterOfTwoIsDelivered()
{
    app::ComparisonRunner runner;
    QSignalSpy finished(&runner, &app::ComparisonRunner::finished);
    QSignalSpy failed(&runner, &app::ComparisonRunner::failed);
    const quint64 first = runner.submit(job({40.0, 60.0, 80.0}), m_catalogs, m_options);
    app::ComparisonJob later = job({50.0, 100.0});
    later.baseline = 1;
    const quint64 second = runner.submit(later, m_catalogs, m_options);
    QVERIFY(first < second);
    runner.waitForDone();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCoreApplication::processEvents(); // anything else posted would arrive now
    QCOMPARE(finished.count(), 1);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(finished.at(0).at(0).value<quint64>(), second);
    const auto delivered = finished.at(0).at(1).value<app::PlanComparison>();
    const auto direct = app::runComparison(later, *m_catalogs, m_options);
    QVERIFY(direct.ok());
    QCOMPARE(delivered.table.plans, std::vector<std::string>({"50 MW", "100 MW"}));
    QCOMPARE(delivered.table.baseline, std::size_t(1));
    QCOMPARE(delivered.table.rows.size(), direct->table.rows.size());
    for (std::size_t r = 0; r < direct->table.rows.size(); ++r) {
        QCOMPARE(delivered.table.rows[r].id, direct->table.rows[r].id);
        QCOMPARE(delivered.table.rows[r].values, direct->table.rows[r].values);
    }
    QCOMPARE(delivered.plans[1].evaluation.plan.racks, direct->plans[1].evaluation.plan.racks);
}

void TestComparisonRunner::cancelDropsTheRunningOne()
{
    app::ComparisonRunner runner;
    QSignalSpy finished(&runner, &app::ComparisonRunner::finished);
    runner.submit(job({40.0, 60.0}), m_catalogs, m_options);
    runner.cancel();
    QVERIFY(!runner.isBusy());
    runner.waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(finished.count(), 0);
}

void TestComparisonRunner::failingPlanIsNamed()
{
    app::ComparisonRunner runner;
    QSignalSpy failed(&runner, &app::ComparisonRunner::failed);
    app::ComparisonJob bad = job({40.0, 60.0});
    bad.requests[1].input.targetItLoad = Megawatts(-5.0);
    runner.submit(bad, m_catalogs, m_options);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    const QString message = failed.at(0).at(1).toString();
    QVERIFY2(message.startsWith("60 MW: ") && message.contains("target IT load"),
             qPrintable(message));
}

QTEST_GUILESS_MAIN(TestComparisonRunner)
#include "test_comparisonrunner.moc"
