// SPDX-License-Identifier: GPL-3.0-or-later
// The evaluation pipeline against its contract: the same plan, schedule, cost, cash flow and
// tornados as the underlying functions called in the documented order; optional catalogs that
// are absent give no result for their part and say so, a broken one is an error naming the
// file; tornados only when asked; a bad plan fails with the field at fault; "today" is the start
// only when the plan gives none.

#include "../support_planfixtures.h"
#include "planner/core/economics/economicstornado.h"
#include "planner/core/evaluation/catalogs.h"
#include "planner/core/evaluation/evaluation.h"
#include "planner/core/io/economicsreport.h"
#include "planner/core/io/planjson.h"
#include "planner/core/io/schedulereport.h"
#include "planner/core/schedule/planschedule.h"
#include "planner/core/schedule/scheduleplanner.h"
#include "planner/core/schedule/scheduletornado.h"
#include "planner/core/sizing/planner.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace planner;

namespace {

std::string read(const std::string &path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// A copy of the shipped catalog folder without `drop`, and with `broken` overwritten.
std::string catalogCopy(const QTemporaryDir &dir, const std::string &drop,
                        const std::string &broken = {})
{
    namespace fs = std::filesystem;
    const std::string to = dir.path().toStdString();
    for (const auto &file : fs::directory_iterator(fixtures::catalogDirectory())) {
        if (file.path().filename() != drop)
            fs::copy_file(file.path(), to / file.path().filename());
    }
    if (!broken.empty())
        std::ofstream(to + "/" + broken) << "{ not json";
    return to;
}

bool mentions(const std::vector<std::string> &lines, const std::string &what)
{
    for (const std::string &line : lines) {
        if (line.find(what) != std::string::npos)
            return true;
    }
    return false;
}

} // namespace

class TestEvaluation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sameAsTheUnderlyingFunctionsInOrder();
    void missingScheduleCatalogGivesNoScheduleAndSaysSo();
    void brokenCatalogFileIsAnErrorNamingIt();
    void tornadosOnlyWhenAsked();
    void badPlanIsAnErrorNamingTheField();
    void todayIsTheStartOnlyWithoutOne();

private:
    std::optional<Catalogs> m_catalogs;
    std::optional<EvaluationRequest> m_request;
    EvaluationOptions m_options;
};

void TestEvaluation::initTestCase()
{
    auto catalogs = loadCatalogs(fixtures::catalogDirectory());
    QVERIFY2(catalogs.ok(), catalogs.ok() ? "" : catalogs.error().message.c_str());
    QVERIFY(catalogs->schedule && catalogs->economics && catalogs->absent.empty());
    m_catalogs = std::move(*catalogs);
    const std::string example = fixtures::catalogDirectory() + "/../examples/plan-100mw.json";
    auto file = parsePlanRequest(read(example));
    QVERIFY2(file.ok(), file.ok() ? "" : file.error().message.c_str());
    QVERIFY(file->schedule.start); // the example starts in a given month
    m_request = evaluationRequestFor(*file, YearMonth{2026, 5});
    m_request->schedule.bridging = "gas_turbine"; // covers the bridging power of the cost
    // Fewer samples than the default keep the test quick; the contract holds for any count.
    m_options.samples = 2000;
    m_options.tornadoSamples = 500;
}

void TestEvaluation::sameAsTheUnderlyingFunctionsInOrder()
{
    const EvaluationRequest &q = *m_request;
    const Catalogs &c = *m_catalogs;
    auto e = evaluate(q, c, m_options);
    QVERIFY2(e.ok(), e.ok() ? "" : e.error().message.c_str());

    // The documented order, by hand.
    auto planned = plan(q.input, q.site, c.sizing);
    QVERIFY(planned.ok());
    const ScheduleInputs inputs =
            scheduleInputsFor(*planned, q.market, q.schedule.start.value_or(q.today),
                              q.schedule.bridging, q.economics.newSubstation);
    MonteCarloOptions monteCarlo;
    monteCarlo.samples = m_options.samples;
    auto schedule = planSchedule(inputs, *c.schedule, monteCarlo);
    QVERIFY(schedule.ok());
    MonteCarloOptions tornadoOptions;
    tornadoOptions.samples = m_options.tornadoSamples;
    auto dateTornado = scheduleTornado(inputs, *c.schedule, tornadoOptions);
    QVERIFY(dateTornado.ok());
    EconomicsInputs economics = q.economics;
    economics.bridging = bridgingPowerFor(*planned, *schedule);
    auto cost = estimateEconomics(q.input, *planned, q.site, *c.economics, economics);
    QVERIFY(cost.ok());
    auto tco = tcoTornado(q.input, *planned, q.site, *c.economics, economics);
    QVERIFY(tco.ok());
    auto flow = quarterlyCashFlow(*cost, *planned, *schedule);
    QVERIFY(flow.ok());

    QCOMPARE(planResultToJson(e->plan, q.input, c.sizing),
             planResultToJson(*planned, q.input, c.sizing));
    QCOMPARE(e->scheduleInputs.market, std::string("ercot"));
    QVERIFY(e->schedule && e->dateTornado && e->cost && e->cashFlow && e->tcoTornado);
    QCOMPARE(e->schedule->phases.size(), schedule->phases.size());
    for (std::size_t i = 0; i < schedule->phases.size(); ++i)
        QCOMPARE(e->schedule->phases[i].p50.value(), schedule->phases[i].p50.value());
    QCOMPARE(e->schedule->samples, m_options.samples);
    QCOMPARE(scheduleToJson(*e->schedule, e->scheduleInputs), scheduleToJson(*schedule, inputs));
    QCOMPARE(tornadoToJson(*e->dateTornado), tornadoToJson(*dateTornado));
    QVERIFY(std::any_of(e->cost->capex.begin(), e->cost->capex.end(),
                        [](const CostLine &l) { return l.category == "Bridging power"; }));
    QCOMPARE(e->cost->totalCapex, cost->totalCapex);
    QCOMPARE(e->cost->npvTco, cost->npvTco);
    QCOMPARE(economicsToJson(*e->cost), economicsToJson(*cost));
    QCOMPARE(tornadoToJson(*e->tcoTornado), tornadoToJson(*tco));
    QCOMPARE(cashFlowToJson(*e->cashFlow), cashFlowToJson(*flow));
}

