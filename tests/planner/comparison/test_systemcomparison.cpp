// SPDX-License-Identifier: GPL-3.0-or-later
// The per-MW comparison of systems: each row equals the plan of that system evaluated on its
// own (MW, accelerators, capex, cost per accelerator-hour and per million tokens), per-MW
// figures are those plans' figures over their MW, the mix's throughput is the hand-worked
// output-weighted harmonic mean, a system without a figure for a class of the mix is missing
// (never estimated), and a liquid-only system on air cooling carries the plan's error.

#include "../support_planfixtures.h"
#include "../support_workload.h"
#include "planner/core/comparison/systemcomparison.h"
#include "planner/core/evaluation/catalogs.h"

#include <QTest>

#include <atomic>

using namespace planner;

namespace {

EvaluationRequest requestFor(PlanInput input)
{
    EvaluationRequest r;
    r.input = std::move(input);
    r.site = fixtures::site(fixtures::temperateClimate());
    r.today = {2026, 1};
    return r;
}

EvaluationOptions quick()
{
    EvaluationOptions o;
    o.samples = 200;
    o.tornados = false;
    return o;
}

} // namespace

class TestSystemComparison : public QObject
{
    Q_OBJECT

private slots:
    // Output weights 200 : 100 tokens per request -> 2/3 mini, 1/3 large dense;
    // 1 / (2/3 / 18,375 + 1/3 / 12,875) = 16,084.63 tokens/s per accelerator.
    void mixThroughputIsTheWeightedHarmonicMean()
    {
        const Catalog &c = fixtures::defaultCatalog();
        auto t = mixThroughput(fixtures::smallMix(), *c.findAccelerator("hgx-b200"));
        QVERIFY(t);
        QVERIFY(qAbs(*t - 16084.6317) < 1e-3);
        QVERIFY(!mixThroughput(fixtures::smallMix(), *c.findAccelerator("hgx-h100"))); // no figures
    }

    void rowsEqualEachSystemsOwnPlan()
    {
        auto catalogs = loadCatalogs(fixtures::catalogDirectory());
        QVERIFY(catalogs);
        const EvaluationRequest request =
                requestFor(fixtures::input(50.0, "gb200-nvl72", "dlc-dry-coolers"));
        const auto rows = compareSystems(request, *catalogs, quick());
        QCOMPARE(rows.size(), catalogs->sizing.accelerators.size());
        int built = 0;
        for (const SystemPerMw &row : rows) {
            EvaluationRequest own = request;
            own.input.acceleratorId = row.systemId;
            auto e = evaluate(own, *catalogs, quick());
            if (!e) {
                QCOMPARE(row.error, e.error().message);
                continue;
            }
            ++built;
            QVERIFY2(row.error.empty(), row.error.c_str());
            QCOMPARE(row.itMw, e->plan.itLoad.value());
            QCOMPARE(row.accelerators, e->plan.accelerators);
            QCOMPARE(row.acceleratorsPerMw, double(e->plan.accelerators) / e->plan.itLoad.value());
            QVERIFY(e->cost && row.capexPerMw);
            QCOMPARE(*row.capexPerMw, e->cost->totalCapex / e->plan.itLoad.value());
            QCOMPARE(row.usdPerAcceleratorHour, e->cost->usdPerAcceleratorHour);
            QCOMPARE(row.usdPerMillionTokens, e->cost->usdPerMillionTokens);
            QVERIFY(!row.tokensPerSecondPerMw); // a plan in MW has no mix
        }
        QVERIFY(built >= 8); // every system runs on DLC with dry coolers
        // The GB200 NVL72: 50 MW / 132 kW -> 379 racks of 72 GPUs = 27,288 GPUs over 50.028 MW.
        QCOMPARE(rows.front().systemId, std::string("gb200-nvl72"));
        QCOMPARE(rows.front().accelerators, 27288LL);
    }

