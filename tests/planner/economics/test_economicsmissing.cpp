// SPDX-License-Identifier: GPL-3.0-or-later
// A catalog figure the cost model needs but cannot find is never replaced by a number written in
// code: each one, removed from a copy of the shipped economics catalog, is either listed by id
// in the estimate's `missing` (and its line is not priced) or makes the estimate fail with an
// error naming the id. The full catalog lists none of them.

#include "planner/core/catalog/catalogloader.h"
#include "planner/core/economics/economics.h"
#include "planner/core/io/planjson.h"
#include "planner/core/sizing/planner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace planner;

class TestEconomicsMissing : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fullCatalogListsNone();
    void removedFigureIsReported_data();
    void removedFigureIsReported();

private:
    // The estimate of the example plan on the shipped catalog without entry `drop`.
    Expected<EconomicsResult> estimateWithout(const QString &drop, bool twoN);

    QJsonObject m_economics;
    std::optional<Catalog> m_catalog;
    std::optional<PlanRequest> m_request;
};

void TestEconomicsMissing::initTestCase()
{
    const QString root = ENERGIZE_SOURCE_DIR;
    QFile economics(root + "/resources/catalog/economics.json");
    QVERIFY(economics.open(QIODevice::ReadOnly));
    m_economics = QJsonDocument::fromJson(economics.readAll()).object();
    QVERIFY(!m_economics.value("entries").toArray().isEmpty());
    auto catalog = loadCatalog((root + "/resources/catalog").toStdString());
    QVERIFY(catalog.ok());
    m_catalog = *catalog;
    QFile plan(root + "/resources/examples/plan-100mw.json");
    QVERIFY(plan.open(QIODevice::ReadOnly));
    auto request = parsePlanRequest(plan.readAll().toStdString());
    QVERIFY(request.ok());
    m_request = *request;
}

Expected<EconomicsResult> TestEconomicsMissing::estimateWithout(const QString &drop, bool twoN)
{
    QJsonArray kept;
    for (const QJsonValue &entry : m_economics.value("entries").toArray()) {
        if (entry.toObject().value("id").toString() != drop)
            kept.append(entry);
    }
    QJsonObject copy = m_economics;
    copy.insert("entries", kept);
    auto catalog = EconomicsCatalog::fromJson(QJsonDocument(copy).toJson().toStdString(),
                                              "economics.json");
    if (!catalog)
        return catalog.error();
    if (!drop.isEmpty() && catalog->find(drop.toStdString()))
        return Error{"the test did not remove " + drop.toStdString()};
    PlanInput input = m_request->input;
    if (twoN)
        input.ups = Redundancy::TwoN;
    auto planned = plan(input, m_request->site, *m_catalog);
    if (!planned)
        return planned.error();
    return estimateEconomics(input, *planned, m_request->site, *catalog, m_request->economics);
}

namespace {

bool lists(const EconomicsResult &r, const std::string &what)
{
    return std::any_of(r.missing.begin(), r.missing.end(),
                       [&](const std::string &m) { return m.find(what) != std::string::npos; });
}

bool prices(const EconomicsResult &r, const std::string &category)
{
    return std::any_of(r.capex.begin(), r.capex.end(),
                       [&](const CostLine &l) { return l.category.find(category) == 0; });
}

const char *const kChecked[] = {"electrical.share_of_critical", "electrical.factor.2N",
                                "mechanical.factor.",           "transmission.route_factor",
                                "site.land_price_band",         "opex.electricity_price_band"};

} // namespace

void TestEconomicsMissing::fullCatalogListsNone()
{
    for (bool twoN : {false, true}) {
        auto r = estimateWithout({}, twoN);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        for (const char *id : kChecked)
            QVERIFY2(!lists(*r, id), id);
        for (const char *category : {"Electrical", "Mechanical", "Transmission", "Land"})
            QVERIFY2(prices(*r, category), category);
    }
}

void TestEconomicsMissing::removedFigureIsReported_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("twoN");
    QTest::addColumn<bool>("fails"); // an error naming the id, not a line in `missing`
    QTest::addColumn<QString>("unpriced"); // the capex line that must be gone, if any
    QTest::newRow("electrical share")
            << "electrical.share_of_critical" << false << false << "Electrical";
    QTest::newRow("2N factor") << "electrical.factor.2N" << true << false << "Electrical";
    QTest::newRow("cooling factor")
            << "mechanical.factor.dlc-dry-coolers" << false << false << "Mechanical";
    QTest::newRow("route factor") << "transmission.route_factor" << false << false
                                  << "Transmission";
    QTest::newRow("land band") << "site.land_price_band" << false << false << "";
    QTest::newRow("electricity band") << "opex.electricity_price_band" << false << false << "";
    QTest::newRow("IT life") << "it.lifetime_years" << false << true << "";
    // The shipped index ends before the default price year, so prices need the rate after it.
    QTest::newRow("rate after index") << "escalation.rate_after_index" << false << true << "";
}

void TestEconomicsMissing::removedFigureIsReported()
{
    QFETCH(QString, id);
    QFETCH(bool, twoN);
    QFETCH(bool, fails);
    QFETCH(QString, unpriced);
    auto r = estimateWithout(id, twoN);
    if (fails) {
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.find(id.toStdString()) != std::string::npos,
                 r.error().message.c_str());
        return;
    }
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
    QVERIFY2(lists(*r, id.toStdString()), qPrintable(id));
    if (!unpriced.isEmpty())
        QVERIFY2(!prices(*r, unpriced.toStdString()), qPrintable(unpriced));
}

QTEST_APPLESS_MAIN(TestEconomicsMissing)
#include "test_economicsmissing.moc"
