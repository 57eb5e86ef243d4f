// SPDX-License-Identifier: GPL-3.0-or-later
// Load headroom (HeadroomStudy): small cases worked by hand in the comments, then a brute force
// that follows the definition in headroom.h literally — for every outage the DC power flow is
// rebuilt from a GridCase with that branch out of service (no LODF), solved without and with
// extra load at the bus, and every (branch, outage) pair checked — on case30 and case118 (every
// bus) and on a deterministic sample of ACTIVSg2000 buses.

#include "planner/core/grid/headroom.h"
#include "planner/core/grid/matpowercase.h"
#include "support_gridcases.h"
#include "support_headroombruteforce.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>

using namespace planner;
using headroomcheck::BruteForce;
using headroomcheck::compare;
using headroomcheck::near;
using headroomcheck::Reference;

namespace {

GridBus bus(int id, BusType type, double pd)
{
    GridBus b;
    b.id = id;
    b.type = type;
    b.pdMw = pd;
    b.baseKv = 345.0;
    b.name = std::to_string(id);
    b.name.insert(0, 1, 'B');
    return b;
}

GridBranch branch(int from, int to, double x, double rateA, double rateB = 0.0,
                  double angleDeg = 0.0)
{
    GridBranch br;
    br.from = from;
    br.to = to;
    br.x = x;
    br.rateAMva = rateA;
    br.rateBMva = rateB;
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

// The three-bus case of test_dcpowerflow: bus 1 reference with a generator (Pg 200, Pmax 300),
// 100 MW load at buses 2 and 3; b12 = 10, b13 = 5, b23 = 5 p.u. Base flows F12 = 120,
// F13 = 80, F23 = 20 MW. The generator has 100 MW spare.
// PTDF of bus 3 (1 MW in at 3, out at 1): 15 θ2 - 5 θ3 = 0, -5 θ2 + 10 θ3 = 1 => θ3 = 0.12,
// θ2 = 0.04; F12 = -0.4, F13 = -0.6, F23 = -0.4. New load at bus 3 served from bus 1: DF
// d = -PTDF(3) = (0.4, 0.6, 0.4).
// Ratings A (150, 110, 60), B (260, 250, 130). N at bus 3:
//   1-2: (150-120)/0.4 = 75;  1-3: (110-80)/0.6 = 50;  2-3: (60-20)/0.4 = 100   => 50 (1-3).
// N-1 (each outage leaves a chain; the flows follow by inspection):
//   out 1-2: 1-3 carries 200, DF 1 -> (250-200)/1 = 50; 2-3 has DF 0 (does not count).
//   out 1-3: 1-2 carries 200, DF 1 -> (260-200)/1 = 60; 2-3 carries 100, DF 1 -> (130-100) = 30.
//   out 2-3: 1-3 carries 100, DF 1 -> (250-100)/1 = 150; 1-2 has DF 0.
//   => N-1 = min(50, 50, 60, 30, 150) = 30: branch 2-3 at its rating after losing 1-3.
GridCase threeBus()
{
    GridCase g;
    g.sourceName = "three-bus";
    g.buses = {bus(1, BusType::Reference, 0), bus(2, BusType::PQ, 100), bus(3, BusType::PQ, 100)};
    g.gens = {gen(1, 200, 300)};
    g.branches = {branch(1, 2, 0.1, 150, 260), branch(1, 3, 0.2, 110, 250),
                  branch(2, 3, 0.2, 60, 130)};
    return g;
}

HeadroomStudy study(const GridCase &g, HeadroomOptions options = {})
{
    auto s = HeadroomStudy::build(g, options);
    if (!s.ok())
        qFatal("headroom study failed: %s", s.error().message.c_str());
    return std::move(s).value();
}

GridCase loadCase(const std::string &file)
{
    auto g = readMatpowerCase(gridfixtures::casePath(file));
    if (!g.ok())
        qFatal("%s", g.error().message.c_str());
    return std::move(g).value();
}

#define CHECK_MW(actual, expected)                                                                 \
    QVERIFY2(near((actual), (expected)),                                                           \
             qPrintable(                                                                           \
                     QStringLiteral("%1 MW, expected %2").arg(actual, 0, 'g', 12).arg(expected)))

// case118 has no ratings: rate its branches from the base flows (some tight, some loose, some
// unlimited; emergency ratings on every third) so that the brute force has something to find.
GridCase ratedCase118()
{
    GridCase g = loadCase("case118.m");
    const auto pf = DcPowerFlow::build(g);
    for (std::size_t k = 0; k < g.branches.size(); ++k) {
        GridBranch &br = g.branches[k];
        const double f = std::abs(pf->branchFlowsMw()[k]);
        br.rateAMva = k % 7 == 3 ? 0.0 : f * (1.1 + 0.1 * double(k % 5)) + 10.0;
        br.rateBMva = k % 3 == 0 ? br.rateAMva * 1.25 : 0.0;
        if (k % 29 == 0)
            br.rateAMva = f * 0.8; // a pre-existing base-case overload
    }
    return g;
}

} // namespace

class TestHeadroom : public QObject
{
    Q_OBJECT

private slots:
    void threeBusByHand()
    {
        const HeadroomStudy s = study(threeBus());
        const BusHeadroom h = s.headroomAt(2);
        CHECK_MW(h.headroomNMw, 50.0);
        QCOMPARE(h.bindingN.limit, HeadroomLimit::Branch);
        QCOMPARE(h.bindingN.branch, 1);
        QCOMPARE(h.bindingN.outage, -1);
        CHECK_MW(h.headroomN1Mw, 30.0);
        QCOMPARE(h.bindingN1.limit, HeadroomLimit::Branch);
        QCOMPARE(h.bindingN1.branch, 2);
        QCOMPARE(h.bindingN1.outage, 1);
        QVERIFY(h.preexisting.empty());
        QVERIFY(s.splittingOutages().empty());
        QCOMPARE(s.describeBus(2), std::string("B3 (bus 3, 345 kV)"));
        QCOMPARE(s.describeBranch(2), std::string("B2 (bus 2, 345 kV) – B3 (bus 3, 345 kV)"));
    }

