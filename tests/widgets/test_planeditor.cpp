// SPDX-License-Identifier: GPL-3.0-or-later
// The Plan dock's editor on its own: every field of a plan has an editor, and an edit changes
// that one field of the plan object (once per committed value); the phases keep adding up to
// the IT load (the last phase takes the rest); bad phase values are refused with a message;
// optional cost options name the catalog figure that applies when they are not given.

#include "widgets/costoptionseditor.h"
#include "widgets/phaseseditor.h"
#include "widgets/planeditor.h"
#include "widgets/workloadeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using ui::PhasesEditor;
using ui::PlanEditor;

Q_DECLARE_METATYPE(QList<double>)

class TestPlanEditor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void phaseEdits_data();
    void phaseEdits();
    void addAndRemovePhases();
    void everyFieldEditsItsKey_data();
    void everyFieldEditsItsKey();
    void typedPhaseIsOneEditAndBadOneAMessage();
    void itLoadScalesThePhases();
    void racksSizeThePlanByTheAcceleratorsRackPower();
    void mismatchedPhasesOfAFileAreFlagged();
    void costFieldsNameTheCatalogFigure();
    void workloadSizesThePlanAndEachFieldEditsItsKey();

private:
    static PlanEditor *makeEditor();
};

namespace {

// The demo's first plan, as planSpecToJson writes it.
QJsonObject examplePlan()
{
    return QJsonDocument::fromJson(R"({"it_load_mw":100.0,"accelerator":"gb200-nvl72",
        "cooling":"dlc-dry-coolers","redundancy":{"transformers":"N+1","ups":"N+1",
        "generators":"N+1","cooling":"N+1"},"phases_mw":[40.0,60.0],"interconnection_kv":"auto",
        "average_it_load_fraction":0.8,"schedule":{"start":"2027-01","bridging":""},
        "economics":{"price_year":2025,"tokens_per_second_per_accelerator":1000.0,
        "new_substation":true}})")
            .object();
}

} // namespace

void TestPlanEditor::initTestCase()
{
    // Numbers as the expected texts write them, whatever the machine's locale.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

PlanEditor *TestPlanEditor::makeEditor()
{
    auto *editor = new PlanEditor;
    ui::PlanEditorChoices c;
    c.accelerators = {{"gb200-nvl72", "NVIDIA GB200 NVL72"}, {"hgx-h200", "NVIDIA HGX H200"}};
    c.rackKw = {{"gb200-nvl72", 132.0}, {"hgx-h200", 40.8}};
    c.cooling = {{"dlc-dry-coolers", "Direct liquid, dry coolers"}, {"air-chillers", "Air"}};
    c.bridging = {{"gas_turbine", "Gas turbines"}};
    c.markets = {{"ercot", "ERCOT"}, {"pjm", "PJM"}};
    c.voltagesKv = {69.0, 138.0, 345.0};
    c.cost.discountRate = 0.08;
    c.cost.horizonYears = 10;
    c.cost.priceYear = 2025;
    c.cost.networkUpgradesUsdPerMw = 50000.0;
    c.modelClasses = {"mini", "large-dense", "reasoning"};
    c.exampleWorkload = QJsonDocument::fromJson(R"({"requests_per_day":2e9,"peak_to_average":1.5,
        "target_utilisation":0.6,"mix":[{"model_class":"large-dense","share":0.7,
        "input_tokens":1500,"output_tokens":400},{"model_class":"reasoning","share":0.3,
        "input_tokens":1000,"output_tokens":4000}]})")
                                .object();
    editor->setChoices(c);
    editor->setProjectMarket("ERCOT");
    editor->setPlan(examplePlan());
    return editor;
}

void TestPlanEditor::phaseEdits_data()
{
    QTest::addColumn<QList<double>>("phases");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<double>>("expected"); // empty: refused
    QTest::addColumn<QString>("message");
    const QList<double> two{40.0, 60.0};
    const QList<double> three{20.0, 30.0, 50.0};
    // 100 MW in all rows; the last phase takes 100 minus the others.
    QTest::newRow("smaller first") << two << 0 << "30" << QList<double>{30.0, 70.0} << "";
    QTest::newRow("decimals") << two << 0 << "12.5" << QList<double>{12.5, 87.5} << "";
    QTest::newRow("middle of three") << three << 1 << "45" << QList<double>{20.0, 45.0, 35.0} << "";
    QTest::newRow("negative") << two << 0 << "-5" << QList<double>() << "above 0 MW";
    QTest::newRow("zero") << two << 0 << "0" << QList<double>() << "above 0 MW";
    QTest::newRow("nan") << two << 0 << "nan" << QList<double>() << "Phase 1";
    QTest::newRow("text") << two << 0 << "forty" << QList<double>() << "not a number of MW";
    QTest::newRow("all of it") << two << 0 << "100" << QList<double>()
                               << "leaves nothing for the last phase";
    QTest::newRow("others too big")
            << three << 1 << "80" << QList<double>() << "leaves nothing for the last phase";
    QTest::newRow("last") << two << 1 << "50" << QList<double>() << "takes the rest";
}

