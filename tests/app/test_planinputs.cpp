// SPDX-License-Identifier: GPL-3.0-or-later
// Every input of a build plan edited in the real Plan dock on the demo: each edit is one undo
// step that changes that field of the selected plan (undo restores it and the document's
// modified flag, redo makes it again, the editor follows both); all of them together survive
// save and reopen; a bad phase value is refused with a message, pushes nothing and leaves the
// project unmodified.

#include "app/commandline.h"
#include "app/mainwindow.h"
#include "app/mapcontroller.h"
#include "app/maplayers.h"
#include "app/sitecontroller.h"
#include "planner/core/site/buildplan.h"
#include "planner/session/document.h"
#include "widgets/costoptionseditor.h"
#include "widgets/phaseseditor.h"
#include "widgets/planeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <functional>

class TestPlanInputs : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void eachEditIsOneUndoStep();
    void newFieldsSurviveSaveAndReopen();
    void badPhaseIsRefusedWithAMessage();

private:
    static bool openDemo(app::MainWindow &window);
    QTemporaryDir m_dir;
};

namespace {

ui::PlanEditor *editorOf(app::MainWindow &window)
{
    return window.findChild<ui::PlanEditor *>("planEditor");
}

planner::PlanSpec selectedSpec(app::MainWindow &window)
{
    const auto plan = window.document()->plan(window.siteController()->selectedPlan());
    return plan ? plan->spec : planner::PlanSpec{};
}

void pick(QComboBox *box, int index)
{
    box->setCurrentIndex(index);
    emit box->activated(index);
}

QString phasesText(const planner::PlanSpec &s)
{
    QStringList out;
    for (const planner::Megawatts &mw : s.input.phases)
        out << QString::number(mw.value());
    return out.join('+');
}

QString optionalText(const std::optional<double> &v)
{
    return v ? QString::number(*v) : QStringLiteral("none");
}

QString optionalText(const std::optional<int> &v)
{
    return v ? QString::number(*v) : QStringLiteral("none");
}

// What one edit does: how the user makes it, the field it changes as text, and the text before
// (the demo's first plan) and after.
struct Edit
{
    const char *name;
    std::function<void(ui::PlanEditor *)> make;
    std::function<QString(const planner::PlanSpec &)> field;
    QString before;
    QString after;
    // What the editor shows of the field, which must follow undo and redo.
    std::function<QString(ui::PlanEditor *)> shown;
};

std::vector<Edit> edits()
{
    using planner::PlanSpec;
    using ui::PlanEditor;
    return {
            {"market", [](PlanEditor *e) { pick(e->market(), e->market()->findData("pjm")); },
             [](const PlanSpec &s) { return QString::fromStdString(s.schedule.market); }, "", "pjm",
             [](PlanEditor *e) {
                 return e->market()->currentData().toString();
             }},
            {"interconnection",
             [](PlanEditor *e) {
                 const int kv345 = e->interconnection()->findData(345.0);
                 QVERIFY(kv345 > 0);
                 pick(e->interconnection(), kv345);
             },
             [](const PlanSpec &s) {
                 return s.input.interconnection ? QString::number(s.input.interconnection->value())
                                                : QStringLiteral("auto");
             },
             "auto", "345",
             [](PlanEditor *e) {
                 return e->interconnection()->currentIndex() == 0
                         ? QStringLiteral("auto")
                         : QString::number(e->interconnection()->currentData().toDouble());
             }},
            {"substation", [](PlanEditor *e) { e->newSubstation()->click(); },
             [](const PlanSpec &s) { return QString::number(s.economics.newSubstation); }, "1", "0",
             [](PlanEditor *e) {
                 return QString::number(e->newSubstation()->isChecked());
             }},
            {"average load", [](PlanEditor *e) { e->averageLoad()->setValue(65.0); },
             [](const PlanSpec &s) { return QString::number(s.input.averageItLoadFraction); },
             "0.8", "0.65",
             [](PlanEditor *e) {
                 return QString::number(e->averageLoad()->value() / 100.0);
             }},
            {"typed phase", [](PlanEditor *e) { e->phases()->table()->item(0, 0)->setText("30"); },
             phasesText, "40+60", "30+70",
             [](PlanEditor *e) {
                 QStringList out;
                 for (double mw : e->phases()->phases())
                     out << QString::number(mw);
                 return out.join('+');
             }},
            {"added phase", [](PlanEditor *e) { e->phases()->addButton()->click(); }, phasesText,
             "40+60", "40+30+30",
             [](PlanEditor *e) {
                 return QString::number(e->phases()->table()->rowCount());
             }},
            {"price year", [](PlanEditor *e) { e->costOptions()->priceYear()->setValue(2024); },
             [](const PlanSpec &s) { return optionalText(s.economics.priceYear); }, "2025", "2024",
             [](PlanEditor *e) {
                 return QString::number(e->costOptions()->priceYear()->value());
             }},
            {"discount rate",
             [](PlanEditor *e) { e->costOptions()->discountRate()->setValue(6.5); },
             [](const PlanSpec &s) { return optionalText(s.economics.discountRate); }, "none",
             "0.065",
             [](PlanEditor *e) {
                 return e->costOptions()->discountRate()->text();
             }},
            {"horizon", [](PlanEditor *e) { e->costOptions()->horizon()->setValue(15); },
             [](const PlanSpec &s) { return optionalText(s.economics.horizonYears); }, "none", "15",
             [](PlanEditor *e) {
                 return e->costOptions()->horizon()->text();
             }},
            {"demand charge",
             [](PlanEditor *e) { e->costOptions()->demandCharge()->setValue(9.5); },
             [](const PlanSpec &s) { return optionalText(s.economics.demandChargeUsdPerKwMonth); },
             "none", "9.5",
             [](PlanEditor *e) {
                 return e->costOptions()->demandCharge()->text();
             }},
            {"network upgrades",
             [](PlanEditor *e) { e->costOptions()->networkUpgrades()->setValue(40.0); },
             [](const PlanSpec &s) { return optionalText(s.economics.networkUpgradesUsd); }, "none",
             "4e+07",
             [](PlanEditor *e) {
                 return e->costOptions()->networkUpgrades()->text();
             }},
            {"racks", [](PlanEditor *e) { pick(e->sizeBy(), e->sizeBy()->findData("racks")); },
             [](const PlanSpec &s) {
                 return s.input.rackCount ? QString::number(*s.input.rackCount) + " racks"
                                          : QString::number(s.input.targetItLoad->value()) + " MW";
             },
             // 100 MW of GB200 NVL72 racks (132 kW, resources/catalog/accelerators.json).
             "100 MW", "758 racks",
             [](PlanEditor *e) {
                 return e->sizeBy()->currentData().toString();
             }},
    };
}

} // namespace

