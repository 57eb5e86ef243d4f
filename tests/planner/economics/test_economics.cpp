// SPDX-License-Identifier: GPL-3.0-or-later
// The cost model: roll-ups that can be checked by hand on a small catalog written here, the
// price index, discounting with IT renewals against a direct sum, the bundled catalogs against
// published bands, what cannot be priced, options and bad input.

#include "planner/core/catalog/catalogloader.h"
#include "planner/core/economics/economics.h"
#include "planner/core/io/planjson.h"
#include "planner/core/sizing/planner.h"
#include "tests/support/shareddata.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <tuple>
#include <utility>

using namespace planner;

class TestEconomics : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void handCheckedRollUp();
    void escalationIndexBringsPricesForward();
    void facilitySplitAddsUpToTheCostPerMw();
    void discountingMatchesClosedForms();
    void optionsChangeWhatTheyShould();
    void planFileSectionsAreRead();
    void sourcesAreTraceable();
    void gridUpgradeFiguresFollowTheReference_data();
    void gridUpgradeFiguresFollowTheReference();
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

void TestEconomics::handCheckedRollUp()
{
    // A catalog small enough to check by hand: 10 M USD/MW in 2020 prices, an index that rose
    // 20 % to 2024, half site work and half shell, one accelerator at 1,000 USD.
    const char *json = R"({"schema_version": 2, "kind": "economics",
      "escalation": {"index": {"2020": 100, "2024": 120}, "default_price_year": 2024},
      "entries": [
        {"id": "finance.discount_rate", "typical": 0.1, "unit": "share/yr", "source": "t", "year": "t"},
        {"id": "finance.horizon_years", "typical": 10, "unit": "years", "source": "t", "year": "t"},
        {"id": "facility.cost_per_mw_it", "typical": 10e6, "unit": "USD/MW", "source": "t", "year": "2020", "price_year": 2020},
        {"id": "facility.share.site_work", "typical": 0.5, "unit": "share", "source": "t", "year": "t"},
        {"id": "facility.share.shell", "typical": 0.5, "unit": "share", "source": "t", "year": "t"},
        {"id": "opex.maintenance_share", "typical": 0.02, "unit": "share/yr", "source": "t", "year": "t"},
        {"id": "it.lifetime_years", "typical": 5, "unit": "years", "source": "t", "year": "t"},
        {"id": "accelerator.gb200-nvl72", "typical": 1000, "unit": "USD/accelerator", "source": "t", "year": "2024", "price_year": 2024}
      ]})";
    auto catalog = EconomicsCatalog::fromJson(json, "small.json");
    QVERIFY2(catalog.ok(), catalog.ok() ? "" : catalog.error().message.c_str());
    EconomicsInputs options;
    options.newSubstation = false;
    auto r = estimateEconomics(m_request->input, *m_plan, m_request->site, *catalog, options);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
    const double mw = m_plan->itLoad.value();
    QCOMPARE(r->priceYear, 2024);
    QVERIFY(std::abs(r->facilityCapex - mw * 12e6) < 1e-3); // 10 M × 1.2, both halves
    const double land = m_plan->land.campus.value() * 603000.0;
    QVERIFY(std::abs(r->landCapex - land) < 1e-3);
    QVERIFY(r->itCapex);
    QVERIFY(std::abs(*r->itCapex - double(m_plan->accelerators) * 1000.0) < 1e-6);
    QVERIFY(std::abs(r->totalCapex - (mw * 12e6 + land + *r->itCapex)) < 1e-3);
    const double energy = m_plan->annualEnergy.facility.value() * 66.0;
    QVERIFY(std::abs(r->opexPerYear - (energy + 0.02 * mw * 12e6)) < 1e-3);
    // Without rates, electrical, mechanical, the line and water are named, not priced at zero.
    auto said = [&](const char *what) {
        for (const std::string &m : r->missing) {
            if (m.find(what) != std::string::npos)
                return true;
        }
        return false;
    };
    QVERIFY(said("electrical and mechanical"));
    QVERIFY(said("transmission"));
    QVERIFY(said("water"));
    // TCO: capex now, the IT bought again in year 5, opex discounted year by year.
    const double it = *r->itCapex;
    double tco = r->totalCapex + it / std::pow(1.1, 5);
    for (int t = 1; t <= 10; ++t)
        tco += r->opexPerYear / std::pow(1.1, t);
    QVERIFY2(std::abs(r->npvTco - tco) < 1e-9 * tco,
             qPrintable(QString("%1 vs %2").arg(r->npvTco).arg(tco)));
    // Tokens: yearly cost over the tokens served at the average load.
    options.tokensPerSecondPerAccelerator = 500.0;
    auto withTokens =
            estimateEconomics(m_request->input, *m_plan, m_request->site, *catalog, options);
    QVERIFY(withTokens->usdPerMillionTokens);
    const double tokens = double(m_plan->accelerators) * 500.0 * 3600.0 * 8760.0
            * m_request->input.averageItLoadFraction;
    QVERIFY(std::abs(*withTokens->usdPerMillionTokens
                     - (withTokens->annualisedCapex + withTokens->opexPerYear) / tokens * 1e6)
            < 1e-12);
}

