// SPDX-License-Identifier: GPL-3.0-or-later
// The project's named build plans: saved as tables (energize_plans, energize_plan_phases) and
// read back field by field, migrated from an older project's single plan, changed only through
// undo commands (one step each), bad values refused with the field named, and listed by the
// PlansModel.

#include "../support_oldproject.h"
#include "planner/core/site/buildplan.h"
#include "planner/session/document.h"
#include "planner/session/plancommands.h"
#include "planner/session/plansmodel.h"
#include "planner/session/sitecommands.h"
#include "planner/store/projectfile.h"
#include "planner/store/sqlitedatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace planner;

class TestBuildPlans : public QObject
{
    Q_OBJECT
private slots:
    void plansSurviveSaveAndOpenFieldByField();
    void singlePlanOfSchema2OpensAsPlanA();
    void schema2WithoutPlanOpensWithNone();
    void everyOperationIsOneUndoStep();
    void badValuesAreRefusedWithTheField_data();
    void badValuesAreRefusedWithTheField();
    void badValueInTheFileSkipsThePlanWithAMessage_data();
    void badValueInTheFileSkipsThePlanWithAMessage();
    void modelFollowsTheDocument();

private:
    QTemporaryDir m_dir;
};

namespace {

// Every field of a plan set away from its default.
PlanSpec everyField()
{
    PlanSpec s;
    s.input.targetItLoad = Megawatts(123.5);
    s.input.acceleratorId = "tpu-v7-ironwood";
    s.input.coolingId = "immersion";
    s.input.transformers = Redundancy::TwoN;
    s.input.ups = Redundancy::TwoN;
    s.input.generators = Redundancy::None;
    s.input.cooling = Redundancy::N;
    s.input.phases = {Megawatts(23.5), Megawatts(100.0)};
    s.input.interconnection = Kilovolts(345.0);
    s.input.averageItLoadFraction = 0.65;
    s.schedule.market = "pjm";
    s.schedule.start = YearMonth{2028, 4};
    s.schedule.bridging = "gas_turbine";
    s.economics.priceYear = 2024;
    s.economics.discountRate = 0.07;
    s.economics.horizonYears = 15;
    s.economics.tokensPerSecondPerAccelerator = 850.0;
    s.economics.demandChargeUsdPerKwMonth = 9.5;
    s.economics.networkUpgradesUsd = 4.2e7;
    s.economics.newSubstation = false;
    return s;
}

// The other shape: racks instead of MW, a custom accelerator, defaults elsewhere.
PlanSpec racksAndCustomAccelerator()
{
    PlanSpec s;
    s.input.rackCount = 240;
    AcceleratorSystem a;
    a.id = "my-rack";
    a.name = "My rack";
    a.rackItPowerKw.value = 80.0;
    a.acceleratorsPerRack.value = 32.0;
    a.liquidHeatFraction.value = 0.7;
    a.requiresLiquid = true;
    s.input.customAccelerator = a;
    s.input.acceleratorId = a.id;
    s.input.coolingId = "dlc-dry-coolers";
    return s;
}

std::string specText(const BuildPlan &plan)
{
    return planSpecToJson(plan.spec);
}

} // namespace

