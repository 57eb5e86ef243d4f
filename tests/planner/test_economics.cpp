// SPDX-License-Identifier: GPL-3.0-or-later
// The first cost estimate on the bundled catalogs: roll-ups that can be checked by hand, the
// discounting against closed forms, sourced bands, what cannot be priced, and bad input.

#include "planner/core/catalogloader.h"
#include "planner/core/economics.h"
#include "planner/core/planjson.h"
#include "planner/core/planner.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <limits>

using namespace planner;

class TestEconomics : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void facilitySplitAddsUpToTheCostPerMw();
    void discountingMatchesClosedForms();
    void totalCapexPerKwIsInThePublishedBand();
    void unpricedSystemsAreMissingNotFree();
    void badCatalogAndInputsAreErrors_data();
    void badCatalogAndInputsAreErrors();

private:
    Expected<EconomicsResult> estimate(const EconomicsInputs &options = {}) const;
    std::optional<Catalog> m_catalog;
    std::optional<EconomicsCatalog> m_economics;
    std::optional<PlanRequest> m_request;
    std::optional<PlanResult> m_plan;
};

void TestEconomics::initTestCase()
{
    const std::string root = ENERGIZE_SOURCE_DIR;
    auto catalog = loadCatalog(root + "/resources/catalog");
    QVERIFY(catalog.ok());
    m_catalog = *catalog;
    auto economics = EconomicsCatalog::load(root + "/resources/catalog/economics.json");
    QVERIFY2(economics.ok(), economics.ok() ? "" : economics.error().message.c_str());
    m_economics = *economics;
    QFile file(QString::fromStdString(root + "/resources/examples/plan-100mw.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto request = parsePlanRequest(file.readAll().toStdString());
    QVERIFY(request.ok());
    m_request = *request;
    auto plan = planner::plan(m_request->input, m_request->site, *m_catalog);
    QVERIFY(plan.ok());
    m_plan = *plan;
}

Expected<EconomicsResult> TestEconomics::estimate(const EconomicsInputs &options) const
{
    return estimateEconomics(m_request->input, *m_plan, m_request->site, *m_economics, options);
}

void TestEconomics::facilitySplitAddsUpToTheCostPerMw()
{
    auto r = estimate();
    QVERIFY(r.ok());
    // Cushman & Wakefield 2025: 11.7 M USD per MW of critical load, split 53/21/10/10/4/2 %.
    const double facility = m_plan->itLoad.value() * 11.7e6;
    QVERIFY(std::abs(r->facilityCapex - facility) < 1.0);
    double split = 0.0;
    for (const CostLine &line : r->capex) {
        if (line.rate && line.rate->id.rfind("facility.share.", 0) == 0)
            split += line.usd;
    }
    QVERIFY(std::abs(split - facility) < 1.0); // the shares add to 100 %
    QVERIFY(std::abs(r->usdPerMwIt - 11.7e6) < 1e-3);
    double total = 0.0;
    for (const CostLine &line : r->capex)
        total += line.usd;
    QCOMPARE(r->totalCapex, total);
    // Land: campus hectares at the example's 603,000 USD/ha.
    bool land = false;
    for (const CostLine &line : r->capex) {
        if (line.category == "Land") {
            land = true;
            QVERIFY(std::abs(line.usd - m_plan->land.campus.value() * 603000.0) < 1.0);
        }
    }
    QVERIFY(land);
    // Energy: facility MWh at the example's 66 USD/MWh (EIA 2023, Texas industrial).
    QVERIFY(std::abs(r->energyPerYear - m_plan->annualEnergy.facility.value() * 66.0) < 1.0);
}

void TestEconomics::discountingMatchesClosedForms()
{
    QCOMPARE(capitalRecoveryFactor(0.0, 10), 0.1);
    // 8 % over 10 years: 0.149029 (standard annuity table).
    QVERIFY(std::abs(capitalRecoveryFactor(0.08, 10) - 0.1490295) < 1e-6);
    EconomicsInputs options;
    options.discountRate = 0.08;
    options.horizonYears = 10;
    auto r = estimate(options);
    QVERIFY(r.ok());
    double discounted = 0.0;
    for (int t = 1; t <= 10; ++t)
        discounted += r->opexPerYear / std::pow(1.08, t);
    QVERIFY(std::abs(r->npvTco - (r->totalCapex + discounted)) < 1e-6 * r->npvTco);
    const double yearly = r->annualisedCapex + r->opexPerYear;
    QVERIFY(r->usdPerAcceleratorHour);
    QVERIFY(std::abs(*r->usdPerAcceleratorHour - yearly / (m_plan->accelerators * 8760.0)) < 1e-9);
    // A higher discount rate never lowers the annualised capex.
    options.discountRate = 0.10;
    QVERIFY(estimate(options)->annualisedCapex > r->annualisedCapex);
}

void TestEconomics::totalCapexPerKwIsInThePublishedBand()
{
    // Thunder Said Energy 2025: an AI data centre including IT costs about 40,000 USD/kW, more
    // than half of it GPUs. The GB200 example must land in a band around that figure.
    auto r = estimate();
    QVERIFY(r.ok());
    const double perKw = r->totalCapex / (m_plan->itLoad.value() * 1000.0);
    QVERIFY2(perKw > 25000.0 && perKw < 60000.0, qPrintable(QString::number(perKw)));
    QVERIFY(*r->itCapex > 0.5 * r->totalCapex);
    // A GPU-hour of a fully owned GB200 campus costs a few dollars, not cents or hundreds.
    QVERIFY(*r->usdPerAcceleratorHour > 0.5 && *r->usdPerAcceleratorHour < 10.0);
}

void TestEconomics::unpricedSystemsAreMissingNotFree()
{
    PlanInput input = m_request->input;
    input.acceleratorId = "tpu-v7-ironwood"; // no public price in the facts file
    auto plan = planner::plan(input, m_request->site, *m_catalog);
    QVERIFY(plan.ok());
    auto r = estimateEconomics(input, *plan, m_request->site, *m_economics);
    QVERIFY(r.ok());
    QVERIFY(!r->itCapex);
    QVERIFY(!r->usdPerAcceleratorHour);
    bool said = false;
    for (const std::string &m : r->missing)
        said |= m.find("tpu-v7-ironwood") != std::string::npos;
    QVERIFY(said);
}

void TestEconomics::badCatalogAndInputsAreErrors_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not JSON") << "{"
                              << "not valid JSON";
    QTest::newRow("wrong kind") << R"({"schema_version":1,"kind":"costs","entries":[]})"
                                << "not an economics catalog";
    QTest::newRow("no typical")
            << R"({"schema_version":1,"kind":"economics","entries":[{"id":"a","unit":"USD","source":"s","year":"2024"}]})"
            << "entry 'a': field 'typical'";
    QTest::newRow("no source")
            << R"({"schema_version":1,"kind":"economics","entries":[{"id":"b","typical":1,"unit":"USD","year":"2024"}]})"
            << "entry 'b': field 'source'";
    QTest::newRow("min above typical")
            << R"({"schema_version":1,"kind":"economics","entries":[{"id":"c","min":5,"typical":1,"unit":"USD","source":"s","year":"2024"}]})"
            << "entry 'c': min";
}

void TestEconomics::badCatalogAndInputsAreErrors()
{
    QFETCH(QString, json);
    QFETCH(QString, expected);
    auto parsed = EconomicsCatalog::fromJson(json.toStdString(), "economics.json");
    QVERIFY(!parsed.ok());
    QVERIFY2(QString::fromStdString(parsed.error().message).contains(expected),
             parsed.error().message.c_str());
    QVERIFY(QString::fromStdString(parsed.error().message).startsWith("economics.json"));

    EconomicsInputs bad;
    bad.discountRate = std::numeric_limits<double>::quiet_NaN();
    QVERIFY(!estimate(bad).ok());
    bad.discountRate = 0.08;
    bad.horizonYears = 0;
    QVERIFY(!estimate(bad).ok());
}

QTEST_APPLESS_MAIN(TestEconomics)
#include "test_economics.moc"