void TestEconomics::escalationIndexBringsPricesForward()
{
    const EscalationIndex &cpi = m_economics->escalation();
    // The facts file brings 2004 dollars to 2024 with a factor of about 1.66.
    QVERIFY(std::abs(cpi.factor(2004, 2024, 0.025) - 1.66) < 0.005);
    QCOMPARE(cpi.factor(2017, 2017, 0.025), 1.0);
    // Past the last year the index grows at the given rate; between years it is geometric.
    QVERIFY(std::abs(cpi.factor(2024, 2026, 0.03) - 1.03 * 1.03) < 1e-12);
    const double mid = cpi.at(2005, 0.0);
    QVERIFY(std::abs(mid - 188.9 * std::pow(207.342 / 188.9, 1.0 / 3.0)) < 1e-9);
    // A 2017 transformer price is dearer in 2025 prices than in 2017 prices.
    EconomicsInputs in2017;
    in2017.priceYear = 2017;
    auto old = estimate(in2017);
    auto now = estimate();
    QVERIFY(old.ok() && now.ok());
    auto substation = [](const EconomicsResult &r) {
        for (const CostLine &line : r.capex) {
            if (line.category == "Substation")
                return line.usd;
        }
        return 0.0;
    };
    QVERIFY(substation(*old) > 0.0);
    QVERIFY(std::abs(substation(*now) / substation(*old)
                     - m_economics->escalation().factor(2017, now->priceYear, 0.025))
            < 1e-9);
}

void TestEconomics::facilitySplitAddsUpToTheCostPerMw()
{
    auto r = estimate();
    QVERIFY(r.ok());
    // Cushman & Wakefield 2025: 11.7 M USD per MW of critical load (2024 prices), split
    // 53/21/10/10/4/2 %, plus soft costs and contingency. Facility cost per MW of an AI campus
    // lands between C&W's cheapest market (9.3 M) and the 20 M USD/MW reported for AI builds.
    QVERIFY2(r->usdPerMwIt > 9.3e6 && r->usdPerMwIt < 20e6,
             qPrintable(QString::number(r->usdPerMwIt)));
    double total = 0.0;
    for (const CostLine &line : r->capex)
        total += line.usd;
    QVERIFY(std::abs(r->totalCapex - total) < 1e-6 * total);
    QCOMPARE(r->capex.size(), r->capexGroups.size());
    // Land: campus hectares at the example's 603,000 USD/ha.
    QVERIFY(std::abs(r->landCapex - m_plan->land.campus.value() * 603000.0) < 1.0);
    // Energy: facility MWh at the example's 66 USD/MWh (EIA 2023, Texas industrial).
    QVERIFY(std::abs(r->energyPerYear - m_plan->annualEnergy.facility.value() * 66.0) < 1.0);
    double opex = 0.0;
    for (const CostLine &line : r->opex)
        opex += line.usd;
    QVERIFY(std::abs(r->opexPerYear - opex) < 1e-6 * opex);
    // Every category the issue names is priced by the bundled catalog.
    for (const char *category :
         {"Land", "Site work", "Building shell", "Electrical (MV, UPS, generators)",
          "Mechanical (cooling)", "Transmission extension", "Substation", "Network upgrades",
          "IT (accelerators)", "IT (networking)", "IT (storage)", "Soft costs",
          "Contingency (facility)"}) {
        bool found = false;
        for (const CostLine &line : r->capex)
            found |= line.category == category && line.usd > 0.0;
        QVERIFY2(found, category);
    }
    for (const char *category :
         {"Energy", "Water", "Maintenance", "Staff", "Insurance", "Property tax"}) {
        bool found = false;
        for (const CostLine &line : r->opex)
            found |= line.category == category && line.usd > 0.0;
        QVERIFY2(found, category);
    }
    // The assumptions used are listed so the report can flag them.
    QVERIFY(!r->assumptions.empty());
    for (const EconomicsEntry *e : r->assumptions)
        QVERIFY(e->status == "assumption" || e->status == "proxy");
}