    // Without N-1 only the base case is studied and the N-1 figure repeats it.
    void nOnly()
    {
        HeadroomOptions options;
        options.n1 = false;
        const BusHeadroom h = study(threeBus(), options).headroomAt(2);
        CHECK_MW(h.headroomNMw, 50.0);
        CHECK_MW(h.headroomN1Mw, 50.0);
        QCOMPARE(h.bindingN1.branch, 1);
        QCOMPARE(h.bindingN1.outage, -1);
    }

    // Two generators share the new load by spare capacity. Bus 1 (reference) Pg 100 of 300,
    // bus 2 Pg 100 of 200: spare 200 and 100, weights 2/3 and 1/3; the loads (100 at 2 and 3)
    // match the generation, so the reference takes no mismatch. Base flows are those of the
    // 100 MW at bus 3 alone: -100·PTDF(3) = (40, 60, 40). PTDF(2) = (-0.8, -0.2, 0.2)
    // (test_dcpowerflow). New load at bus 3:
    //   d = 1/3·PTDF(2) - PTDF(3) = (-0.8/3 + 0.4, -0.2/3 + 0.6, 0.2/3 + 0.4)
    //     = (2/15, 8/15, 7/15).
    // Ratings 100 everywhere: 1-2: 60/(2/15) = 450; 1-3: 40/(8/15) = 75; 2-3: 60/(7/15) = 128.6.
    // N = 75 on 1-3 (spare 300).
    void spareWeightedGeneration()
    {
        GridCase g = threeBus();
        g.gens = {gen(1, 100, 300), gen(2, 100, 200)};
        for (GridBranch &br : g.branches) {
            br.rateAMva = 100;
            br.rateBMva = 0;
        }
        HeadroomOptions options;
        options.n1 = false;
        const HeadroomStudy s = study(g, options);
        CHECK_MW(s.islandSpareMw(2), 300.0);
        const BusHeadroom h = s.headroomAt(2);
        CHECK_MW(h.headroomNMw, 75.0);
        QCOMPARE(h.bindingN.branch, 1);
    }

