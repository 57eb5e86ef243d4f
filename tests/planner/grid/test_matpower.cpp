// SPDX-License-Identifier: GPL-3.0-or-later
// The MATPOWER case reader: counts and values of the shared cases read back against the files
// themselves (and SOURCE.md for ACTIVSg2000), format details (comments, continuations, commas,
// extra columns), and broken inputs giving an error that names the line.

#include "planner/core/grid/matpowercase.h"
#include "support_gridcases.h"

#include <QTest>

#include <string>

using namespace planner;

namespace {

// A small well-formed case; the tests break it in one place at a time.
const char *kSmall = R"(function mpc = small
mpc.version = '2';
mpc.baseMVA = 100;
mpc.bus = [
	1	3	0	0	0	0	1	1	0	230	1	1.1	0.9;
	2	1	50	10	0	0	1	1	0	230	1	1.1	0.9;
];
mpc.gen = [
	1	40	0	300	-300	1	100	1	250	10;
];
mpc.branch = [
	1	2	0.01	0.1	0	200	0	0	0	0	1	-360	360;
];
)";

std::string replaced(std::string text, const std::string &from, const std::string &to)
{
    const auto pos = text.find(from);
    if (pos == std::string::npos)
        qFatal("fixture text not found: %s", from.c_str());
    return text.replace(pos, from.size(), to);
}

} // namespace

class TestMatpower : public QObject
{
    Q_OBJECT

private slots:
    void smallCaseReads()
    {
        const auto grid = parseMatpowerCase(kSmall, "small.m");
        QVERIFY2(grid.ok(), grid.ok() ? "" : grid.error().message.c_str());
        QCOMPARE(grid->baseMva, 100.0);
        QCOMPARE(grid->buses.size(), std::size_t(2));
        QCOMPARE(grid->buses[1].pdMw, 50.0);
        QCOMPARE(grid->buses[0].type, BusType::Reference);
        QCOMPARE(grid->gens[0].pmaxMw, 250.0);
        QCOMPARE(grid->branches[0].x, 0.1);
        QCOMPARE(grid->branches[0].rateAMva, 200.0);
        QCOMPARE(grid->branches[0].line, 12);
    }

    void commentsContinuationsAndCommas()
    {
        std::string text =
                replaced(kSmall, "	2	1	50	10	0	0	1	1	0	230	1	1.1	0.9;",
                         "	2, 1, 50 ... a continuation\n 10 0 0 1 1 0 230 1 1.1 0.9 % c");
        text = replaced(text, "mpc.baseMVA = 100;", "mpc.baseMVA = 100; % system base");
        const auto grid = parseMatpowerCase(text, "small.m");
        QVERIFY2(grid.ok(), grid.ok() ? "" : grid.error().message.c_str());
        QCOMPARE(grid->buses[1].pdMw, 50.0);
        QCOMPARE(grid->buses[1].baseKv, 230.0);
        QCOMPARE(grid->branches[0].line, 13); // the continuation counts as a line
    }

    // Found by fuzz_matpower: a "..." continuation on the last line, with no newline after it,
    // read past the end of the text (std::out_of_range).
    void continuationAtTheVeryEnd()
    {
        const auto grid = parseMatpowerCase(std::string(kSmall) + "% trailing ...", "small.m");
        QVERIFY2(grid.ok(), grid.ok() ? "" : grid.error().message.c_str());
        QCOMPARE(grid->buses.size(), std::size_t(2));
        // The fuzzer's shape: the continuation where a value should follow.
        const auto cut = parseMatpowerCase(std::string(kSmall) + "mpc.extra = ...", "small.m");
        QVERIFY2(cut.ok(), cut.ok() ? "" : cut.error().message.c_str());
        QCOMPARE(cut->buses.size(), std::size_t(2));
    }