void TestEconomics::discountingMatchesClosedForms()
{
    QCOMPARE(capitalRecoveryFactor(0.0, 10), 0.1);
    // 8 % over 10 years: 0.149029 (standard annuity table).
    QVERIFY(std::abs(capitalRecoveryFactor(0.08, 10) - 0.1490295) < 1e-6);
    EconomicsInputs options;
    options.discountRate = 0.08;
    options.horizonYears = 10;
    options.overrides["it.lifetime_years"] = 10; // IT lasts the horizon: no renewal
    auto r = estimate(options);
    QVERIFY(r.ok());
    double discounted = 0.0;
    for (int t = 1; t <= 10; ++t)
        discounted += r->opexPerYear / std::pow(1.08, t);
    QVERIFY(std::abs(r->npvTco - (r->totalCapex + discounted)) < 1e-6 * r->npvTco);
    const double yearly = r->annualisedCapex + r->opexPerYear;
    QVERIFY(r->usdPerAcceleratorHour);
    QVERIFY(std::abs(*r->usdPerAcceleratorHour - yearly / (m_plan->accelerators * 8760.0)) < 1e-9);
    // A higher discount rate never lowers the annualised capex; a shorter IT life raises it.
    options.discountRate = 0.10;
    QVERIFY(estimate(options)->annualisedCapex > r->annualisedCapex);
    options.discountRate = 0.08;
    options.overrides["it.lifetime_years"] = 5;
    QVERIFY(estimate(options)->npvTco > r->npvTco);
}

void TestEconomics::optionsChangeWhatTheyShould()
{
    auto base = estimate();
    QVERIFY(base.ok());
    auto line = [](const EconomicsResult &r, const std::string &category) {
        for (const CostLine &l : r.capex) {
            if (l.category == category)
                return l.usd;
        }
        for (const CostLine &l : r.opex) {
            if (l.category == category)
                return l.usd;
        }
        return -1.0;
    };
    // 2N UPS costs more electrical gear; nothing else in the facility moves.
    PlanInput twoN = m_request->input;
    twoN.ups = Redundancy::TwoN;
    auto r2n = estimateEconomics(twoN, *m_plan, m_request->site, *m_economics);
    QVERIFY(line(*r2n, "Electrical (MV, UPS, generators)")
            > 1.19 * line(*base, "Electrical (MV, UPS, generators)"));
    QCOMPARE(line(*r2n, "Building shell"), line(*base, "Building shell"));
    // Immersion's mechanical plant is cheaper than the reference air-cooled one (Iceotope).
    PlanInput immersion = m_request->input;
    immersion.coolingId = "immersion";
    PlanInput air = m_request->input;
    air.coolingId = "air-chillers";
    auto ri = estimateEconomics(immersion, *m_plan, m_request->site, *m_economics);
    auto ra = estimateEconomics(air, *m_plan, m_request->site, *m_economics);
    QVERIFY(line(*ri, "Mechanical (cooling)") < line(*ra, "Mechanical (cooling)"));
    // A demand charge adds peak kW × rate × 12 to opex.
    EconomicsInputs demand;
    demand.demandChargeUsdPerKwMonth = 10.0;
    auto rd = estimate(demand);
    const double expected = m_plan->electrical.peakFacilityLoad.value() * 1000.0 * 10.0 * 12.0;
    QVERIFY(std::abs(line(*rd, "Demand charges") - expected) < 1e-6);
    QVERIFY(std::abs(rd->opexPerYear - base->opexPerYear - expected) < 1e-3);
    // No new substation: the line disappears; the utility's study replaces the catalog rate.
    EconomicsInputs existing;
    existing.newSubstation = false;
    existing.networkUpgradesUsd = 25e6;
    auto re = estimate(existing);
    QCOMPARE(line(*re, "Substation"), -1.0);
    QCOMPARE(line(*re, "Network upgrades"), 25e6);
    // Bridging power is bought for the first phase at its rate.
    EconomicsInputs bridging;
    bridging.bridging = BridgingPower{"Gas engines", 50000.0, 2000.0, "bridging.test.cost", 0};
    auto rb = estimate(bridging);
    QCOMPARE(line(*rb, "Bridging power"), 100e6);
    bool fuelSaid = false;
    for (const std::string &m : rb->missing)
        fuelSaid |= m.find("fuel") != std::string::npos;
    QVERIFY(fuelSaid); // its running cost is not priced, and the estimate says so
    // A site without a land price is priced at the catalog's US average and says so.
    SiteConditions noPrice = m_request->site;
    noPrice.landPrice = UsdPerHectare(0.0);
    auto rl = estimateEconomics(m_request->input, *m_plan, noPrice, *m_economics);
    QVERIFY(rl->landCapex > 0.0);
    bool said = false;
    for (const CostLine &l : rl->capex)
        said |= l.category == "Land" && l.basis.find("catalog average") != std::string::npos;
    QVERIFY(said);
}