void TestBuildPlans::plansSurviveSaveAndOpenFieldByField()
{
    Document doc;
    const auto abilene = commands::addSite(doc, "Abilene", -99.78, 32.40);
    const auto a = commands::addPlan(doc, "All fields", abilene, everyField());
    const auto b = commands::addPlan(doc, "Racks", 0, racksAndCustomAccelerator());
    commands::addPlan(doc, "Same site", abilene, PlanSpec{racksAndCustomAccelerator()});
    const QString path = m_dir.filePath("plans.gpkg");
    QVERIFY2(doc.save(path).ok(), "save failed");

    Document reopened;
    QVERIFY2(reopened.load(path).ok(), "load failed");
    QVERIFY(reopened.loadWarnings().isEmpty());
    QCOMPARE(reopened.plans().size(), std::size_t(3));
    const BuildPlan &p = reopened.plans()[0];
    QCOMPARE(p.id, a);
    QCOMPARE(p.name, std::string("All fields"));
    QCOMPARE(p.siteId, abilene);
    const PlanSpec want = everyField();
    QCOMPARE(p.spec.input.targetItLoad->value(), 123.5);
    QVERIFY(!p.spec.input.rackCount);
    QCOMPARE(p.spec.input.acceleratorId, want.input.acceleratorId);
    QVERIFY(!p.spec.input.customAccelerator);
    QCOMPARE(p.spec.input.coolingId, want.input.coolingId);
    QCOMPARE(p.spec.input.transformers, Redundancy::TwoN);
    QCOMPARE(p.spec.input.ups, Redundancy::TwoN);
    QCOMPARE(p.spec.input.generators, Redundancy::None);
    QCOMPARE(p.spec.input.cooling, Redundancy::N);
    QCOMPARE(p.spec.input.phases.size(), std::size_t(2));
    QCOMPARE(p.spec.input.phases[0].value(), 23.5);
    QCOMPARE(p.spec.input.phases[1].value(), 100.0);
    QCOMPARE(p.spec.input.interconnection->value(), 345.0);
    QCOMPARE(p.spec.input.averageItLoadFraction, 0.65);
    QCOMPARE(p.spec.schedule.market, std::string("pjm"));
    QVERIFY(p.spec.schedule.start == (YearMonth{2028, 4}));
    QCOMPARE(p.spec.schedule.bridging, std::string("gas_turbine"));
    QCOMPARE(*p.spec.economics.priceYear, 2024);
    QCOMPARE(*p.spec.economics.discountRate, 0.07);
    QCOMPARE(*p.spec.economics.horizonYears, 15);
    QCOMPARE(*p.spec.economics.tokensPerSecondPerAccelerator, 850.0);
    QCOMPARE(*p.spec.economics.demandChargeUsdPerKwMonth, 9.5);
    QCOMPARE(*p.spec.economics.networkUpgradesUsd, 4.2e7);
    QCOMPARE(p.spec.economics.newSubstation, false);

    const BuildPlan &r = reopened.plans()[1];
    QCOMPARE(r.id, b);
    QCOMPARE(r.siteId, std::int64_t(0));
    QCOMPARE(*r.spec.input.rackCount, 240);
    QVERIFY(!r.spec.input.targetItLoad);
    QVERIFY(r.spec.input.customAccelerator);
    QCOMPARE(r.spec.input.customAccelerator->name, std::string("My rack"));
    QCOMPARE(r.spec.input.customAccelerator->rackItPowerKw.value, 80.0);
    QCOMPARE(r.spec.input.customAccelerator->acceleratorsPerRack.value, 32.0);
    QCOMPARE(r.spec.input.customAccelerator->liquidHeatFraction.value, 0.7);
    QVERIFY(r.spec.input.customAccelerator->requiresLiquid);
    QVERIFY(r.spec.input.phases.empty());
    QVERIFY(!r.spec.input.interconnection);
    QVERIFY(r.spec.schedule.market.empty());
    QVERIFY(!r.spec.schedule.start);
    QVERIFY(!r.spec.economics.discountRate);
    QVERIFY(r.spec.economics.newSubstation);
    // Nothing else is lost: the whole spec reads back the same, and ids keep counting.
    for (std::size_t i = 0; i < 3; ++i)
        QCOMPARE(specText(reopened.plans()[i]), specText(doc.plans()[i]));
    QCOMPARE(reopened.allocatePlanId(), doc.allocatePlanId());

    // Real tables, one column per field and one row per phase, not a JSON blob.
    auto db = SqliteDatabase::open(path.toStdString(), SqliteDatabase::Mode::ReadOnly);
    QCOMPARE(*db->queryInteger("SELECT count(*) FROM energize_plans"), std::int64_t(3));
    QCOMPARE(*db->queryInteger("SELECT count(*) FROM energize_plan_phases"), std::int64_t(2));
    QCOMPARE(*db->queryInteger("SELECT horizon_years FROM energize_plans WHERE name = "
                               "'All fields'"),
             std::int64_t(15));
}