void TestPlanEditor::phaseEdits()
{
    QFETCH(QList<double>, phases);
    QFETCH(int, row);
    QFETCH(QString, text);
    QFETCH(QList<double>, expected);
    QFETCH(QString, message);
    QString said;
    QCOMPARE(PhasesEditor::edited(100.0, phases, row, text, &said), expected);
    if (message.isEmpty())
        QVERIFY2(said.isEmpty(), qPrintable(said));
    else
        QVERIFY2(said.contains(message), qPrintable(said));
}

void TestPlanEditor::addAndRemovePhases()
{
    PhasesEditor editor;
    QSignalSpy edited(&editor, &PhasesEditor::phasesEdited);
    editor.setPhases(100.0, {});
    QCOMPARE(editor.table()->rowCount(), 1); // one phase of the whole load, not typed
    QCOMPARE(editor.table()->item(0, 0)->text(), QString("100"));
    QVERIFY(!(editor.table()->item(0, 0)->flags() & Qt::ItemIsEditable));
    QVERIFY(!editor.removeButton()->isEnabled());
    editor.addButton()->click(); // the last phase in two halves
    QCOMPARE(editor.phases(), QList<double>({50.0, 50.0}));
    editor.addButton()->click();
    QCOMPARE(editor.phases(), QList<double>({50.0, 25.0, 25.0}));
    QCOMPARE(editor.table()->rowCount(), 3);
    QCOMPARE(editor.table()->item(1, 1)->text(), QString("25 %"));
    QVERIFY(editor.table()->item(0, 0)->flags() & Qt::ItemIsEditable);
    editor.table()->setCurrentCell(0, 0);
    editor.removeButton()->click(); // phase 1's 50 MW go to the last phase
    QCOMPARE(editor.phases(), QList<double>({25.0, 75.0}));
    editor.table()->setCurrentCell(1, 0);
    editor.removeButton()->click(); // one phase left: no phasing
    QCOMPARE(editor.phases(), QList<double>());
    QCOMPARE(editor.table()->rowCount(), 1);
    QCOMPARE(edited.count(), 4);
    QCOMPARE(edited.last().at(0).value<QList<double>>(), QList<double>());
}

void TestPlanEditor::everyFieldEditsItsKey_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("key"); // section/key or key
    QTest::addColumn<QString>("expected"); // the new value as compact JSON
    QTest::newRow("market") << "market"
                            << "schedule/market"
                            << "\"pjm\"";
    QTest::newRow("market back to the project's") << "market-project"
                                                  << "schedule/market"
                                                  << "undefined";
    QTest::newRow("interconnection") << "interconnection"
                                     << "interconnection_kv"
                                     << "345";
    QTest::newRow("interconnection auto") << "interconnection-auto"
                                          << "interconnection_kv"
                                          << "\"auto\"";
    QTest::newRow("grid criterion N") << "criterion"
                                      << "grid_criterion"
                                      << "\"N\"";
    QTest::newRow("grid criterion back to N-1") << "criterion-default"
                                                << "grid_criterion"
                                                << "undefined";
    QTest::newRow("substation") << "substation"
                                << "economics/new_substation"
                                << "false";
    QTest::newRow("average load") << "average"
                                  << "average_it_load_fraction"
                                  << "0.65";
    QTest::newRow("price year") << "price year"
                                << "economics/price_year"
                                << "2024";
    QTest::newRow("price year from the catalog") << "price year catalog"
                                                 << "economics/price_year"
                                                 << "undefined";
    QTest::newRow("discount") << "discount"
                              << "economics/discount_rate"
                              << "0.07";
    QTest::newRow("discount zero") << "discount zero"
                                   << "economics/discount_rate"
                                   << "0";
    QTest::newRow("horizon") << "horizon"
                             << "economics/horizon_years"
                             << "20";
    QTest::newRow("demand charge") << "demand"
                                   << "economics/demand_charge_usd_per_kw_month"
                                   << "12.5";
    QTest::newRow("network upgrades") << "upgrades"
                                      << "economics/network_upgrades_usd"
                                      << "25500000";
    QTest::newRow("no network upgrades") << "upgrades zero"
                                         << "economics/network_upgrades_usd"
                                         << "0";
}