void TestEconomics::planFileSectionsAreRead()
{
    // The bundled example carries both optional sections.
    QCOMPARE(m_request->schedule.market, std::string("ercot"));
    QVERIFY(m_request->schedule.start == (YearMonth{2027, 1}));
    QVERIFY(m_request->schedule.bridging.empty());
    QCOMPARE(*m_request->economics.priceYear, 2025);
    QCOMPARE(*m_request->economics.tokensPerSecondPerAccelerator, 1000.0);
    QVERIFY(m_request->economics.newSubstation);
    // Edited copies: every field read, bad values named by their path.
    QFile file(QString(ENERGIZE_SOURCE_DIR) + "/resources/examples/plan-100mw.json");
    QVERIFY(file.open(QIODevice::ReadOnly));
    const std::string example = file.readAll().toStdString();
    auto edited = [&](const std::string &from, const std::string &to) {
        std::string text = example;
        const auto at = text.find(from);
        if (at == std::string::npos)
            return Expected<PlanRequest>(Error{"test: '" + from + "' not in the example"});
        text.replace(at, from.size(), to);
        return parsePlanRequest(text);
    };
    auto ok = edited(R"("price_year": 2025)",
                     R"("price_year": 2026, "discount_rate": 0.07, "new_substation": false,
                        "demand_charge_usd_per_kw_month": 12.5, "network_upgrades_usd": 3e7)");
    QVERIFY2(ok.ok(), ok.ok() ? "" : ok.error().message.c_str());
    QCOMPARE(*ok->economics.priceYear, 2026);
    QCOMPARE(*ok->economics.discountRate, 0.07);
    QCOMPARE(*ok->economics.demandChargeUsdPerKwMonth, 12.5);
    QCOMPARE(*ok->economics.networkUpgradesUsd, 3e7);
    QVERIFY(!ok->economics.newSubstation);
    auto bridging = edited(R"("bridging": "")", R"("bridging": "battery")");
    QVERIFY(bridging.ok());
    QCOMPARE(bridging->schedule.bridging, std::string("battery"));
    for (const auto &[from, to, path] :
         {std::tuple{R"("start": "2027-01")", R"("start": "2027-13")", "schedule.start"},
          std::tuple{R"("start": "2027-01")", R"("start": "soon")", "schedule.start"},
          std::tuple{R"("price_year": 2025)", R"("price_year": 1066)", "economics.price_year"},
          std::tuple{R"("price_year": 2025)", R"("price_year": 2025, "discount_rate": "low")",
                     "economics.discount_rate"}}) {
        auto bad = edited(from, to);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.rfind(path, 0) == 0, bad.error().message.c_str());
    }
}

