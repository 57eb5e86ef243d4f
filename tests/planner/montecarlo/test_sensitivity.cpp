// SPDX-License-Identifier: GPL-3.0-or-later
// The generic tornado against a linear model whose swings are known exactly, its ordering, the
// number of model runs, and the errors for inputs or outputs that are not numbers.

#include "planner/core/montecarlo/sensitivity.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace planner;

class TestSensitivity : public QObject
{
    Q_OBJECT
private slots:
    void linearModelSwings();
    void equalSwingsKeepInputOrder();
    void eachInputMovesAlone();
    void notANumberIsAnError();
};

void TestSensitivity::linearModelSwings()
{
    // y = 2a - 3b + 0.5c: the swing of an input is |coefficient| x (high - low).
    const std::vector<SensitivityInput> inputs{
            {"a", 1.0, 0.0, 2.0}, {"b", 1.0, 0.5, 1.5}, {"c", 4.0, -10.0, 30.0}};
    const auto model = [](const std::vector<double> &v) {
        return 2.0 * v[0] - 3.0 * v[1] + 0.5 * v[2];
    };
    const auto t = tornado(inputs, model);
    QVERIFY(t.ok());
    QCOMPARE(t->baseOutput, 2.0 - 3.0 + 2.0);
    QCOMPARE(t->bars.size(), std::size_t(3));
    QCOMPARE(t->bars[0].name, std::string("c"));
    QCOMPARE(t->bars[0].swing(), 20.0);
    QCOMPARE(t->bars[1].name, std::string("a"));
    QCOMPARE(t->bars[1].swing(), 4.0);
    QCOMPARE(t->bars[2].name, std::string("b"));
    QCOMPARE(t->bars[2].swing(), 3.0);
    // b lowers the output when raised: the bar keeps which end gives which output.
    QCOMPARE(t->bars[2].outputAtLow, 2.0 - 1.5 + 2.0);
    QCOMPARE(t->bars[2].outputAtHigh, 2.0 - 4.5 + 2.0);
    QCOMPARE(t->bars[2].low, 0.5);
    QCOMPARE(t->bars[2].high, 1.5);
}

void TestSensitivity::equalSwingsKeepInputOrder()
{
    const std::vector<SensitivityInput> inputs{
            {"first", 0, -1, 1}, {"wide", 0, -5, 5}, {"second", 0, 1, -1}, {"third", 0, -1, 1}};
    const auto t =
            tornado(inputs, [](const std::vector<double> &v) { return v[0] + v[1] + v[2] + v[3]; });
    QVERIFY(t.ok());
    std::vector<std::string> order;
    for (const TornadoBar &b : t->bars) {
        order.push_back(b.name);
    }
    QCOMPARE(order, (std::vector<std::string>{"wide", "first", "second", "third"}));
}

void TestSensitivity::eachInputMovesAlone()
{
    const std::vector<SensitivityInput> inputs{{"x", 1, 0, 2}, {"y", 10, 5, 30}, {"z", 3, 3, 3}};
    std::vector<std::vector<double>> calls;
    const auto t = tornado(inputs, [&](const std::vector<double> &v) {
        calls.push_back(v);
        return v[0] * v[1] * v[2];
    });
    QVERIFY(t.ok());
    QCOMPARE(calls.size(), std::size_t(2 * inputs.size() + 1));
    for (const auto &v : calls) {
        int moved = 0;
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            moved += v[i] != inputs[i].base ? 1 : 0;
        }
        QVERIFY(moved <= 1);
    }
    // A product: the swing of y is x·z·(30 - 5) = 75, of x y·z·(2 - 0) = 60; z has none.
    QCOMPARE(t->bars.front().name, std::string("y"));
    QCOMPARE(t->bars.front().swing(), 75.0);
    QCOMPARE(t->bars[1].swing(), 60.0);
    QCOMPARE(t->bars.back().swing(), 0.0);
}

void TestSensitivity::notANumberIsAnError()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<SensitivityInput> badInput{{"ok", 1, 0, 2}, {"broken", 1, nan, 2}};
    const auto identity = [](const std::vector<double> &v) {
        return v[0];
    };
    const auto a = tornado(badInput, identity);
    QVERIFY(!a.ok());
    QVERIFY(a.error().message.find("'broken'") != std::string::npos);

    const std::vector<SensitivityInput> inputs{{"x", 1, 0, 2}, {"root", 4, -1, 9}};
    const auto b = tornado(inputs, [](const std::vector<double> &v) { return std::sqrt(v[1]); });
    QVERIFY(!b.ok());
    QVERIFY2(b.error().message.find("'root'") != std::string::npos
                     && b.error().message.find("low value (-1)") != std::string::npos,
             b.error().message.c_str());
}

QTEST_APPLESS_MAIN(TestSensitivity)
#include "test_sensitivity.moc"