void TestPlanEditor::everyFieldEditsItsKey()
{
    QFETCH(QString, field);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    std::unique_ptr<PlanEditor> editor(makeEditor());
    if (field == "market-project") { // first give it a market of its own
        QJsonObject plan = examplePlan();
        plan.insert("schedule", QJsonObject{{"market", "pjm"}, {"start", "2027-01"}});
        editor->setPlan(plan);
        QCOMPARE(editor->market()->currentData().toString(), QString("pjm"));
    }
    if (field == "interconnection-auto") {
        QJsonObject plan = examplePlan();
        plan.insert("interconnection_kv", 138.0);
        editor->setPlan(plan);
        QCOMPARE(editor->interconnection()->currentText(), QString("138 kV"));
    }
    if (field == "criterion-default") { // first the N criterion
        QJsonObject plan = examplePlan();
        plan.insert("grid_criterion", "N");
        editor->setPlan(plan);
        QCOMPARE(editor->gridCriterion()->currentText(), QString("N"));
    }
    const QJsonObject before = editor->plan();
    QSignalSpy edited(editor.get(), &PlanEditor::planEdited);
    auto pick = [](QComboBox *box, int index) {
        box->setCurrentIndex(index);
        emit box->activated(index);
    };
    ui::CostOptionsEditor *cost = editor->costOptions();
    if (field == "market")
        pick(editor->market(), editor->market()->findData("pjm"));
    else if (field == "market-project")
        pick(editor->market(), 0);
    else if (field == "interconnection")
        pick(editor->interconnection(), editor->interconnection()->findData(345.0));
    else if (field == "interconnection-auto")
        pick(editor->interconnection(), 0);
    else if (field == "criterion")
        pick(editor->gridCriterion(), editor->gridCriterion()->findText("N"));
    else if (field == "criterion-default")
        pick(editor->gridCriterion(), editor->gridCriterion()->findText("N-1"));
    else if (field == "substation")
        editor->newSubstation()->click();
    else if (field == "average")
        editor->averageLoad()->setValue(65.0);
    else if (field == "price year")
        cost->priceYear()->setValue(2024);
    else if (field == "price year catalog")
        cost->priceYear()->setValue(cost->priceYear()->minimum());
    else if (field == "discount")
        cost->discountRate()->setValue(7.0);
    else if (field == "discount zero")
        cost->discountRate()->setValue(0.0);
    else if (field == "horizon")
        cost->horizon()->setValue(20);
    else if (field == "demand")
        cost->demandCharge()->setValue(12.5);
    else if (field == "upgrades")
        cost->networkUpgrades()->setValue(25.5);
    else if (field == "upgrades zero")
        cost->networkUpgrades()->setValue(0.0);
    QCOMPARE(edited.count(), 1);
    const QJsonObject after = edited.at(0).at(0).toJsonObject();
    QCOMPARE(editor->plan(), after);
    // That key, and nothing else, changed.
    QJsonObject expectedPlan = before;
    const QStringList path = key.split('/');
    const QJsonValue value = expected == "undefined"
            ? QJsonValue(QJsonValue::Undefined)
            : QJsonDocument::fromJson("[" + expected.toUtf8() + "]").array().at(0);
    if (path.size() == 2) {
        QJsonObject section = expectedPlan.value(path[0]).toObject();
        if (value.isUndefined())
            section.remove(path[1]);
        else
            section.insert(path[1], value);
        expectedPlan.insert(path[0], section);
    } else {
        expectedPlan.insert(key, value);
    }
    QCOMPARE(after, expectedPlan);
}

void TestPlanEditor::typedPhaseIsOneEditAndBadOneAMessage()
{
    std::unique_ptr<PlanEditor> editor(makeEditor());
    QSignalSpy edited(editor.get(), &PlanEditor::planEdited);
    QTableWidget *table = editor->phases()->table();
    QCOMPARE(table->rowCount(), 2);
    table->item(0, 0)->setText("25"); // as the table's line edit commits it
    QCOMPARE(edited.count(), 1);
    QJsonObject plan = edited.at(0).at(0).toJsonObject();
    QCOMPARE(plan.value("phases_mw").toArray(), QJsonArray({25.0, 75.0}));
    QCOMPARE(plan.value("it_load_mw").toDouble(), 100.0);
    QCOMPARE(table->item(1, 0)->text(), QString("75"));
    QVERIFY(editor->message().isEmpty());

    table->item(0, 0)->setText("-3");
    QCOMPARE(edited.count(), 1); // refused: no edit
    QVERIFY2(editor->message().contains("Phase 1: -3 MW"), qPrintable(editor->message()));
    QCOMPARE(table->item(0, 0)->text(), QString("25")); // as it was
    QCOMPARE(editor->plan().value("phases_mw").toArray(), QJsonArray({25.0, 75.0}));
    // The next good edit clears the message.
    editor->averageLoad()->setValue(70.0);
    QCOMPARE(edited.count(), 2);
    QVERIFY(editor->message().isEmpty());
}