void TestEvaluation::missingScheduleCatalogGivesNoScheduleAndSaysSo()
{
    QTemporaryDir dir;
    auto catalogs = loadCatalogs(catalogCopy(dir, "schedule.json"));
    QVERIFY2(catalogs.ok(), catalogs.ok() ? "" : catalogs.error().message.c_str());
    QVERIFY(!catalogs->schedule);
    QVERIFY(catalogs->economics);
    auto e = evaluate(*m_request, *catalogs, m_options);
    QVERIFY2(e.ok(), e.ok() ? "" : e.error().message.c_str());
    QVERIFY(!e->schedule && !e->dateTornado && !e->cashFlow);
    QVERIFY(e->cost && e->tcoTornado); // the cost needs no schedule
    QVERIFY(mentions(e->absent, "schedule.json"));
    QVERIFY(!mentions(e->absent, "economics.json"));

    QTemporaryDir bare;
    auto sizingOnly = loadCatalogs(catalogCopy(bare, "economics.json"));
    QVERIFY(sizingOnly.ok() && sizingOnly->schedule && !sizingOnly->economics);
    auto noCost = evaluate(*m_request, *sizingOnly, m_options);
    QVERIFY(noCost.ok() && noCost->schedule && !noCost->cost && !noCost->cashFlow);
    QVERIFY(mentions(noCost->absent, "economics.json"));
}

void TestEvaluation::brokenCatalogFileIsAnErrorNamingIt()
{
    for (const char *name : {"schedule.json", "economics.json"}) {
        QTemporaryDir dir;
        auto catalogs = loadCatalogs(catalogCopy(dir, {}, name));
        QVERIFY(!catalogs.ok());
        QVERIFY2(catalogs.error().message.find(name) != std::string::npos,
                 catalogs.error().message.c_str());
    }
}

void TestEvaluation::tornadosOnlyWhenAsked()
{
    EvaluationOptions options = m_options;
    options.tornados = false;
    auto e = evaluate(*m_request, *m_catalogs, options);
    QVERIFY(e.ok());
    QVERIFY(e->schedule && e->cost && e->cashFlow);
    QVERIFY(!e->dateTornado);
    QVERIFY(!e->tcoTornado);
}

void TestEvaluation::badPlanIsAnErrorNamingTheField()
{
    EvaluationRequest bad = *m_request;
    bad.input.targetItLoad = Megawatts(-10.0);
    auto e = evaluate(bad, *m_catalogs, m_options);
    QVERIFY(!e.ok());
    QVERIFY2(e.error().message.find("target IT load") != std::string::npos,
             e.error().message.c_str());

    EvaluationRequest unknown = *m_request;
    unknown.input.acceleratorId = "no-such-system";
    auto u = evaluate(unknown, *m_catalogs, m_options);
    QVERIFY(!u.ok());
    QVERIFY2(u.error().message.find("no-such-system") != std::string::npos,
             u.error().message.c_str());
}

void TestEvaluation::todayIsTheStartOnlyWithoutOne()
{
    EvaluationOptions quick = m_options;
    quick.tornados = false;
    EvaluationRequest open = *m_request;
    open.schedule.start.reset();
    open.today = YearMonth{2031, 4};
    auto e = evaluate(open, *m_catalogs, quick);
    QVERIFY(e.ok() && e->schedule);
    QVERIFY(e->scheduleInputs.start == open.today);
    QVERIFY(e->schedule->start == open.today);

    auto given = evaluate(*m_request, *m_catalogs, quick);
    QVERIFY(given.ok());
    QVERIFY(given->scheduleInputs.start == *m_request->schedule.start);
}

QTEST_APPLESS_MAIN(TestEvaluation)
#include "test_evaluation.moc"
