// SPDX-License-Identifier: GPL-3.0-or-later
// The error type shared by the layers (common/expected.h): a value or an error, each read back
// as it went in; the void form (Status); move-only values; and the planner's names being the
// same types, not copies.

#include "common/expected.h"
#include "planner/core/common/expected.h"

#include <QTest>

#include <memory>
#include <string>
#include <type_traits>
#include <vector>

using energize::done;
using energize::Error;
using energize::ErrorCode;
using energize::Expected;
using energize::Status;

static_assert(std::is_same_v<planner::Error, energize::Error>);
static_assert(std::is_same_v<planner::ErrorCode, energize::ErrorCode>);
static_assert(std::is_same_v<planner::Expected<int>, energize::Expected<int>>);
static_assert(std::is_same_v<Status, Expected<void>>);

namespace {

struct Site
{
    std::string name;
    double mw = 0.0;
};

Expected<int> parsePositive(int v)
{
    if (v <= 0)
        return Error{"plan.it_load_mw: must be positive", ErrorCode::Failed};
    return v;
}

Status writeNothing(bool cancel)
{
    if (cancel)
        return Error{"cancelled", ErrorCode::Cancelled};
    return done();
}

} // namespace

class TestExpected : public QObject
{
    Q_OBJECT
private slots:
    void valueIsReadBackEveryWay();
    void errorKeepsMessageAndCode();
    void errorCodeDefaultsToFailed();
    void voidFormIsSuccessOrError();
    void moveOnlyValuesMoveOut();
    void valueCanBeChangedInPlace();
};

void TestExpected::valueIsReadBackEveryWay()
{
    const Expected<Site> site = Site{"Abilene", 200.0};
    QVERIFY(site.ok());
    QVERIFY(bool(site));
    QCOMPARE(site.value().name, std::string("Abilene"));
    QCOMPARE((*site).mw, 200.0);
    QCOMPARE(site->mw, 200.0);

    const Expected<int> five = parsePositive(5);
    QVERIFY(five);
    QCOMPARE(*five, 5);
}

void TestExpected::errorKeepsMessageAndCode()
{
    const Expected<int> bad = parsePositive(-1);
    QVERIFY(!bad.ok());
    QVERIFY(!bad);
    QCOMPARE(bad.error().message, std::string("plan.it_load_mw: must be positive"));
    QCOMPARE(bad.error().code, ErrorCode::Failed);

    // Every code survives the trip, and a UTF-8 message comes back byte for byte.
    const std::string text = "roads.shp: no .prj file — choose the layer's coordinate system";
    for (ErrorCode code :
         {ErrorCode::Failed, ErrorCode::NotFound, ErrorCode::NotReadable, ErrorCode::MissingCrs,
          ErrorCode::NetworkRefused, ErrorCode::Cancelled}) {
        const Expected<Site> e = Error{text, code};
        QVERIFY(!e);
        QCOMPARE(e.error().code, code);
        QCOMPARE(e.error().message, text);
    }

    // An error passed on from one Expected to another of a different value type.
    auto passOn = [](const Expected<int> &in) -> Expected<Site> {
        if (!in)
            return in.error();
        return Site{"x", double(*in)};
    };
    const Expected<Site> passed = passOn(Error{"not found", ErrorCode::NotFound});
    QCOMPARE(passed.error().code, ErrorCode::NotFound);
    QCOMPARE(passed.error().message, std::string("not found"));
}

void TestExpected::errorCodeDefaultsToFailed()
{
    const Error e{"something"};
    QCOMPARE(e.code, ErrorCode::Failed);
    const planner::Expected<double> p = planner::Error{"plan.racks: not a whole number"};
    QCOMPARE(p.error().code, ErrorCode::Failed);
}

void TestExpected::voidFormIsSuccessOrError()
{
    const Status ok = writeNothing(false);
    QVERIFY(ok.ok());
    QVERIFY(bool(ok));
    QVERIFY(Status().ok()); // a default-constructed status is a success

    const Status cancelled = writeNothing(true);
    QVERIFY(!cancelled.ok());
    QVERIFY(!cancelled);
    QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    QCOMPARE(cancelled.error().message, std::string("cancelled"));

    // A status built from another Expected's error keeps it.
    const Expected<int> bad = parsePositive(0);
    const Status from = bad.error();
    QCOMPARE(from.error().message, bad.error().message);
}

void TestExpected::moveOnlyValuesMoveOut()
{
    Expected<std::unique_ptr<int>> owned = std::make_unique<int>(7);
    QVERIFY(owned);
    QCOMPARE(**owned, 7);
    std::unique_ptr<int> taken = std::move(owned).value();
    QVERIFY(taken);
    QCOMPARE(*taken, 7);

    auto make = [](bool fail) -> Expected<std::vector<std::unique_ptr<int>>> {
        if (fail)
            return Error{"no values", ErrorCode::NotReadable};
        std::vector<std::unique_ptr<int>> v;
        v.push_back(std::make_unique<int>(1));
        v.push_back(std::make_unique<int>(2));
        return v;
    };
    auto many = make(false);
    QCOMPARE(many->size(), std::size_t(2));
    const std::vector<std::unique_ptr<int>> values = *std::move(many);
    QCOMPARE(*values.back(), 2);
    QCOMPARE(make(true).error().code, ErrorCode::NotReadable);

    // The Expected itself moves, with its error.
    Expected<std::unique_ptr<int>> failed = Error{"gone", ErrorCode::NotFound};
    const Expected<std::unique_ptr<int>> moved = std::move(failed);
    QCOMPARE(moved.error().message, std::string("gone"));
}

void TestExpected::valueCanBeChangedInPlace()
{
    Expected<Site> site = Site{"Odessa", 50.0};
    site->mw = 75.0;
    (*site).name += " North";
    site.value().mw += 25.0;
    QCOMPARE(site->name, std::string("Odessa North"));
    QCOMPARE(site->mw, 100.0);
}

QTEST_APPLESS_MAIN(TestExpected)
#include "test_expected.moc"