void TestBuildPlans::singlePlanOfSchema2OpensAsPlanA()
{
    const QString path = m_dir.filePath("schema2.gpkg");
    const std::string plan =
            R"({"it_load_mw": 60, "accelerator": "hgx-h200", "cooling": "air-chillers",
                "redundancy": {"transformers": "2N", "ups": "N+1", "generators": "N+1",
                               "cooling": "N"},
                "phases_mw": [20, 40], "interconnection_kv": "auto",
                "schedule": {"market": "ercot", "start": "2029-02", "bridging": "battery"},
                "economics": {"price_year": 2025, "discount_rate": 0.09}})";
    const std::string written = fixtures::writeSchema2Project(path.toStdString(), plan);
    QVERIFY2(written.empty(), written.c_str());

    Document doc;
    QVERIFY2(doc.load(path).ok(), "load failed");
    QVERIFY2(doc.loadWarnings().isEmpty(), qPrintable(doc.loadWarnings().join('\n')));
    QCOMPARE(doc.plans().size(), std::size_t(1));
    const BuildPlan &p = doc.plans().front();
    QCOMPARE(p.name, std::string("Plan A"));
    QCOMPARE(p.siteId, doc.sites().front().id);
    QCOMPARE(p.spec.input.targetItLoad->value(), 60.0);
    QCOMPARE(p.spec.input.acceleratorId, std::string("hgx-h200"));
    QCOMPARE(p.spec.input.transformers, Redundancy::TwoN);
    QCOMPARE(p.spec.input.phases.size(), std::size_t(2));
    QVERIFY(p.spec.schedule.start == (YearMonth{2029, 2}));
    QCOMPARE(p.spec.schedule.bridging, std::string("battery"));
    QCOMPARE(*p.spec.economics.discountRate, 0.09);
    // The old app planned with the project's market, whatever the plan said: so does Plan A.
    QVERIFY(p.spec.schedule.market.empty());
    // Nothing else is lost.
    QCOMPARE(doc.sites().size(), std::size_t(2));
    QCOMPARE(doc.layers().size(), std::size_t(1));
    QCOMPARE(doc.scoring().weights.at("slope"), 2.5);
    QCOMPARE(doc.scoring().market, std::string("pjm"));
    QCOMPARE(doc.allocateSiteId(), std::int64_t(3));
    // The file is untouched; a save writes schema 3 and the plan comes back from the tables.
    QCOMPARE(readProjectFile(path.toStdString())->schemaVersion, 2);
    QVERIFY2(doc.save(path).ok(), "save failed");
    QCOMPARE(readProjectFile(path.toStdString())->schemaVersion, kProjectSchemaVersion);
    Document again;
    QVERIFY2(again.load(path).ok(), "load failed");
    QCOMPARE(again.plans().size(), std::size_t(1));
    QCOMPARE(specText(again.plans().front()), specText(p));
    QCOMPARE(again.scoring(), doc.scoring());
}

void TestBuildPlans::schema2WithoutPlanOpensWithNone()
{
    const QString path = m_dir.filePath("schema2-default.gpkg");
    QVERIFY(fixtures::writeSchema2Project(path.toStdString(), "").empty());
    Document doc;
    QVERIFY2(doc.load(path).ok(), "load failed");
    QVERIFY(doc.plans().empty()); // its sites keep the default plan, as before
    QCOMPARE(doc.sites().size(), std::size_t(2));
}