    // The reference generator takes the mismatch: Pg 150 in the case, 200 MW of load, so it
    // runs at 200 and has 100 spare. With no ratings the spare capacity is the headroom.
    void referenceTakesMismatchAndZeroRatingsAreUnlimited()
    {
        GridCase g = threeBus();
        g.gens = {gen(1, 150, 300)};
        for (GridBranch &br : g.branches)
            br.rateAMva = br.rateBMva = 0;
        const HeadroomStudy s = study(g);
        CHECK_MW(s.generationMw()[0], 200.0);
        for (int b = 0; b < 3; ++b) {
            const BusHeadroom h = s.headroomAt(b);
            CHECK_MW(h.headroomNMw, 100.0);
            CHECK_MW(h.headroomN1Mw, 100.0);
            QCOMPARE(h.bindingN.limit, HeadroomLimit::Generation);
            QCOMPARE(h.bindingN1.limit, HeadroomLimit::Generation);
        }
    }

    // Pmax 220: only 20 MW spare, below every branch limit of threeBusByHand.
    void generationCap()
    {
        GridCase g = threeBus();
        g.gens[0].pmaxMw = 220;
        const BusHeadroom h = study(g).headroomAt(2);
        CHECK_MW(h.headroomNMw, 20.0);
        CHECK_MW(h.headroomN1Mw, 20.0);
        QCOMPARE(h.bindingN.limit, HeadroomLimit::Generation);
        QCOMPARE(h.bindingN1.limit, HeadroomLimit::Generation);
        QCOMPARE(h.bindingN1.branch, -1);
    }

    // tau 0.65 drops 1-3 (DF 0.6) from N, so N becomes the spare capacity (100); the N-1
    // pairs that bind have post-outage DF 1 and still count (30 MW as by hand).
    void tauFiltering()
    {
        HeadroomOptions options;
        options.tau = 0.65;
        const BusHeadroom h = study(threeBus(), options).headroomAt(2);
        CHECK_MW(h.headroomNMw, 100.0);
        QCOMPARE(h.bindingN.limit, HeadroomLimit::Generation);
        CHECK_MW(h.headroomN1Mw, 30.0);
        QCOMPARE(h.bindingN1.branch, 2);
        QCOMPARE(h.bindingN1.outage, 1);
    }

    // 1-2 rated 100 carries 120 MW already: listed, not counted; N is then 50 (1-3) as by
    // hand, and N-1 stays 30 (1-2 after losing 1-3 carries 200 of its emergency 260: 60).
    void preexistingOverloadListed()
    {
        GridCase g = threeBus();
        g.branches[0].rateAMva = 100;
        const BusHeadroom h = study(g).headroomAt(2);
        CHECK_MW(h.headroomNMw, 50.0);
        CHECK_MW(h.headroomN1Mw, 30.0);
        QCOMPARE(h.preexisting.size(), std::size_t(1));
        QCOMPARE(h.preexisting[0].branch, 0);
        QCOMPARE(h.preexisting[0].outage, -1);
        CHECK_MW(h.preexisting[0].flowMw, 120.0);
        CHECK_MW(h.preexisting[0].limitMw, 100.0);
    }

