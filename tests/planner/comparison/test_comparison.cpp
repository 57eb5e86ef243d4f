// SPDX-License-Identifier: GPL-3.0-or-later
// The plan comparison on a fixture whose answers are known by construction: each row reads the
// plan's own evaluation, the best value follows the row's direction (lower or higher), the
// differences to the baseline are worked out by hand, and the summary names the right plans,
// including a ranking that flips between P50 and P90.

#include "planner/core/comparison/comparison.h"

#include <QTest>

using namespace planner;

namespace {

ComparedPlan plan(const char *name, std::optional<double> score, double pue, double capex,
                  double tco, std::optional<double> perHour, YearMonth p50, YearMonth p90)
{
    ComparedPlan p;
    p.name = name;
    p.siteScore = score;
    SiteEvaluation &e = p.evaluation;
    e.plan.itLoad = Megawatts(100.0);
    e.plan.cooling.annualPue = pue;
    e.plan.land.campus = Hectares(40.0);
    EconomicsResult cost;
    cost.totalCapex = capex;
    cost.npvTco = tco;
    cost.usdPerAcceleratorHour = perHour;
    e.cost = cost;
    ScheduleResult s;
    PhaseEnergization phase;
    phase.phase = 1;
    phase.p10Date = {p50.year, 1};
    phase.p50Date = p50;
    phase.p90Date = p90;
    s.phases.push_back(phase);
    e.schedule = s;
    return p;
}

const ComparisonRow &row(const Comparison &c, const char *id)
{
    for (const ComparisonRow &r : c.rows) {
        if (r.id == id)
            return r;
    }
    qFatal("no row %s", id);
}

std::vector<ComparedPlan> fixture()
{
    // B powers on first at P50 but last at P90; C first at P90; B is cheapest per hour; C has
    // no price for its accelerators, and the best site.
    return {plan("A", 38, 1.20, 4.1e9, 6.8e9, 2.12, {2030, 11}, {2031, 9}),
            plan("B", 30, 1.35, 3.0e9, 9.0e9, 1.90, {2030, 6}, {2032, 3}),
            plan("C", 55, 1.10, 5.0e9, 7.5e9, std::nullopt, {2031, 2}, {2031, 6})};
}

} // namespace

class TestComparison : public QObject
{
    Q_OBJECT
private slots:
    void rowsReadEachPlansEvaluation()
    {
        const auto c = compare(fixture(), 0);
        QVERIFY(c.ok());
        QCOMPARE(c->plans, (std::vector<std::string>{"A", "B", "C"}));
        const ComparisonRow &capex = row(*c, "capex_usd");
        QCOMPARE(*capex.values[1], 3.0e9);
        QCOMPARE(capex.unit, std::string("USD"));
        const ComparisonRow &p50 = row(*c, "p50_last");
        QVERIFY(p50.isMonth);
        QCOMPARE(monthText(*p50.values[0]), std::string("2030-11"));
        QCOMPARE(monthText(*row(*c, "p90_phase_1").values[1]), std::string("2032-03"));
        QVERIFY(!row(*c, "usd_per_accelerator_hour").values[2].has_value());
    }

    void bestFollowsTheRowsDirection()
    {
        const auto c = compare(fixture(), 0);
        QCOMPARE(*row(*c, "annual_pue").best, std::size_t(2)); // lower is better: 1.10
        QCOMPARE(*row(*c, "site_score").best, std::size_t(2)); // higher is better: 55
        QCOMPARE(*row(*c, "capex_usd").best, std::size_t(1)); // 3.0 B
        QCOMPARE(*row(*c, "p50_last").best, std::size_t(1)); // 2030-06
        QCOMPARE(*row(*c, "p90_last").best, std::size_t(2)); // 2031-06
        // A plan without a value is never the best; rows without a direction have none.
        QCOMPARE(*row(*c, "usd_per_accelerator_hour").best, std::size_t(1));
        QVERIFY(!row(*c, "mw_it").best.has_value());
    }

    void differencesToTheBaseline()
    {
        const auto c = compare(fixture(), 0);
        const ComparisonRow &capex = row(*c, "capex_usd");
        QCOMPARE(*capex.difference[0], 0.0);
        QCOMPARE(*capex.difference[1], -1.1e9); // 3.0 - 4.1
        QVERIFY(std::abs(*capex.percent[1] + 1.1 / 4.1 * 100.0) < 1e-9);
        QVERIFY(std::abs(*capex.percent[2] - 0.9 / 4.1 * 100.0) < 1e-9);
        // Dates differ in months and have no percentage.
        const ComparisonRow &p50 = row(*c, "p50_last");
        QCOMPARE(*p50.difference[1], -5.0);
        QCOMPARE(*p50.difference[2], 3.0);
        QVERIFY(!p50.percent[1].has_value());
        // Another baseline: the differences follow it.
        const auto fromC = compare(fixture(), 2);
        QCOMPARE(*row(*fromC, "capex_usd").difference[0], -0.9e9);
        // No price: no difference either.
        QVERIFY(!row(*c, "usd_per_accelerator_hour").difference[2].has_value());
    }

    void summaryNamesTheRightPlans()
    {
        const auto c = compare(fixture(), 0);
        const std::vector<std::string> &s = c->summary;
        QVERIFY(s.size() >= 5);
        QCOMPARE(s[0],
                 std::string("B powers on first at P50 (2030-06, last phase), 5 months "
                             "before A."));
        QCOMPARE(s[1],
                 std::string("C powers on first at P90 (2031-06, last phase), 3 months "
                             "before A."));
        QVERIFY2(s[2].find("flips between P50 and P90: B is ahead of C at P50 but behind it at "
                           "P90")
                         != std::string::npos,
                 s[2].c_str());
        // (2.12 - 1.90) / 2.12 = 10.4 %.
        QCOMPARE(s[3], std::string("B is cheapest per accelerator-hour (1.90 USD), 10 % below A."));
        // (7.5 - 6.8) / 7.5 = 9.3 %.
        QCOMPARE(s[4],
                 std::string("A is cheapest over its life (TCO, NPV) (6.80 B USD), 9 % "
                             "below C."));
        QCOMPARE(s.back(), std::string("C has the best site (score 55 against 38 for A)."));
    }

    void noFlipWhenTheOrderHolds()
    {
        std::vector<ComparedPlan> plans = fixture();
        plans.pop_back();
        plans[1].evaluation.schedule->phases[0].p90Date = {2031, 1}; // B first at P90 too
        const auto c = compare(plans, 0);
        for (const std::string &sentence : c->summary)
            QVERIFY(sentence.find("flips") == std::string::npos);
    }

    void badInput()
    {
        std::vector<ComparedPlan> one = fixture();
        one.resize(1);
        QVERIFY(!compare(one, 0).ok());
        const auto outside = compare(fixture(), 3);
        QVERIFY(!outside.ok());
        QCOMPARE(outside.error().message,
                 std::string("the baseline is plan 4, but there are 3 plans"));
    }
};

QTEST_APPLESS_MAIN(TestComparison)
#include "test_comparison.moc"
