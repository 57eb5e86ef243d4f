// SPDX-License-Identifier: GPL-3.0-or-later
// DC power flow, PTDF and LODF: small cases worked by hand (below, in the comments), flow
// conservation on case9 checked bus by bus, and LODF-predicted post-outage flows on case30
// against a brute-force re-solve with the branch removed. Bridges are found independently by a
// graph search in the test.

#include "planner/core/grid/dcpowerflow.h"
#include "planner/core/grid/matpowercase.h"
#include "support_gridcases.h"

#include <QTest>

#include <cmath>

using namespace planner;

namespace {

GridBus bus(int id, BusType type, double pd)
{
    GridBus b;
    b.id = id;
    b.type = type;
    b.pdMw = pd;
    return b;
}

GridBranch branch(int from, int to, double x, double ratio = 0.0, double angleDeg = 0.0)
{
    GridBranch br;
    br.from = from;
    br.to = to;
    br.x = x;
    br.ratio = ratio;
    br.angleDeg = angleDeg;
    return br;
}

GridGen gen(int at, double pg, double pmax)
{
    GridGen g;
    g.bus = at;
    g.pgMw = pg;
    g.pmaxMw = pmax;
    return g;
}

// Three buses, base 100 MVA: bus 1 reference with a generator, 100 MW load at bus 2 and bus 3;
// x12 = 0.1, x13 = 0.2, x23 = 0.2, so b12 = 10, b13 = 5, b23 = 5 (p.u.).
// With θ1 = 0:  bus 2: 15 θ2 - 5 θ3 = -1;  bus 3: -5 θ2 + 10 θ3 = -1
//   => θ3 = -0.1 + θ2/2, 12.5 θ2 = -1.5 => θ2 = -0.12, θ3 = -0.16 rad.
// Flows: F12 = 10·0.12·100 = 120 MW, F13 = 5·0.16·100 = 80 MW, F23 = 5·0.04·100 = 20 MW.
GridCase threeBus()
{
    GridCase g;
    g.sourceName = "three-bus";
    g.buses = {bus(1, BusType::Reference, 0), bus(2, BusType::PQ, 100), bus(3, BusType::PQ, 100)};
    g.gens = {gen(1, 200, 300)};
    g.branches = {branch(1, 2, 0.1), branch(1, 3, 0.2), branch(2, 3, 0.2)};
    return g;
}

// Two buses, load at bus 2, parallel branches given by the test.
GridCase twoBus(double loadMw, std::vector<GridBranch> branches)
{
    GridCase g;
    g.sourceName = "two-bus";
    g.buses = {bus(1, BusType::Reference, 0), bus(2, BusType::PQ, loadMw)};
    g.gens = {gen(1, loadMw, 1000)};
    g.branches = std::move(branches);
    return g;
}

DcPowerFlow solve(const GridCase &g)
{
    auto pf = DcPowerFlow::build(g);
    if (!pf.ok())
        qFatal("DC power flow failed: %s", pf.error().message.c_str());
    return std::move(pf).value();
}

GridCase loadCase(const std::string &file)
{
    auto g = readMatpowerCase(gridfixtures::casePath(file));
    if (!g.ok())
        qFatal("%s", g.error().message.c_str());
    return std::move(g).value();
}

using gridfixtures::splitsWithout;

} // namespace

class TestDcPowerFlow : public QObject
{
    Q_OBJECT

private slots:
    void threeBusByHand()
    {
        const DcPowerFlow pf = solve(threeBus());
        QVERIFY(std::abs(pf.anglesRad()[0]) < 1e-12);
        QVERIFY(std::abs(pf.anglesRad()[1] - -0.12) < 1e-12);
        QVERIFY(std::abs(pf.anglesRad()[2] - -0.16) < 1e-12);
        QVERIFY(std::abs(pf.branchFlowsMw()[0] - 120.0) < 1e-9);
        QVERIFY(std::abs(pf.branchFlowsMw()[1] - 80.0) < 1e-9);
        QVERIFY(std::abs(pf.branchFlowsMw()[2] - 20.0) < 1e-9);
    }

    // Two parallel branches x = 0.1 (b = 10), 100 MW load at bus 2; branch A shifts by
    // 0.05 rad = 2.8647889756541161°. Shift injections -b·θs = -0.5 p.u. at bus 1, +0.5 at bus
    // 2, so bus 2 solves 20 θ2 = -1 - 0.5 => θ2 = -0.075 rad.
    // F_A = 10·(0 + 0.075 - 0.05)·100 = 25 MW, F_B = 10·0.075·100 = 75 MW.
    void phaseShifterByHand()
    {
        const DcPowerFlow pf =
                solve(twoBus(100, {branch(1, 2, 0.1, 0.0, 2.8647889756541161), branch(1, 2, 0.1)}));
        QVERIFY(std::abs(pf.anglesRad()[1] - -0.075) < 1e-12);
        QVERIFY(std::abs(pf.branchFlowsMw()[0] - 25.0) < 1e-9);
        QVERIFY(std::abs(pf.branchFlowsMw()[1] - 75.0) < 1e-9);
    }