void TestBuildPlans::everyOperationIsOneUndoStep()
{
    Document doc;
    const auto site1 = commands::addSite(doc, "One", -99.0, 32.0);
    const auto site2 = commands::addSite(doc, "Two", -98.0, 31.0);
    doc.undoStack()->clear();
    QUndoStack &undo = *doc.undoStack();
    // Each step: the change, one command, undo restores the plans, redo makes the change again.
    auto check = [&](const char *what, auto change) {
        std::vector<std::string> before;
        for (const BuildPlan &p : doc.plans())
            before.push_back(std::to_string(p.id) + p.name + std::to_string(p.siteId)
                             + specText(p));
        const int count = undo.count();
        QSignalSpy changed(&doc, &Document::changed);
        QVERIFY2(change(), what);
        QVERIFY2(undo.count() == count + 1, what);
        QVERIFY2(changed.count() >= 1, what);
        std::vector<std::string> after;
        for (const BuildPlan &p : doc.plans())
            after.push_back(std::to_string(p.id) + p.name + std::to_string(p.siteId) + specText(p));
        QVERIFY2(after != before, what);
        undo.undo();
        std::vector<std::string> undone;
        for (const BuildPlan &p : doc.plans())
            undone.push_back(std::to_string(p.id) + p.name + std::to_string(p.siteId)
                             + specText(p));
        QVERIFY2(undone == before, what);
        undo.redo();
        std::vector<std::string> redone;
        for (const BuildPlan &p : doc.plans())
            redone.push_back(std::to_string(p.id) + p.name + std::to_string(p.siteId)
                             + specText(p));
        QVERIFY2(redone == after, what);
    };
    std::int64_t a = 0, copy = 0;
    check("new", [&] {
        return (a = commands::addPlan(doc, commands::unusedPlanName(doc), site1, everyField()))
                != 0;
    });
    QCOMPARE(doc.plans().front().name, std::string("Plan A"));
    check("duplicate", [&] { return (copy = commands::duplicatePlan(doc, a)) != 0; });
    QCOMPARE(doc.plans()[1].name, std::string("Copy of Plan A"));
    QCOMPARE(doc.plans()[1].siteId, site1);
    QCOMPARE(specText(doc.plans()[1]), specText(doc.plans()[0]));
    QCOMPARE(commands::unusedPlanName(doc), QString("Plan B"));
    check("rename", [&] { return commands::renamePlan(doc, copy, "TPU variant"); });
    check("site", [&] { return commands::setPlanSite(doc, copy, site2); });
    check("edit", [&] {
        PlanSpec s = everyField();
        s.input.acceleratorId = "gb200-nvl72";
        return commands::setPlanSpec(doc, copy, QString::fromStdString(planSpecToJson(s)),
                                     "accelerator");
    });
    QCOMPARE(doc.plan(copy)->spec.input.acceleratorId, std::string("gb200-nvl72"));
    check("move up", [&] { return commands::movePlan(doc, copy, 0); });
    QCOMPARE(doc.plans().front().id, copy);
    check("move down", [&] { return commands::movePlan(doc, copy, 1); });
    check("delete", [&] { return commands::removePlan(doc, a); });
    QCOMPARE(doc.plans().size(), std::size_t(1));
    // No change, no command.
    const int count = undo.count();
    QVERIFY(!commands::renamePlan(doc, copy, "TPU variant"));
    QVERIFY(!commands::renamePlan(doc, copy, "   "));
    QVERIFY(!commands::movePlan(doc, copy, 0));
    QVERIFY(!commands::removePlan(doc, 999));
    QCOMPARE(commands::duplicatePlan(doc, 999), std::int64_t(0));
    QCOMPARE(undo.count(), count);
}

void TestBuildPlans::badValuesAreRefusedWithTheField_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("field");
    const QString base = R"({"it_load_mw": 50, "accelerator": "hgx-h200", "cooling": "air-chillers",
        "redundancy": {"transformers": "N+1", "ups": "%1", "generators": "N+1", "cooling": "N"},
        "schedule": {"start": "%2"}, "economics": {"discount_rate": %3}})";
    QTest::newRow("ups") << base.arg("3N", "2027-01", "0.08") << "plan.redundancy.ups";
    QTest::newRow("start") << base.arg("N+1", "2027-13", "0.08") << "schedule.start";
    QTest::newRow("discount") << base.arg("N+1", "2027-01", "1.5") << "economics.discount_rate";
    QTest::newRow("no load") << R"({"accelerator": "hgx-h200", "cooling": "air-chillers",
        "redundancy": {"transformers": "N", "ups": "N+1", "generators": "N", "cooling": "N"}})"
                             << "plan.it_load_mw";
    QTest::newRow("not json") << "{"
                              << "not valid JSON";
}

void TestBuildPlans::badValuesAreRefusedWithTheField()
{
    QFETCH(QString, json);
    QFETCH(QString, field);
    Document doc;
    const auto id = commands::addPlan(doc, "A", 0, everyField());
    const std::string before = specText(*doc.plan(id));
    const int count = doc.undoStack()->count();
    QString error;
    QVERIFY(!commands::setPlanSpec(doc, id, json, "edit", &error));
    QVERIFY2(error.contains(field), qPrintable(error));
    QCOMPARE(doc.undoStack()->count(), count);
    QCOMPARE(specText(*doc.plan(id)), before);
}

