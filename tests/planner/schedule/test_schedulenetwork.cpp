// SPDX-License-Identifier: GPL-3.0-or-later
// Schedule networks and the critical-path method against cases worked out by hand: tasks in
// series and in parallel, a textbook network with a known critical path and float, the
// "whichever is first" join used for bridging power, and invalid networks.

#include "planner/core/schedule/schedulecpm.h"
#include "planner/core/schedule/schedulenetwork.h"

#include <QTest>

#include <algorithm>

using namespace planner;

class TestScheduleNetwork : public QObject
{
    Q_OBJECT
private slots:
    void series();
    void parallel();
    void knownCriticalPath();
    void anyJoinTakesTheFirstPredecessor();
    void orderPutsPredecessorsFirst();
    void cycleIsAnErrorNamingTheTasks();
    void invalidTasksAreErrors_data();
    void invalidTasksAreErrors();
};

static ScheduleTask task(const std::string &id, double months, std::vector<std::string> preds = {},
                         Join join = Join::All)
{
    return ScheduleTask{id,
                        id,
                        ThreePoint{months, months, months},
                        Distribution::Triangular,
                        std::move(preds),
                        join,
                        {}};
}

static ScheduleNetwork network(std::vector<ScheduleTask> tasks)
{
    auto net = ScheduleNetwork::create(std::move(tasks));
    if (!net) {
        qFatal("%s", net.error().message.c_str());
    }
    return std::move(*net);
}

static std::vector<std::string> pathIds(const ScheduleNetwork &net, const CriticalPathResult &r)
{
    std::vector<std::string> ids;
    for (std::size_t t : r.criticalPath) {
        ids.push_back(net.task(t).id);
    }
    return ids;
}

void TestScheduleNetwork::series()
{
    const auto net = network({task("a", 2), task("b", 3, {"a"}), task("c", 4, {"b"})});
    const auto r = criticalPath(net);
    QCOMPARE(r.finish.value(), 9.0);
    QCOMPARE(r.timings[1].earlyStart.value(), 2.0);
    QCOMPARE(r.timings[2].earlyStart.value(), 5.0);
    for (const TaskTiming &t : r.timings) {
        QVERIFY(t.critical);
        QCOMPARE(t.totalFloat.value(), 0.0);
    }
    QCOMPARE(pathIds(net, r), (std::vector<std::string>{"a", "b", "c"}));
}

void TestScheduleNetwork::parallel()
{
    const auto net = network({task("start", 1), task("x", 5, {"start"}), task("y", 2, {"start"}),
                              task("end", 1, {"x", "y"})});
    const auto r = criticalPath(net);
    QCOMPARE(r.finish.value(), 7.0);
    QCOMPARE(r.timings[2].totalFloat.value(), 3.0); // y can slip 5 - 2 months
    QCOMPARE(r.timings[2].lateStart.value(), 4.0);
    QVERIFY(!r.timings[2].critical);
    QCOMPARE(pathIds(net, r), (std::vector<std::string>{"start", "x", "end"}));

    // Other durations (same network): y becomes the longer branch.
    const std::vector<double> d{1, 2, 6, 1};
    const auto r2 = criticalPath(net, d);
    QCOMPARE(r2.finish.value(), 8.0);
    QCOMPARE(r2.timings[1].totalFloat.value(), 4.0);
    QCOMPARE(pathIds(net, r2), (std::vector<std::string>{"start", "y", "end"}));
}

void TestScheduleNetwork::knownCriticalPath()
{
    // A-B-D-F = 3+4+5+3 = 15 months; A-C-E-F = 3+2+1+3 = 9 months, so C and E float 6 months.
    const auto net = network({task("A", 3), task("B", 4, {"A"}), task("C", 2, {"A"}),
                              task("D", 5, {"B"}), task("E", 1, {"C"}), task("F", 3, {"D", "E"})});
    const auto r = criticalPath(net);
    QCOMPARE(r.finish.value(), 15.0);
    QCOMPARE(pathIds(net, r), (std::vector<std::string>{"A", "B", "D", "F"}));
    const double expectedFloat[] = {0, 0, 6, 0, 6, 0};
    const double expectedLateStart[] = {0, 3, 9, 7, 11, 12};
    for (std::size_t t = 0; t < net.size(); ++t) {
        QCOMPARE(r.timings[t].totalFloat.value(), expectedFloat[t]);
        QCOMPARE(r.timings[t].lateStart.value(), expectedLateStart[t]);
        QCOMPARE(r.timings[t].critical, expectedFloat[t] == 0.0);
    }
}