    void brokenInputs_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected"); // must appear in the message
        QTest::newRow("missing ];") << "	1	40	0	300	-300	1	100	1	250	10;\n];"
                                    << "	1	40	0	300	-300	1	100	1	250	10;"
                                    << "small.m line 10: mpc.gen: 'mpc.branch' is not a number (is "
                                       "the '];' closing mpc.gen on line 8 missing?)";
        QTest::newRow("wrong column count")
                << "	2	1	50	10	0	0	1	1	0	230	1	1.1	0.9;"
                << "	2	1	50	10	0	0	1	1	0	230	1	1.1;"
                << "small.m line 6: mpc.bus row has 12 columns";
        QTest::newRow("NaN") << "1	2	0.01	0.1"
                             << "1	2	0.01	NaN"
                             << "small.m line 12: mpc.branch: 'NaN' is not a finite number";
        QTest::newRow("Inf") << "	2	1	50"
                             << "	2	1	-Inf"
                             << "small.m line 6: mpc.bus: '-Inf' is not a finite number";
        QTest::newRow("unknown bus") << "1	2	0.01	0.1"
                                     << "1	7	0.01	0.1"
                                     << "small.m line 12: branch 'tbus' refers to bus 7,";
        QTest::newRow("generator at unknown bus") << "	1	40	0	300"
                                                  << "	3	40	0	300"
                                                  << "small.m line 9: generator refers to bus 3,";
        QTest::newRow("truncated")
                << "	1	2	0.01	0.1	0	200	0	0	0	0	1	-360	360;\n];"
                << "	1	2	0.01	0.1	0	200	0	0	0	0	1	-360	360;"
                << "small.m line 13: the file ends inside mpc.branch (opened on line 11)";
        QTest::newRow("no baseMVA") << "mpc.baseMVA = 100;"
                                    << ""
                                    << "no 'mpc.baseMVA = ...;' line";
    }

    void brokenInputs()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        const auto grid = parseMatpowerCase(replaced(kSmall, from.toStdString(), to.toStdString()),
                                            "small.m");
        QVERIFY(!grid.ok());
        QVERIFY2(grid.error().message.find(expected.toStdString()) != std::string::npos,
                 grid.error().message.c_str());
    }

    void case9()
    {
        REQUIRE_CASE("case9.m");
        const auto grid = readMatpowerCase(gridfixtures::casePath("case9.m"));
        QVERIFY2(grid.ok(), grid.ok() ? "" : grid.error().message.c_str());
        QCOMPARE(grid->buses.size(), std::size_t(9));
        QCOMPARE(grid->gens.size(), std::size_t(3));
        QCOMPARE(grid->branches.size(), std::size_t(9));
        QCOMPARE(grid->gencostRows, 3);
        // case9.m: bus 9 has Pd 125, 345 kV; gen 2 at bus 2 Pg 163, Pmax 300;
        // branch 5-6 x 0.17 rateA 150.
        QCOMPARE(grid->buses[8].id, 9);
        QCOMPARE(grid->buses[8].pdMw, 125.0);
        QCOMPARE(grid->buses[8].baseKv, 345.0);
        QCOMPARE(grid->gens[1].bus, 2);
        QCOMPARE(grid->gens[1].pgMw, 163.0);
        QCOMPARE(grid->gens[1].pmaxMw, 300.0);
        QCOMPARE(grid->branches[2].from, 5);
        QCOMPARE(grid->branches[2].to, 6);
        QCOMPARE(grid->branches[2].x, 0.17);
        QCOMPARE(grid->branches[2].rateAMva, 150.0);
    }

    void case14()
    {
        REQUIRE_CASE("case14.m");
        const auto grid = readMatpowerCase(gridfixtures::casePath("case14.m"));
        QVERIFY2(grid.ok(), grid.ok() ? "" : grid.error().message.c_str());
        QCOMPARE(grid->buses.size(), std::size_t(14));
        QCOMPARE(grid->gens.size(), std::size_t(5));
        QCOMPARE(grid->branches.size(), std::size_t(20));
        // case14.m: first branch 1-2 x 0.05917, no rating.
        QCOMPARE(grid->branches[0].x, 0.05917);
        QCOMPARE(grid->branches[0].rateAMva, 0.0);
    }

    void activsg2000()
    {
        REQUIRE_CASE("case_ACTIVSg2000.m");
        const auto grid = readMatpowerCase(gridfixtures::casePath("case_ACTIVSg2000.m"));
        QVERIFY2(grid.ok(), grid.ok() ? "" : grid.error().message.c_str());
        // SOURCE.md: 2,000 / 544 / 3,206; bus 1001 is "ODESSA 2 0".
        QCOMPARE(grid->buses.size(), std::size_t(2000));
        QCOMPARE(grid->gens.size(), std::size_t(544));
        QCOMPARE(grid->branches.size(), std::size_t(3206));
        QCOMPARE(grid->buses[0].id, 1001);
        QCOMPARE(grid->buses[0].name, std::string("ODESSA 2 0"));
        QCOMPARE(grid->buses[0].pdMw, 20.78); // first bus row of the file
        QCOMPARE(grid->branches[0].rateAMva, 221.0);
    }
};

QTEST_APPLESS_MAIN(TestMatpower)
#include "test_matpower.moc"