    void aCancelledComparisonStopsBetweenSystems()
    {
        auto catalogs = loadCatalogs(fixtures::catalogDirectory());
        QVERIFY(catalogs);
        QVERIFY(catalogs->sizing.accelerators.size() > 3);
        const EvaluationRequest request =
                requestFor(fixtures::input(50.0, "gb200-nvl72", "dlc-dry-coolers"));
        std::atomic<bool> cancel{true};
        // Set before it starts: not one system is evaluated.
        QCOMPARE(compareSystems(request, *catalogs, quick(), &cancel).size(), std::size_t(0));
        cancel = false;
        QCOMPARE(compareSystems(request, *catalogs, quick(), &cancel).size(),
                 catalogs->sizing.accelerators.size());
    }

    void aWorkloadIsResizedForEachSystem()
    {
        auto catalogs = loadCatalogs(fixtures::catalogDirectory());
        QVERIFY(catalogs);
        PlanInput in;
        in.workload = fixtures::smallMix();
        in.acceleratorId = "hgx-b200";
        in.coolingId = "air-chillers";
        const auto rows = compareSystems(requestFor(in), *catalogs, quick());
        for (const SystemPerMw &row : rows) {
            if (row.systemId == "hgx-b200") {
                // 15 racks of 32 (see test_workload) = 480 GPUs over 0.858 MW.
                QVERIFY2(row.error.empty(), row.error.c_str());
                QCOMPARE(row.accelerators, 480LL);
                QVERIFY(row.tokensPerSecondPerMw);
                QVERIFY(qAbs(*row.tokensPerSecondPerMw / (16084.6317 * 480 / 0.858) - 1.0) < 1e-7);
                QCOMPARE(row.throughputSources.size(), std::size_t(2));
            } else if (row.systemId == "hgx-h100") {
                // No throughput figure for the mix's classes: the plan is not built.
                QVERIFY(row.error.find("no published throughput") != std::string::npos);
            } else if (row.systemId == "gb200-nvl72") {
                // Liquid-only on air-cooled chillers.
                QVERIFY(row.error.find("liquid") != std::string::npos);
            }
        }
    }

    // The Compare Plans view showed the same facility capex per MW for the demo's three plans.
    // They are all N+1, on DLC with dry coolers or air-cooled chillers, whose mechanical factors
    // are both 1.0 in economics.json, so the figure is the same by the catalog. It does move
    // with what the catalog prices: 2N UPS raises the electrical line by electrical.factor.2N
    // (1.25) and immersion scales the mechanical line by its factor (0.9).
    void facilityCapexPerMwFollowsRedundancyAndCooling()
    {
        auto catalogs = loadCatalogs(fixtures::catalogDirectory());
        QVERIFY(catalogs);
        auto costOf = [&](PlanInput in) {
            auto e = evaluate(requestFor(std::move(in)), *catalogs, quick());
            return e && e->cost ? std::optional(*e->cost) : std::nullopt;
        };
        auto line = [](const EconomicsResult &r, const char *category) {
            for (const CostLine &l : r.capex) {
                if (l.category == category)
                    return l.usd;
            }
            return 0.0;
        };
        const auto air = costOf(fixtures::input(50.0, "hgx-b200", "air-chillers"));
        const auto dlc = costOf(fixtures::input(50.0, "hgx-b200", "dlc-dry-coolers"));
        PlanInput twoN = fixtures::input(50.0, "hgx-b200", "air-chillers");
        twoN.ups = Redundancy::TwoN;
        const auto doubled = costOf(twoN);
        const auto immersion = costOf(fixtures::input(50.0, "hgx-b200", "immersion"));
        QVERIFY(air && dlc && doubled && immersion);
        QCOMPARE(dlc->usdPerMwIt, air->usdPerMwIt); // both factors 1.0
        const char *electrical = "Electrical (MV, UPS, generators)";
        QVERIFY(qAbs(line(*doubled, electrical) - 1.25 * line(*air, electrical))
                < 1e-6 * line(*air, electrical));
        QVERIFY(doubled->usdPerMwIt > air->usdPerMwIt);
        const char *mechanical = "Mechanical (cooling)";
        QVERIFY(qAbs(line(*immersion, mechanical) - 0.9 * line(*air, mechanical))
                < 1e-6 * line(*air, mechanical));
        QVERIFY(immersion->usdPerMwIt < air->usdPerMwIt);
    }
};

QTEST_APPLESS_MAIN(TestSystemComparison)
#include "test_systemcomparison.moc"