    // Two identical parallel lines (x 0.1) carry 50 MW each to a 100 MW load; DF 0.5 each.
    // N: (120 - 50)/0.5 = 140 on both: the tie goes to the lower branch (0). N-1: losing
    // either, the other carries 100 with DF 1: (120 - 100)/1 = 20, a tie between (1, out 0)
    // and (0, out 1) that goes to the lower outage.
    void parallelBranches()
    {
        GridCase g;
        g.sourceName = "two-bus";
        g.buses = {bus(1, BusType::Reference, 0), bus(2, BusType::PQ, 100)};
        g.gens = {gen(1, 100, 1000)};
        g.branches = {branch(1, 2, 0.1, 120), branch(1, 2, 0.1, 120)};
        const HeadroomStudy s = study(g);
        const BusHeadroom h = s.headroomAt(1);
        CHECK_MW(h.headroomNMw, 140.0);
        QCOMPARE(h.bindingN.branch, 0);
        CHECK_MW(h.headroomN1Mw, 20.0);
        QCOMPARE(h.bindingN1.branch, 1);
        QCOMPARE(h.bindingN1.outage, 0);
        QVERIFY(s.splittingOutages().empty());
        QCOMPARE(s.describeBranch(1),
                 std::string("B1 (bus 1, 345 kV) – B2 (bus 2, 345 kV), "
                             "circuit 2"));
    }

    // Parallel lines A (phase shift 0.15 rad = 8.594366926962348°) and B, x 0.1 (b 10), 100 MW
    // load at bus 2. Shift injections -b·θs = -1.5 p.u. at bus 1, +1.5 at bus 2: 20 θ2 = -2.5,
    // θ2 = -0.125; F_A = 10·(0.125 - 0.15)·100 = -25 MW, F_B = 125 MW. DF 0.5 each (a shift
    // moves no DF). Ratings A 40, B 200:
    //   N: A (40 - (-25))/0.5 = 130 (the flow first reverses), B (200 - 125)/0.5 = 150 => 130 (A).
    //   out A: B carries all 100 MW, DF 1 -> (200 - 100)/1 = 100.
    //   out B: A carries all 100 MW, over its 40: a pre-existing overload, not counted.
    //   => N-1 = 100 on B after losing A.
    void phaseShifter()
    {
        GridCase g;
        g.sourceName = "shifter";
        g.buses = {bus(1, BusType::Reference, 0), bus(2, BusType::PQ, 100)};
        g.gens = {gen(1, 100, 1000)};
        g.branches = {branch(1, 2, 0.1, 40, 0, 8.594366926962348), branch(1, 2, 0.1, 200)};
        const BusHeadroom h = study(g).headroomAt(1);
        CHECK_MW(h.headroomNMw, 130.0);
        QCOMPARE(h.bindingN.branch, 0);
        CHECK_MW(h.headroomN1Mw, 100.0);
        QCOMPARE(h.bindingN1.branch, 1);
        QCOMPARE(h.bindingN1.outage, 0);
        QCOMPARE(h.preexisting.size(), std::size_t(1));
        QCOMPARE(h.preexisting[0].branch, 0);
        QCOMPARE(h.preexisting[0].outage, 1);
        CHECK_MW(h.preexisting[0].flowMw, 100.0);
        CHECK_MW(h.preexisting[0].limitMw, 40.0);
    }

    // Bus 4 hangs off bus 3 by branch 3-4 (x 0.1, rate 70), no load: a bridge. Its outage is
    // skipped and listed. New load at bus 4 has the DF of bus 3 on the triangle and 1 on 3-4:
    // N: 3-4 (70 - 0)/1 = 70, else as at bus 3 => 50 (1-3). N-1: 3-4 under any triangle
    // outage still 70; else as at bus 3 => 30 (2-3 after losing 1-3).
    void bridgeOutageSkipped()
    {
        GridCase g = threeBus();
        g.buses.push_back(bus(4, BusType::PQ, 0));
        g.branches.push_back(branch(3, 4, 0.1, 70));
        const HeadroomStudy s = study(g);
        QCOMPARE(s.splittingOutages(), std::vector<int>{3});
        const BusHeadroom h = s.headroomAt(3);
        CHECK_MW(h.headroomNMw, 50.0);
        CHECK_MW(h.headroomN1Mw, 30.0);
        QCOMPARE(h.bindingN1.branch, 2);
        QCOMPARE(h.bindingN1.outage, 1);
    }

