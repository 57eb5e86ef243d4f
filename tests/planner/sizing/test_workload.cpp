// SPDX-License-Identifier: GPL-3.0-or-later
// Sizing from a served workload, against hand-worked figures: accelerators and racks of a small
// router mix on the catalog's HGX B200 (its MLPerf throughput figures), tokens per day from
// requests and requests from tokens, the router savings against sending every request to the
// costliest class (the same plan given as racks directly), and the errors a bad mix gives.

#include "../support_planfixtures.h"
#include "../support_workload.h"
#include "planner/core/evaluation/catalogs.h"
#include "planner/core/evaluation/evaluation.h"
#include "planner/core/sizing/planner.h"
#include "planner/core/sizing/workload.h"

#include <QTest>

using namespace planner;

namespace {

PlanInput workloadInput(const Workload &w)
{
    PlanInput in;
    in.workload = w;
    in.acceleratorId = "hgx-b200";
    in.coolingId = "air-chillers";
    return in;
}

} // namespace

class TestWorkload : public QObject
{
    Q_OBJECT

private slots:
    void sizesASmallMixByHand()
    {
        const AcceleratorSystem *b200 = fixtures::defaultCatalog().findAccelerator("hgx-b200");
        QVERIFY(b200 && b200->throughputFor("mini") && b200->throughputFor("large-dense"));
        // The catalog's figures (MLPerf v5.1 per GPU, derived from 8-GPU results).
        QCOMPARE(b200->throughputFor("mini")->tokensPerSecond.value, 18375.0);
        QCOMPARE(b200->throughputFor("large-dense")->tokensPerSecond.value, 12875.0);
        auto s = sizeWorkload(fixtures::smallMix(), *b200);
        QVERIFY2(s, s ? "" : s.error().message.c_str());
        // By hand, per 1,000 req/s: mini peak 1,000 × 0.8 × 250 × 1.5 = 300,000 tokens/s over
        // 18,375 × 0.6 = 27.21 accelerators; large 1,000 × 0.2 × 500 × 1.5 = 150,000 over
        // 12,875 × 0.6 =
        // 19.42 per 1,000 req/s; at 10,000 req/s 272.11 + 194.17 = 466.28 -> 467; 467 / 32
        // -> 15 racks.
        QCOMPARE(s->classes.size(), std::size_t(2));
        QVERIFY(qAbs(s->classes[0].accelerators - 272.1088) < 1e-3);
        QVERIFY(qAbs(s->classes[1].accelerators - 194.1748) < 1e-3);
        QCOMPARE(s->accelerators, 467LL);
        QCOMPARE(s->racks, 15);
        // Average output: 10,000 × (0.8 × 250 + 0.2 × 500) = 3 M tokens/s.
        QCOMPARE(s->averageOutputTokensPerSecond, 3'000'000.0);
        // 864 M requests × (0.8 × 1,250 + 0.2 × 2,500) tokens = 1.296e12 tokens a day.
        QCOMPARE(s->tokensPerDay, 1.296e12);
    }

    void tokensPerDayGiveTheSameRequests()
    {
        Workload w = fixtures::smallMix();
        w.requestsPerDay.reset();
        w.tokensPerDay = 1.296e12;
        auto s = sizeWorkload(w, *fixtures::defaultCatalog().findAccelerator("hgx-b200"));
        QVERIFY(s);
        QCOMPARE(s->requestsPerDay, 864'000'000.0);
        QCOMPARE(s->accelerators, 467LL);
    }

    void planSizesTheRacksFromTheWorkload()
    {
        auto r = plan(workloadInput(fixtures::smallMix()),
                      fixtures::site(fixtures::temperateClimate()), fixtures::defaultCatalog());
        QVERIFY2(r, r ? "" : r.error().message.c_str());
        QCOMPARE(r->racks, 15);
        QCOMPARE(r->accelerators, 15LL * 32);
        QVERIFY(qAbs(r->itLoad.value() - 15 * 57.2 / 1000.0) < 1e-9);
        QVERIFY(r->workload);
    }

    // The router's savings: the same requests all to the large dense class (the lower
    // throughput): 1,200 in and 300 out tokens per request; peak 10,000 × 300 × 1.5 =
    // 4.5 M tokens/s over 12,875 × 0.6 = 582.5 -> 583 accelerators -> 19 racks.
    void routerSavingsAgainstTheCostliestClass()
    {
        auto catalogs = loadCatalogs(fixtures::catalogDirectory());
        QVERIFY(catalogs);
        EvaluationRequest request;
        request.input = workloadInput(fixtures::smallMix());
        request.site = fixtures::site(fixtures::temperateClimate());
        request.today = {2026, 1};
        EvaluationOptions quick;
        quick.samples = 200;
        quick.tornados = false;
        auto e = evaluate(request, *catalogs, quick);
        QVERIFY2(e, e ? "" : e.error().message.c_str());
        QVERIFY(e->routerSavings);
        QCOMPARE(e->routerSavings->allToClass, std::string("large-dense"));
        QVERIFY(qAbs(e->routerSavings->itMwMix - 15 * 0.0572) < 1e-9);
        QVERIFY(qAbs(e->routerSavings->itMwAll - 19 * 0.0572) < 1e-9);

        // The yearly cost of the all-large plan equals the same plan given as 19 racks.
        EvaluationRequest racks = request;
        racks.input.workload.reset();
        racks.input.rackCount = 19;
        auto direct = evaluate(racks, *catalogs, quick);
        QVERIFY(direct && direct->cost && e->routerSavings->usdPerYearAll);
        QCOMPARE(*e->routerSavings->usdPerYearAll,
                 direct->cost->annualisedCapex + direct->cost->opexPerYear);
        QVERIFY(*e->routerSavings->usdPerYearAll > *e->routerSavings->usdPerYearMix);

        // The tokens priced are the ones served: 3 M output tokens/s on average.
        QVERIFY(e->cost && e->cost->usdPerMillionTokens);
        const double yearly = e->cost->annualisedCapex + e->cost->opexPerYear;
        QVERIFY(qAbs(*e->cost->usdPerMillionTokens - yearly / (3e6 * 3600 * 8760) * 1e6)
                < 1e-9 * yearly);
    }

    void badMixesNameTheField_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("field");
        QTest::newRow("shares") << "shares"
                                << "plan.workload.mix: the shares sum to";
        QTest::newRow("class") << "class"
                               << "plan.workload.mix[0].model_class";
        QTest::newRow("peak") << "peak"
                              << "plan.workload.peak_to_average";
        QTest::newRow("utilisation") << "utilisation"
                                     << "plan.workload.target_utilisation";
        QTest::newRow("missing figure") << "missing"
                                        << "no published throughput for the "
                                           "'reasoning' class";
    }

    void badMixesNameTheField()
    {
        QFETCH(QString, what);
        QFETCH(QString, field);
        Workload w = fixtures::smallMix();
        if (what == "shares")
            w.mix[0].share = 0.7;
        else if (what == "class")
            w.mix[0].modelClass = "huge";
        else if (what == "peak")
            w.peakToAverage = 0.5;
        else if (what == "utilisation")
            w.targetUtilisation = 1.5;
        else
            w.mix[1].modelClass = "reasoning"; // the B200 has no DeepSeek-R1 figure
        auto s = sizeWorkload(w, *fixtures::defaultCatalog().findAccelerator("hgx-b200"));
        QVERIFY(!s);
        QVERIFY2(QString::fromStdString(s.error().message).contains(field),
                 s.error().message.c_str());
    }
};

QTEST_APPLESS_MAIN(TestWorkload)
#include "test_workload.moc"