void TestPlanEditor::itLoadScalesThePhases()
{
    std::unique_ptr<PlanEditor> editor(makeEditor());
    QSignalSpy edited(editor.get(), &PlanEditor::planEdited);
    editor->itLoad()->setValue(150.0);
    QCOMPARE(edited.count(), 1);
    const QJsonObject plan = edited.at(0).at(0).toJsonObject();
    QCOMPARE(plan.value("it_load_mw").toDouble(), 150.0);
    QCOMPARE(plan.value("phases_mw").toArray(), QJsonArray({60.0, 90.0})); // 40/60 of 150
}

void TestPlanEditor::racksSizeThePlanByTheAcceleratorsRackPower()
{
    std::unique_ptr<PlanEditor> editor(makeEditor());
    QSignalSpy edited(editor.get(), &PlanEditor::planEdited);
    QComboBox *sizeBy = editor->sizeBy();
    sizeBy->setCurrentIndex(sizeBy->findData("racks"));
    emit sizeBy->activated(sizeBy->currentIndex());
    QCOMPARE(edited.count(), 1);
    QJsonObject plan = edited.at(0).at(0).toJsonObject();
    // 100 MW of 132 kW racks: 757.6, so 758 racks = 100.056 MW; the phases follow to the kW.
    QCOMPARE(plan.value("racks").toInt(), 758);
    QVERIFY(!plan.contains("it_load_mw"));
    QCOMPARE(plan.value("phases_mw").toArray(), QJsonArray({40.022, 60.034}));
    editor->setPlan(plan);
    QVERIFY(editor->racks()->isVisibleTo(editor.get()));
    QVERIFY(!editor->itLoad()->isVisibleTo(editor.get()));
    editor->racks()->setValue(500); // 66 MW
    plan = edited.last().at(0).toJsonObject();
    QCOMPARE(plan.value("racks").toInt(), 500);
    QCOMPARE(plan.value("phases_mw").toArray(), QJsonArray({26.4, 39.6}));
}

void TestPlanEditor::mismatchedPhasesOfAFileAreFlagged()
{
    std::unique_ptr<PlanEditor> editor(makeEditor());
    QJsonObject plan = examplePlan();
    plan.insert("phases_mw", QJsonArray({40.0, 50.0}));
    editor->setPlan(plan);
    QVERIFY2(editor->message().contains("add up to 90 MW but the plan's IT load is 100 MW"),
             qPrintable(editor->message()));
    // Editing the first phase gives the last the rest: they match again.
    QSignalSpy edited(editor.get(), &PlanEditor::planEdited);
    editor->phases()->table()->item(0, 0)->setText("35");
    QCOMPARE(edited.count(), 1);
    QCOMPARE(edited.at(0).at(0).toJsonObject().value("phases_mw").toArray(),
             QJsonArray({35.0, 65.0}));
}

void TestPlanEditor::costFieldsNameTheCatalogFigure()
{
    std::unique_ptr<PlanEditor> editor(makeEditor());
    ui::CostOptionsEditor *cost = editor->costOptions();
    // The example gives a price year and a throughput, and nothing else.
    QCOMPARE(cost->priceYear()->value(), 2025);
    QCOMPARE(cost->tokensPerSecond()->value(), 1000.0);
    QCOMPARE(cost->discountRate()->text(), QString("catalog: 8.0 %/yr"));
    QCOMPARE(cost->horizon()->text(), QString("catalog: 10 years"));
    QCOMPARE(cost->demandCharge()->text(), QString("none: energy only"));
    QCOMPARE(cost->networkUpgrades()->text(), QString("catalog: 50,000 USD/MW of peak"));
    QCOMPARE(editor->market()->currentText(), QString("The project's market (ERCOT)"));
    QCOMPARE(editor->interconnection()->currentIndex(), 0);
    QVERIFY(editor->newSubstation()->isChecked());
    QCOMPARE(editor->averageLoad()->value(), 80.0);
}