void TestPlanInputs::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    app::setApplicationIdentity();
}

bool TestPlanInputs::openDemo(app::MainWindow &window)
{
    window.openDemo();
    window.mapController()->layers()->waitForLoads();
    return QTest::qWaitFor([&] { return window.mapController()->layers()->loadingCount() == 0; },
                           20000);
}

void TestPlanInputs::eachEditIsOneUndoStep()
{
    app::MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    planner::Document *doc = window.document();
    ui::PlanEditor *editor = editorOf(window);
    QVERIFY(editor);
    QCOMPARE(window.siteController()->selectedPlan(), doc->plans().front().id);
    QUndoStack *undo = doc->undoStack();
    for (const Edit &edit : edits()) {
        QVERIFY(!doc->isModified());
        const int index = undo->index(); // count() would hold the last edit, undone
        QCOMPARE(edit.field(selectedSpec(window)), edit.before);
        const QString shownBefore = edit.shown(editor);
        edit.make(editor);
        QVERIFY2(undo->index() == index + 1 && undo->count() == index + 1,
                 qPrintable(QString("%1: %2").arg(edit.name, editor->message())));
        QVERIFY2(doc->isModified(), edit.name);
        QCOMPARE(edit.field(selectedSpec(window)), edit.after);
        QVERIFY2(editor->message().isEmpty(), qPrintable(editor->message()));
        const QString shownAfter = edit.shown(editor);
        QVERIFY2(shownAfter != shownBefore, edit.name);
        undo->undo();
        QCOMPARE(edit.field(selectedSpec(window)), edit.before);
        QVERIFY2(!doc->isModified(), edit.name);
        QCOMPARE(edit.shown(editor), shownBefore);
        undo->redo();
        QCOMPARE(edit.field(selectedSpec(window)), edit.after);
        QVERIFY2(doc->isModified(), edit.name);
        QCOMPARE(edit.shown(editor), shownAfter);
        undo->undo(); // the next edit starts from the demo's plan
    }
}