void TestEconomics::sourcesAreTraceable()
{
    // Every rate has a source, a year and a known status, money has its price year, and an
    // entry without a web source is an assumption or names its row of the reference file. Web
    // sources are looked up in the project's own list beside the catalogs and, where the shared
    // reference file is next to the source tree (not on a clean clone), in that file too.
    const std::string root = ENERGIZE_SOURCE_DIR;
    std::ifstream extra(root + "/resources/catalog/additional-facts.csv");
    QVERIFY(extra);
    std::stringstream text;
    text << extra.rdbuf();
    std::ifstream facts(root + "/../shared/reference/engineering-facts.csv");
    const bool haveFacts = bool(facts);
    if (haveFacts)
        text << facts.rdbuf();
    const std::string csv = text.str();
    const std::set<std::string> statuses{"stated", "secondary", "derived", "proxy", "assumption"};
    for (const EconomicsEntry &e : m_economics->entries()) {
        QVERIFY2(!e.source.empty() && !e.year.empty(), e.id.c_str());
        QVERIFY2(statuses.count(e.status), e.id.c_str());
        if (e.unit.rfind("USD", 0) == 0 && e.status != "assumption")
            QVERIFY2(e.priceYear.has_value(), e.id.c_str()); // money needs its price year
        const bool web = e.source.rfind("http", 0) == 0;
        if (web && haveFacts)
            QVERIFY2(csv.find(e.source) != std::string::npos, e.id.c_str());
        if (!web && e.status != "assumption" && haveFacts) {
            // Without a web source: a row of the reference file by name, or its item text.
            const std::string item = e.source.substr(0, e.source.find(" ("));
            QVERIFY2(e.source.find("engineering-facts.csv") != std::string::npos
                             || csv.find(item) != std::string::npos,
                     e.id.c_str());
        }
    }
    // The price index's source is in the project's own list, on every checkout.
    QVERIFY(csv.find(m_economics->escalation().source) != std::string::npos);
}

// The network-upgrade rates per MW of shortfall and km, from the reference rows they name
// (figures copied here by hand; where engineering-facts.csv is next to the source tree, its
// row must still say the same): the MISO-typical cost per mile of a single circuit over its
// rating, or ReEDS's cost per MW-mile, over 1.609344 km per mile, in 2004 prices.
void TestEconomics::gridUpgradeFiguresFollowTheReference_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("field"); // min, typical or max of the entry
    QTest::addColumn<QString>("item"); // engineering-facts.csv: item, parameter, column, part
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("part"); // index in a cell such as "2022 / 1167 / 1213"
    QTest::addColumn<double>("reference");
    QTest::addColumn<double>("toUsdPerMwKm");
    constexpr double mile = 1.609344;
    const struct
    {
        const char *kv;
        const char *item;
        double rating;
        double perMile[3]; // M USD per mile: min, typical, max
    } lines[] = {{"138",
                  "Transmission line 138 kV single-circuit (rating 205 MW)",
                  205,
                  {0.73, 1.07, 1.54}},
                 {"230",
                  "Transmission line 230 kV single-circuit (rating 400 MW)",
                  400,
                  {1.16, 1.25, 2.25}},
                 {"500",
                  "Transmission line 500 kV single-circuit (rating 1500 MW)",
                  1500,
                  {2.06, 2.06, 3.54}}};
    const char *fields[] = {"min", "typical", "max"};
    for (const auto &l : lines) {
        for (int f = 0; f < 3; ++f) {
            QTest::addRow("%s kV %s", l.kv, fields[f])
                    << QString("grid_upgrade.line_per_mw_km.") + l.kv << fields[f] << l.item
                    << "capital cost per mile" << 3 + f << 0 << l.perMile[f]
                    << 1e6 / l.rating / mile;
        }
    }
    const char *reeds = "Transmission line 345 kV / 500 kV / 765 kV AC";
    QTest::newRow("345 kV") << "grid_upgrade.line_per_mw_km.345"
                            << "typical" << reeds << "base cost per MW-mile" << 4 << 0 << 2022.0
                            << 1.0 / mile;
    QTest::newRow("765 kV") << "grid_upgrade.line_per_mw_km.765"
                            << "typical" << reeds << "base cost per MW-mile" << 4 << 2 << 1213.0
                            << 1.0 / mile;
    const char *ring = "3-breaker ring-bus substation (no transformer)";
    QTest::newRow("substation min") << "grid_upgrade.substation_expansion"
                                    << "min" << ring << "cost at 138 kV" << 3 << 0 << 5.91 << 1e6;
    QTest::newRow("substation max") << "grid_upgrade.substation_expansion"
                                    << "max" << ring << "cost at 138 kV" << 5 << 0 << 8.81 << 1e6;
}