void TestPlanEditor::workloadSizesThePlanAndEachFieldEditsItsKey()
{
    std::unique_ptr<PlanEditor> editor(makeEditor());
    QSignalSpy edited(editor.get(), &PlanEditor::planEdited);
    ui::WorkloadEditor *w = editor->workload();
    QVERIFY(!editor->tabs()->isTabEnabled(3)); // sized in MW: the Workload tab is off
    // Sized by workload: the example's workload replaces the load, the racks and the phases.
    QComboBox *sizeBy = editor->sizeBy();
    sizeBy->setCurrentIndex(sizeBy->findData("workload"));
    emit sizeBy->activated(sizeBy->currentIndex());
    QCOMPARE(edited.count(), 1);
    QJsonObject plan = edited.at(0).at(0).toJsonObject();
    QVERIFY(!plan.contains("it_load_mw") && !plan.contains("racks") && !plan.contains("phases_mw"));
    QCOMPARE(plan.value("workload").toObject().value("requests_per_day").toDouble(), 2e9);
    editor->setPlan(plan); // as the document gives it back
    QVERIFY(editor->tabs()->isTabEnabled(3));
    QVERIFY(!editor->itLoad()->isVisibleTo(editor.get()));
    QCOMPARE(w->perDay()->value(), 2e9);
    QCOMPARE(w->peakToAverage()->value(), 1.5);
    QCOMPARE(w->utilisation()->value(), 60.0);
    QCOMPARE(w->mix()->rowCount(), 2);
    QVERIFY(w->mixMessage().isEmpty());

    auto last = [&] {
        return edited.last().at(0).toJsonObject().value("workload").toObject();
    };
    auto cell = [&](int row, int column) {
        return static_cast<QDoubleSpinBox *>(w->mix()->cellWidget(row, column));
    };
    // Each field: its key, in the stored unit (percent in the editor, fractions in the plan).
    w->peakToAverage()->setValue(2.0);
    QCOMPARE(last().value("peak_to_average").toDouble(), 2.0);
    w->utilisation()->setValue(75.0);
    QCOMPARE(last().value("target_utilisation").toDouble(), 0.75);
    editor->setPlan(edited.last().at(0).toJsonObject());
    cell(0, 1)->setValue(60.0); // large-dense 60 %: the shares add up to 90 %
    QCOMPARE(last().value("mix").toArray().at(0).toObject().value("share").toDouble(), 0.6);
    editor->setPlan(edited.last().at(0).toJsonObject());
    QVERIFY2(w->mixMessage().contains("90.0 %"), qPrintable(w->mixMessage()));
    cell(1, 3)->setValue(3000.0);
    QCOMPARE(last().value("mix").toArray().at(1).toObject().value("output_tokens").toDouble(),
             3000.0);
    editor->setPlan(edited.last().at(0).toJsonObject());
    // A third class: the one the mix lacks, with no share yet; then removed again.
    w->addRow()->click();
    QJsonArray mix = last().value("mix").toArray();
    QCOMPARE(mix.size(), 3);
    QCOMPARE(mix.at(2).toObject().value("model_class").toString(), QString("mini"));
    QCOMPARE(mix.at(2).toObject().value("share").toDouble(), 0.0);
    editor->setPlan(edited.last().at(0).toJsonObject());
    QVERIFY(!w->addRow()->isEnabled()); // every class has its row
    w->mix()->setCurrentCell(2, 0);
    w->removeRow()->click();
    QCOMPARE(last().value("mix").toArray().size(), 2);
    editor->setPlan(edited.last().at(0).toJsonObject());
    // Tokens per day instead of requests: the key changes, the number stays.
    w->basis()->setCurrentIndex(w->basis()->findData("tokens_per_day"));
    emit w->basis()->activated(w->basis()->currentIndex());
    QVERIFY(!last().contains("requests_per_day"));
    QCOMPARE(last().value("tokens_per_day").toDouble(), 2e9);
    editor->setPlan(edited.last().at(0).toJsonObject());

    // Back to MW: the workload goes, the last load shown comes back.
    sizeBy->setCurrentIndex(sizeBy->findData("mw"));
    emit sizeBy->activated(sizeBy->currentIndex());
    plan = edited.last().at(0).toJsonObject();
    QVERIFY(!plan.contains("workload"));
    QCOMPARE(plan.value("it_load_mw").toDouble(), 100.0);
    // Shown on the Workload tab, a plan without one (an undo, say) goes back to Build.
    editor->tabs()->setCurrentIndex(3);
    editor->setPlan(plan);
    QCOMPARE(editor->tabs()->currentIndex(), 0);
    QVERIFY(!editor->tabs()->isTabEnabled(3));
}

QTEST_MAIN(TestPlanEditor)
#include "test_planeditor.moc"