void TestPlanInputs::newFieldsSurviveSaveAndReopen()
{
    const QString path = m_dir.filePath("inputs.gpkg");
    QString saved;
    {
        app::MainWindow window;
        QVERIFY(openDemo(window));
        ui::PlanEditor *editor = editorOf(window);
        for (const Edit &edit : edits())
            edit.make(editor);
        const planner::PlanSpec s = selectedSpec(window);
        // All at once, each as its own edit made it: 30 MW typed (70 left), the 70 split in two,
        // then 758 racks of 132 kW (100.056 MW) scale 30+35+35 by 1.00056 to the kW, the last
        // taking the rest: 30.017, 35.020 and 100.056 - 65.037 = 35.019.
        QCOMPARE(QString::fromStdString(s.schedule.market), QString("pjm"));
        QCOMPARE(s.input.interconnection->value(), 345.0);
        QCOMPARE(s.economics.newSubstation, false);
        QCOMPARE(s.input.averageItLoadFraction, 0.65);
        QCOMPARE(phasesText(s), QString("30.017+35.02+35.019"));
        QCOMPARE(*s.economics.priceYear, 2024);
        QCOMPARE(*s.economics.discountRate, 0.065);
        QCOMPARE(*s.economics.horizonYears, 15);
        QCOMPARE(*s.economics.demandChargeUsdPerKwMonth, 9.5);
        QCOMPARE(*s.economics.networkUpgradesUsd, 40e6);
        QCOMPARE(*s.input.rackCount, 758);
        QCOMPARE(window.document()->undoStack()->count(), int(edits().size()));
        saved = QString::fromStdString(planner::planSpecToJson(s));
        QVERIFY(window.document()->save(path).ok());
    }
    app::MainWindow reopened;
    QVERIFY(reopened.openProject(path));
    const planner::PlanSpec s = selectedSpec(reopened);
    QCOMPARE(QString::fromStdString(planner::planSpecToJson(s)), saved);
    QVERIFY(!reopened.document()->isModified());
    // The editor shows them.
    ui::PlanEditor *editor = editorOf(reopened);
    QCOMPARE(editor->market()->currentData().toString(), QString("pjm"));
    QCOMPARE(editor->interconnection()->currentData().toDouble(), 345.0);
    QVERIFY(!editor->newSubstation()->isChecked());
    QCOMPARE(editor->averageLoad()->value(), 65.0);
    QCOMPARE(editor->phases()->phases(), QList<double>({30.017, 35.02, 35.019}));
    QCOMPARE(editor->costOptions()->priceYear()->value(), 2024);
    QCOMPARE(editor->costOptions()->discountRate()->value(), 6.5);
    QCOMPARE(editor->costOptions()->horizon()->value(), 15);
    QCOMPARE(editor->costOptions()->demandCharge()->value(), 9.5);
    QCOMPARE(editor->costOptions()->networkUpgrades()->value(), 40.0);
    QCOMPARE(editor->sizeBy()->currentData().toString(), QString("racks"));
    QCOMPARE(editor->racks()->value(), 758);
}

void TestPlanInputs::badPhaseIsRefusedWithAMessage()
{
    app::MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    planner::Document *doc = window.document();
    ui::PlanEditor *editor = editorOf(window);
    QTableWidget *table = editor->phases()->table();
    const int count = doc->undoStack()->count();
    for (const char *bad : {"-20", "nan", "110"}) {
        table->item(0, 0)->setText(bad);
        QVERIFY2(editor->message().startsWith("Phase 1: "), qPrintable(editor->message()));
        QCOMPARE(doc->undoStack()->count(), count);
        QVERIFY(!doc->isModified());
        QCOMPARE(phasesText(selectedSpec(window)), QString("40+60"));
        QCOMPARE(table->item(0, 0)->text(), QString("40"));
    }
    QVERIFY(editor->message().contains("leaves nothing for the last phase")); // the 110 MW
}

QTEST_MAIN(TestPlanInputs)
#include "test_planinputs.moc"