    // An isolated bus (type 4), and an island whose generator has no spare capacity, cannot
    // take load: NotServable with 0 MW.
    void notServable()
    {
        GridCase g = threeBus();
        g.buses.push_back(bus(4, BusType::Isolated, 0));
        g.branches.push_back(branch(3, 4, 0.1, 70));
        g.buses.push_back(bus(5, BusType::PQ, 10));
        g.buses.push_back(bus(6, BusType::PV, 0));
        g.gens.push_back(gen(6, 10, 10));
        g.branches.push_back(branch(5, 6, 0.1, 70));
        const HeadroomStudy s = study(g);
        for (int b : {3, 4, 5}) {
            const BusHeadroom h = s.headroomAt(b);
            QCOMPARE(h.headroomNMw, 0.0);
            QCOMPARE(h.headroomN1Mw, 0.0);
            QCOMPARE(h.bindingN.limit, HeadroomLimit::NotServable);
            QCOMPARE(h.bindingN1.limit, HeadroomLimit::NotServable);
        }
        CHECK_MW(s.headroomAt(2).headroomN1Mw, 30.0); // the main island as by hand
        QCOMPARE(s.headroomAt(-1).bindingN.limit, HeadroomLimit::NotServable);
    }

    void badOptionsAndCancel()
    {
        for (double tau : {-0.1, 1.5, std::numeric_limits<double>::quiet_NaN()}) {
            HeadroomOptions options;
            options.tau = tau;
            const auto s = HeadroomStudy::build(threeBus(), options);
            QVERIFY(!s.ok());
            QVERIFY2(s.error().message.find("tau") != std::string::npos, s.error().message.c_str());
        }
        const auto cancelled = HeadroomStudy::build(threeBus(), {}, [](int, int) { return false; });
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code, energize::ErrorCode::Cancelled);
        int calls = 0, last = 0, total = 0;
        const auto s = HeadroomStudy::build(threeBus(), {}, [&](int done, int all) {
            ++calls;
            last = done;
            total = all;
            return true;
        });
        QVERIFY(s.ok());
        QVERIFY(calls > 0);
        QCOMPARE(last, total);
        const auto all = s->headroomAll(2, [](int, int) { return false; });
        QVERIFY(!all.ok());
        QCOMPARE(all.error().code, energize::ErrorCode::Cancelled);
    }