    // Tap ratio 2 on branch A (x = 0.1): b = 1/(0.1·2) = 5; branch B b = 10; 15 θ2 = -1
    // => θ2 = -1/15; F_A = 100/3 MW, F_B = 200/3 MW.
    void tapRatioByHand()
    {
        const DcPowerFlow pf = solve(twoBus(100, {branch(1, 2, 0.1, 2.0), branch(1, 2, 0.1)}));
        QVERIFY(std::abs(pf.branchFlowsMw()[0] - 100.0 / 3.0) < 1e-9);
        QVERIFY(std::abs(pf.branchFlowsMw()[1] - 200.0 / 3.0) < 1e-9);
    }

    // Three identical parallel branches carry a third each; an out-of-service fourth carries
    // nothing.
    void parallelBranches()
    {
        std::vector<GridBranch> brs(4, branch(1, 2, 0.3));
        brs[3].inService = false;
        const DcPowerFlow pf = solve(twoBus(90, brs));
        for (int k = 0; k < 3; ++k)
            QVERIFY(std::abs(pf.branchFlowsMw()[k] - 30.0) < 1e-9);
        QCOMPARE(pf.branchFlowsMw()[3], 0.0);
    }

    // An isolated bus (type 4) with load and a branch to bus 3 changes nothing in the
    // hand-worked three-bus result.
    void isolatedBus()
    {
        GridCase g = threeBus();
        g.buses.push_back(bus(4, BusType::Isolated, 40));
        g.branches.push_back(branch(3, 4, 0.1));
        const DcPowerFlow pf = solve(g);
        QVERIFY(std::abs(pf.branchFlowsMw()[0] - 120.0) < 1e-9);
        QVERIFY(std::abs(pf.branchFlowsMw()[2] - 20.0) < 1e-9);
        QCOMPARE(pf.branchFlowsMw()[3], 0.0);
        QCOMPARE(pf.referenceOf(3), -1);
    }