void TestEconomics::gridUpgradeFiguresFollowTheReference()
{
    QFETCH(QString, id);
    QFETCH(QString, field);
    QFETCH(QString, item);
    QFETCH(QString, parameter);
    QFETCH(int, column);
    QFETCH(int, part);
    QFETCH(double, reference);
    QFETCH(double, toUsdPerMwKm);
    const EconomicsEntry *e = m_economics->find(id.toStdString());
    QVERIFY2(e, qPrintable(id));
    QVERIFY(e->priceYear);
    QVERIFY(!e->source.empty() && !e->year.empty());
    const double value = field == "min" ? e->min : field == "max" ? e->max : e->typical;
    QVERIFY2(std::abs(value - reference * toUsdPerMwKm) <= 0.5,
             qPrintable(QString("%1 vs %2").arg(value).arg(reference * toUsdPerMwKm)));
    QFile csv(QString::fromStdString(std::string(ENERGIZE_SOURCE_DIR)
                                     + "/../shared/reference/engineering-facts.csv"));
    if (!csv.open(QIODevice::ReadOnly)) // the copied figure above is then all there is
        MISSING_SHARED_DATA(csv.fileName().toStdString() + " not found");
    int found = 0;
    while (!csv.atEnd()) {
        const QString line = QString::fromUtf8(csv.readLine()).trimmed();
        QStringList cells;
        QString cell;
        bool quoted = false;
        for (QChar ch : line) {
            if (ch == '"')
                quoted = !quoted;
            else if (ch == ',' && !quoted)
                cells << std::exchange(cell, QString());
            else
                cell += ch;
        }
        cells << cell;
        if (cells.size() < 9 || cells[1] != item || !cells[2].startsWith(parameter))
            continue;
        ++found;
        QVERIFY2(e->source == cells[8].toStdString() || e->status == "assumption",
                 qPrintable(cells[8]));
        const QStringList parts = cells[column].split(" / ");
        QVERIFY(part < parts.size());
        QCOMPARE(parts[part].toDouble(), reference);
    }
    QVERIFY2(found == 1, qPrintable(item));
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
    // Every catalog system is priced (test_prices); a custom system has no catalog price.
    PlanInput input = m_request->input;
    AcceleratorSystem custom = *m_catalog->findAccelerator("tpu-v7-ironwood");
    custom.id = "my-asic";
    custom.name = "An unpriced custom system";
    input.customAccelerator = custom;
    auto plan = planner::plan(input, m_request->site, *m_catalog);
    QVERIFY(plan.ok());
    auto r = estimateEconomics(input, *plan, m_request->site, *m_economics);
    QVERIFY(r.ok());
    QVERIFY(!r->itCapex);
    QVERIFY(!r->usdPerAcceleratorHour);
    bool said = false;
    for (const std::string &m : r->missing)
        said |= m.find("my-asic") != std::string::npos;
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
    QTest::newRow("newer file") << R"({"schema_version":3,"kind":"economics","entries":[]})"
                                << "newer Energize";
    QTest::newRow("bad index")
            << R"({"schema_version":2,"kind":"economics","escalation":{"index":{"20x4":1}},"entries":[]})"
            << "not a year";
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
    EconomicsInputs unknown;
    unknown.overrides["no.such.rate"] = 1.0;
    QVERIFY(!estimate(unknown).ok());
    QVERIFY(QString::fromStdString(estimate(unknown).error().message).contains("no.such.rate"));
    EconomicsInputs negative;
    negative.demandChargeUsdPerKwMonth = -3.0;
    QVERIFY(!estimate(negative).ok());
}

QTEST_APPLESS_MAIN(TestEconomics)
#include "test_economics.moc"