    // Every bus of case30 (rated; rateB = rateA) and of case118 (rated by ratedCase118)
    // against the brute force.
    void bruteForceSmallCases_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("tau");
        QTest::newRow("case30 tau 0.05") << "case30.m" << 0.05;
        QTest::newRow("case30 tau 0") << "case30.m" << 0.0;
        QTest::newRow("case118 tau 0.05") << "case118.m" << 0.05;
        QTest::newRow("case118 tau 0.2") << "case118.m" << 0.2;
    }
    void bruteForceSmallCases()
    {
        QFETCH(QString, file);
        QFETCH(double, tau);
        REQUIRE_CASE(file.toStdString());
        const GridCase g = file == "case118.m" ? ratedCase118() : loadCase(file.toStdString());
        HeadroomOptions options;
        options.tau = tau;
        const BruteForce brute(g, tau);
        std::vector<int> buses(g.buses.size());
        std::iota(buses.begin(), buses.end(), 0);
        const std::vector<Reference> refs = brute.at(buses, true, BruteForce::Response::Rebuild);
        for (LodfStorage storage : {LodfStorage::Double, LodfStorage::Float}) {
            options.storage = storage;
            const HeadroomStudy s = study(g, options);
            QCOMPARE(s.splittingOutages(), brute.splitting());
            int outageBinds = 0, overloads = 0;
            for (int b = 0; b < int(g.buses.size()); ++b) {
                const BusHeadroom h = s.headroomAt(b);
                const QString problem = compare(h, refs[b], true);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
                outageBinds += h.bindingN1.outage >= 0 ? 1 : 0;
                overloads += int(h.preexisting.size());
            }
            QVERIFY(outageBinds > 0);
            if (file == "case118.m")
                QVERIFY(overloads > 0);
        }
    }

    // ACTIVSg2000 (synthetic Texas, every branch rated): a deterministic sample of buses, every
    // 167th (a DC power flow rebuilt for each of the 2,756 non-splitting outages, one solve per
    // bus on each), with double and float storage; and every 10th bus's N figure.
    void bruteForceActivsg2000()
    {
        REQUIRE_CASE("case_ACTIVSg2000.m");
        const GridCase g = loadCase("case_ACTIVSg2000.m");
        const BruteForce brute(g, 0.05);
        HeadroomOptions options;
        options.storage = LodfStorage::Double;
        const HeadroomStudy s = study(g, options);
        options.storage = LodfStorage::Float;
        const HeadroomStudy f = study(g, options);
        QVERIFY(!s.lodfInFloat());
        QVERIFY(f.lodfInFloat());
        QCOMPARE(s.splittingOutages(), brute.splitting());
        QCOMPARE(f.splittingOutages(), brute.splitting());
        std::vector<int> sample;
        for (int b = 17; b < int(g.buses.size()); b += 167)
            sample.push_back(b);
        const std::vector<Reference> refs = brute.at(sample, true, BruteForce::Response::Solve);
        int outageBinds = 0, overloads = 0;
        for (std::size_t i = 0; i < sample.size(); ++i) {
            for (const HeadroomStudy *study : {&s, &f}) {
                const BusHeadroom h = study->headroomAt(sample[i]);
                const QString problem = compare(h, refs[i], true);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
            }
            const BusHeadroom h = s.headroomAt(sample[i]);
            outageBinds += h.bindingN1.outage >= 0 ? 1 : 0;
            overloads += int(h.preexisting.size());
        }
        QVERIFY(outageBinds >= 1);
        QVERIFY(outageBinds < int(sample.size()) || overloads > 0);
        std::vector<int> every10;
        for (int b = 0; b < int(g.buses.size()); b += 10)
            every10.push_back(b);
        const std::vector<Reference> refsN = brute.at(every10, false, BruteForce::Response::Solve);
        for (std::size_t i = 0; i < every10.size(); ++i) {
            const QString problem = compare(s.headroomAt(every10[i]), refsN[i], false);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }

    // Float and double storage agree exactly, bus by bus, and headroomAll is headroomAt.
    void storagesAgreeOnActivsg2000()
    {
        REQUIRE_CASE("case_ACTIVSg2000.m");
        const GridCase g = loadCase("case_ACTIVSg2000.m");
        HeadroomOptions options;
        options.storage = LodfStorage::Double;
        const HeadroomStudy s = study(g, options);
        options.storage = LodfStorage::Float;
        const HeadroomStudy f = study(g, options);
        const auto all = f.headroomAll(2);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), g.buses.size());
        for (int b = 0; b < int(g.buses.size()); b += 7) {
            const BusHeadroom h = s.headroomAt(b), hf = (*all)[b];
            QCOMPARE(hf.bus, b);
            QCOMPARE(hf.headroomNMw, h.headroomNMw);
            QCOMPARE(hf.headroomN1Mw, h.headroomN1Mw);
            QCOMPARE(hf.bindingN1.branch, h.bindingN1.branch);
            QCOMPARE(hf.bindingN1.outage, h.bindingN1.outage);
            QCOMPARE(hf.preexisting.size(), h.preexisting.size());
        }
    }
};

QTEST_APPLESS_MAIN(TestHeadroom)
#include "test_headroom.moc"