    // A second island with load but no generator is an error naming one of its buses; given a
    // generator it gets its own reference (the generator bus).
    void islands()
    {
        GridCase g = threeBus();
        g.buses.push_back(bus(4, BusType::PQ, 10));
        g.buses.push_back(bus(5, BusType::PQ, 0));
        g.branches.push_back(branch(4, 5, 0.1));
        const auto bad = DcPowerFlow::build(g);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.find("bus 4") != std::string::npos,
                 bad.error().message.c_str());
        g.gens.push_back(gen(5, 10, 20));
        const DcPowerFlow pf = solve(g);
        QCOMPARE(pf.referenceOf(3), 4);
        QVERIFY(std::abs(pf.branchFlowsMw()[3] - -10.0) < 1e-9);
        QVERIFY(std::abs(pf.branchFlowsMw()[0] - 120.0) < 1e-9);
    }

    // case9: at every non-reference bus the flows out (+F at the from end, -F at the to end)
    // add up to Pg - Pd; at the reference bus they add up to what the other buses lack.
    void case9Conservation()
    {
        REQUIRE_CASE("case9.m");
        const GridCase g = loadCase("case9.m");
        const DcPowerFlow pf = solve(g);
        std::vector<double> out(g.buses.size(), 0.0), injection(g.buses.size(), 0.0);
        for (std::size_t k = 0; k < g.branches.size(); ++k) {
            out[pf.busIndex(g.branches[k].from)] += pf.branchFlowsMw()[k];
            out[pf.busIndex(g.branches[k].to)] -= pf.branchFlowsMw()[k];
        }
        for (const GridGen &gn : g.gens)
            injection[pf.busIndex(gn.bus)] += gn.inService ? gn.pgMw : 0.0;
        double total = 0.0;
        for (std::size_t i = 0; i < g.buses.size(); ++i) {
            injection[i] -= g.buses[i].pdMw;
            total += injection[i];
        }
        const int ref = pf.busIndex(1); // case9: bus 1 is type 3
        QCOMPARE(pf.referenceOf(0), ref);
        for (std::size_t i = 0; i < g.buses.size(); ++i) {
            const double expected = int(i) == ref ? injection[i] - total : injection[i];
            QVERIFY2(std::abs(out[i] - expected) < 1e-9, qPrintable(QString::number(i)));
        }
    }

    // case30: for every branch, the LODF prediction F_l + LODF_lk·F_k against the flows of a
    // DC power flow rebuilt from scratch without branch k; bridges found by graph search.
    void case30LodfAgainstReSolve()
    {
        REQUIRE_CASE("case30.m");
        const GridCase g = loadCase("case30.m");
        const DcPowerFlow pf = solve(g);
        int bridges = 0;
        double maxError = 0.0;
        for (int k = 0; k < int(g.branches.size()); ++k) {
            if (!g.branches[k].inService)
                continue;
            const LineOutageFactors lodf = pf.lineOutage(k);
            QCOMPARE(lodf.bridge, splitsWithout(g, k));
            if (lodf.bridge) {
                ++bridges;
                continue;
            }
            GridCase outage = g;
            outage.branches[k].inService = false;
            const DcPowerFlow after = solve(outage);
            for (int l = 0; l < int(g.branches.size()); ++l) {
                const double predicted =
                        pf.branchFlowsMw()[l] + lodf.factors[l] * pf.branchFlowsMw()[k];
                maxError = std::max(maxError, std::abs(predicted - after.branchFlowsMw()[l]));
            }
        }
        QVERIFY2(maxError < 1e-6, qPrintable(QString::number(maxError)));
        QVERIFY2(bridges > 0, "case30 has radial branches; none was detected");
    }

    // ACTIVSg2000: the same comparison for every 250th branch (a sample; each re-solve
    // rebuilds and refactorizes the 2,000-bus matrix).
    void activsg2000LodfSample()
    {
        REQUIRE_CASE("case_ACTIVSg2000.m");
        const GridCase g = loadCase("case_ACTIVSg2000.m");
        const DcPowerFlow pf = solve(g);
        double maxError = 0.0;
        int compared = 0;
        for (int k = 0; k < int(g.branches.size()); k += 250) {
            if (!g.branches[k].inService)
                continue;
            const LineOutageFactors lodf = pf.lineOutage(k);
            QCOMPARE(lodf.bridge, splitsWithout(g, k));
            if (lodf.bridge)
                continue;
            GridCase outage = g;
            outage.branches[k].inService = false;
            const DcPowerFlow after = solve(outage);
            ++compared;
            for (int l = 0; l < int(g.branches.size()); ++l) {
                const double predicted =
                        pf.branchFlowsMw()[l] + lodf.factors[l] * pf.branchFlowsMw()[k];
                maxError = std::max(maxError, std::abs(predicted - after.branchFlowsMw()[l]));
            }
        }
        QVERIFY(compared >= 8);
        QVERIFY2(maxError < 1e-6, qPrintable(QString::number(maxError)));
    }

    // PTDF column on the three-bus case by hand: 1 MW in at bus 2, out at bus 1. Angles solve
    // 15 θ2 - 5 θ3 = 1, -5 θ2 + 10 θ3 = 0 => θ3 = θ2/2, 12.5 θ2 = 1 => θ2 = 0.08, θ3 = 0.04.
    // Flows per MW: F12 = 10·(0 - 0.08) = -0.8, F13 = 5·(0 - 0.04) = -0.2, F23 = 5·0.04 = 0.2.
    void ptdfByHand()
    {
        const DcPowerFlow pf = solve(threeBus());
        const std::vector<double> col = pf.ptdfColumn(1);
        QVERIFY(std::abs(col[0] - -0.8) < 1e-12);
        QVERIFY(std::abs(col[1] - -0.2) < 1e-12);
        QVERIFY(std::abs(col[2] - 0.2) < 1e-12);
        for (double v : pf.ptdfColumn(0))
            QCOMPARE(v, 0.0);
    }

    // Injections of 1 MW at bus 2 and -0.5 MW at bus 3 (bus 1, the reference, takes -0.5):
    // 1·PTDF(2) - 0.5·PTDF(3). PTDF(3) by hand: 15 θ2 - 5 θ3 = 0, -5 θ2 + 10 θ3 = 1
    // => θ2 = θ3/3, θ3 = 0.12, θ2 = 0.04; F12 = -0.4, F13 = -0.6, F23 = 5·(0.04-0.12) = -0.4.
    // So (-0.8, -0.2, 0.2) - 0.5·(-0.4, -0.6, -0.4) = (-0.6, 0.1, 0.4). An injection at the
    // reference bus itself changes nothing.
    void injectionFlowsByHand()
    {
        const DcPowerFlow pf = solve(threeBus());
        const std::vector<double> flows = pf.injectionFlows({7.0, 1.0, -0.5});
        QVERIFY(std::abs(flows[0] - -0.6) < 1e-12);
        QVERIFY(std::abs(flows[1] - 0.1) < 1e-12);
        QVERIFY(std::abs(flows[2] - 0.4) < 1e-12);
        QVERIFY(std::abs(pf.branchSusceptance(0) - 10.0) < 1e-12);
    }
};

QTEST_APPLESS_MAIN(TestDcPowerFlow)
#include "test_dcpowerflow.moc"