void TestScheduleNetwork::anyJoinTakesTheFirstPredecessor()
{
    // Phase 1 runs on bridging power (ready at 4) before the grid (ready at 10); phase 2 needs
    // the grid. By hand: first = 4, phase1 = 6, phase2 = max(10, 6) + 3 = 13.
    const auto net = network({task("grid", 10), task("bridge", 4),
                              task("first", 0, {"grid", "bridge"}, Join::Any),
                              task("phase1", 2, {"first"}), task("phase2", 3, {"grid", "phase1"})});
    const auto r = criticalPath(net);
    QCOMPARE(r.timings[2].earlyFinish.value(), 4.0);
    QCOMPARE(r.timings[3].earlyFinish.value(), 6.0);
    QCOMPARE(r.finish.value(), 13.0);
    QCOMPARE(pathIds(net, r), (std::vector<std::string>{"grid", "phase2"}));
    // phase1 must finish by 10 (phase2's late start): bridge, first and phase1 float 4 months.
    QCOMPARE(r.timings[1].totalFloat.value(), 4.0);
    QCOMPARE(r.timings[3].totalFloat.value(), 4.0);
    QCOMPARE(r.timings[0].totalFloat.value(), 0.0);
}

void TestScheduleNetwork::orderPutsPredecessorsFirst()
{
    const auto net = network({task("late", 1, {"mid", "early"}), task("mid", 1, {"early"}),
                              task("early", 1), task("alone", 1)});
    std::vector<std::size_t> position(net.size());
    for (std::size_t i = 0; i < net.order().size(); ++i) {
        position[net.order()[i]] = i;
    }
    for (std::size_t t = 0; t < net.size(); ++t) {
        for (std::size_t p : net.predecessors(t)) {
            QVERIFY(position[p] < position[t]);
        }
    }
    QCOMPARE(net.indexOf("mid"), std::optional<std::size_t>(1));
    QVERIFY(!net.indexOf("nothing"));
}

void TestScheduleNetwork::cycleIsAnErrorNamingTheTasks()
{
    const auto net = ScheduleNetwork::create({task("root", 1), task("a", 1, {"root", "c"}),
                                              task("b", 1, {"a"}), task("c", 1, {"b"}),
                                              task("d", 1, {"c"})});
    QVERIFY(!net.ok());
    const std::string &m = net.error().message;
    QVERIFY2(m.find("cycle") != std::string::npos, m.c_str());
    // Named in dependency order, starting anywhere on the loop.
    const bool named = m.find("a -> b -> c -> a") != std::string::npos
            || m.find("b -> c -> a -> b") != std::string::npos
            || m.find("c -> a -> b -> c") != std::string::npos;
    QVERIFY2(named, m.c_str());
    QVERIFY2(m.find("root") == std::string::npos && m.find("d ->") == std::string::npos, m.c_str());
}

void TestScheduleNetwork::invalidTasksAreErrors_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown predecessor") << 0 << "waits for 'ghost'";
    QTest::newRow("duplicate id") << 1 << "defined twice";
    QTest::newRow("unordered duration") << 2 << "min <= typical <= max";
    QTest::newRow("flat lognormal") << 3 << "lognormal";
    QTest::newRow("any without predecessor") << 4 << "has none";
    QTest::newRow("self dependency") << 5 << "cycle";
}

void TestScheduleNetwork::invalidTasksAreErrors()
{
    QFETCH(int, which);
    QFETCH(QString, expected);
    std::vector<ScheduleTask> tasks{task("a", 1)};
    switch (which) {
    case 0:
        tasks.push_back(task("b", 1, {"ghost"}));
        break;
    case 1:
        tasks.push_back(task("a", 2));
        break;
    case 2:
        tasks[0].duration = ThreePoint{3, 2, 4};
        break;
    case 3:
        tasks[0].duration = ThreePoint{1, 2, 2};
        tasks[0].distribution = Distribution::Lognormal;
        break;
    case 4:
        tasks.push_back(task("any", 0, {}, Join::Any));
        break;
    default:
        tasks.push_back(task("self", 1, {"self"}));
    }
    const auto net = ScheduleNetwork::create(tasks);
    QVERIFY(!net.ok());
    QVERIFY2(QString::fromStdString(net.error().message).contains(expected),
             net.error().message.c_str());
}

QTEST_APPLESS_MAIN(TestScheduleNetwork)
#include "test_schedulenetwork.moc"