void TestBuildPlans::badValueInTheFileSkipsThePlanWithAMessage_data()
{
    QTest::addColumn<QString>("sql"); // run on the saved file, against the plan "Tampered"
    QTest::addColumn<QString>("named"); // must appear in the warning
    QTest::newRow("hand-edited redundancy")
            << "UPDATE energize_plans SET ups = '3N' WHERE name = 'Tampered'"
            << "ups";
    // Found by fuzz_projectopen: bytes that are not UTF-8 in a text column made the JSON writer
    // behind the plan check throw, and the open ended in std::terminate.
    QTest::newRow("text that is not UTF-8")
            << "UPDATE energize_plans SET bridging = CAST(X'41FF30' AS TEXT) "
               "WHERE name = 'Tampered'"
            << "UTF-8";
}

void TestBuildPlans::badValueInTheFileSkipsThePlanWithAMessage()
{
    QFETCH(QString, sql);
    QFETCH(QString, named);
    Document doc;
    commands::addPlan(doc, "Good", 0, everyField());
    commands::addPlan(doc, "Tampered", 0, everyField());
    const QString path = m_dir.filePath("bad-plan.gpkg");
    QVERIFY2(doc.save(path).ok(), "save failed");
    {
        auto db = SqliteDatabase::open(path.toStdString(), SqliteDatabase::Mode::ReadWrite);
        QVERIFY(db->execute(sql.toStdString()).ok());
    }
    Document reopened;
    QVERIFY2(reopened.load(path).ok(), "load failed");
    QCOMPARE(reopened.plans().size(), std::size_t(1));
    QCOMPARE(reopened.plans().front().name, std::string("Good"));
    QCOMPARE(reopened.loadWarnings().size(), 1);
    QVERIFY(reopened.loadWarnings().front().contains("Tampered"));
    QVERIFY2(reopened.loadWarnings().front().contains(named),
             qPrintable(reopened.loadWarnings().front()));
}

void TestBuildPlans::modelFollowsTheDocument()
{
    Document doc;
    PlansModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto site = commands::addSite(doc, "Abilene", -99.78, 32.40);
    const auto a = commands::addPlan(doc, "Plan A", site, everyField());
    const auto b = commands::duplicatePlan(doc, a);
    commands::addPlan(doc, "Plan C", 0, everyField());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, PlansModel::NameColumn).data().toString(), QString("Copy of Plan A"));
    QCOMPARE(model.index(0, PlansModel::SiteColumn).data().toString(), QString("Abilene"));
    QCOMPARE(model.index(2, PlansModel::SiteColumn).data().toString(), QString("no site"));
    PlanHeadline h;
    h.planId = b;
    h.itMw = 99.6;
    h.p50PowerOn = YearMonth{2031, 3};
    h.capexUsd = 4.25e9;
    h.usdPerAcceleratorHour = 2.125;
    model.setHeadlines({h});
    QCOMPARE(model.index(1, PlansModel::MwColumn).data().toString(), QString("100"));
    QCOMPARE(model.index(1, PlansModel::P50Column).data().toString(), QString("2031-03"));
    QCOMPARE(model.index(1, PlansModel::CapexColumn).data().toString(), QString("4.25 bn"));
    QCOMPARE(model.index(1, PlansModel::UsdPerAcceleratorHourColumn).data().toString(),
             QString("2.13"));
    QVERIFY(!model.index(0, PlansModel::MwColumn).data().isValid());
    QVERIFY(commands::movePlan(doc, b, 2));
    QCOMPARE(model.index(2, 0).data(PlansModel::PlanIdRole).toLongLong(), b);
    QVERIFY(commands::movePlan(doc, b, 0));
    QCOMPARE(model.index(0, 0).data(PlansModel::PlanIdRole).toLongLong(), b);
    QVERIFY(model.setData(model.index(0, PlansModel::NameColumn), "Renamed"));
    QCOMPARE(doc.plan(b)->name, std::string("Renamed"));
    QVERIFY(commands::removePlan(doc, a));
    QCOMPARE(model.rowCount(), 2);
    doc.undoStack()->undo();
    QCOMPARE(model.rowCount(), 3);
    doc.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_APPLESS_MAIN(TestBuildPlans)
#include "test_buildplans.moc"
