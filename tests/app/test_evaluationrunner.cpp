// SPDX-License-Identifier: GPL-3.0-or-later
// The evaluation runner: of three requests submitted at once only the last is delivered, on the
// runner's thread, and it equals a direct evaluate() of that request; cancel() drops a running
// job's result; destroying the runner while a job runs is safe.

#include "app/evaluationrunner.h"
#include "planner/core/io/economicsreport.h"
#include "planner/core/io/planjson.h"
#include "planner/core/io/schedulereport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <cmath>

using namespace planner;

class TestEvaluationRunner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void onlyTheLastOfThreeIsDelivered();
    void cancelDropsTheRunningJob();
    void destroyingWhileRunningIsSafe();

private:
    EvaluationRequest requestFor(double itMw) const;

    std::shared_ptr<const Catalogs> m_catalogs;
    std::optional<PlanRequest> m_file;
    EvaluationOptions m_options;
};

void TestEvaluationRunner::initTestCase()
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
    m_options.samples = 2000; // quick, with both tornados
    m_options.tornadoSamples = 500;
}

EvaluationRequest TestEvaluationRunner::requestFor(double itMw) const
{
    EvaluationRequest r = evaluationRequestFor(*m_file, YearMonth{2026, 1});
    r.input.targetItLoad = Megawatts(itMw);
    r.input.phases.clear(); // one phase of the whole load
    return r;
}

void TestEvaluationRunner::onlyTheLastOfThreeIsDelivered()
{
    app::EvaluationRunner runner;
    QSignalSpy finished(&runner, &app::EvaluationRunner::finished);
    QSignalSpy failed(&runner, &app::EvaluationRunner::failed);
    QVERIFY(finished.isValid());
    std::vector<quint64> generations;
    for (double mw : {40.0, 60.0, 80.0})
        generations.push_back(runner.submit(requestFor(mw), m_catalogs, m_options));
    QVERIFY(generations[0] < generations[1] && generations[1] < generations[2]);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    runner.waitForDone();
    QTest::qWait(50); // anything still posted would arrive now
    QCOMPARE(finished.count(), 1);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(finished.at(0).at(0).value<quint64>(), generations[2]);

    const auto delivered = finished.at(0).at(1).value<SiteEvaluation>();
    const EvaluationRequest last = requestFor(80.0);
    auto direct = evaluate(last, *m_catalogs, m_options);
    QVERIFY(direct.ok());
    QVERIFY(std::abs(delivered.plan.itLoad.value() - 80.0) < 1.0); // whole racks of the last
    QCOMPARE(planResultToJson(delivered.plan, last.input, m_catalogs->sizing),
             planResultToJson(direct->plan, last.input, m_catalogs->sizing));
    QVERIFY(delivered.schedule && delivered.cost && delivered.cashFlow);
    QVERIFY(delivered.dateTornado && delivered.tcoTornado);
    QCOMPARE(scheduleToJson(*delivered.schedule, delivered.scheduleInputs),
             scheduleToJson(*direct->schedule, direct->scheduleInputs));
    QCOMPARE(economicsToJson(*delivered.cost), economicsToJson(*direct->cost));
    QCOMPARE(cashFlowToJson(*delivered.cashFlow), cashFlowToJson(*direct->cashFlow));
    QCOMPARE(tornadoToJson(*delivered.dateTornado), tornadoToJson(*direct->dateTornado));
    QCOMPARE(tornadoToJson(*delivered.tcoTornado), tornadoToJson(*direct->tcoTornado));
}

void TestEvaluationRunner::cancelDropsTheRunningJob()
{
    app::EvaluationRunner runner;
    QSignalSpy finished(&runner, &app::EvaluationRunner::finished);
    runner.submit(requestFor(50.0), m_catalogs, m_options);
    runner.cancel();
    runner.waitForDone();
    QTest::qWait(50);
    QCOMPARE(finished.count(), 0);
    // A bad request fails with the planner's message, on the same terms.
    QSignalSpy failed(&runner, &app::EvaluationRunner::failed);
    runner.submit(requestFor(-5.0), m_catalogs, m_options);
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(1).toString().contains("target IT load"));
    QCOMPARE(finished.count(), 0);
}

void TestEvaluationRunner::destroyingWhileRunningIsSafe()
{
    auto runner = std::make_unique<app::EvaluationRunner>();
    bool delivered = false;
    connect(runner.get(), &app::EvaluationRunner::finished, this, [&] { delivered = true; });
    runner->submit(requestFor(100.0), m_catalogs, EvaluationOptions{}); // full: some 100 ms
    runner->submit(requestFor(90.0), m_catalogs, EvaluationOptions{});
    QThread::msleep(5); // let the first start
    runner.reset();
    QTest::qWait(50);
    QVERIFY(!delivered);
}

QTEST_GUILESS_MAIN(TestEvaluationRunner)
#include "test_evaluationrunner.moc"
