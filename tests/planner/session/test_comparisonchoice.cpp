// SPDX-License-Identifier: GPL-3.0-or-later
// The saved comparison choice names plans: renaming a plan renames it in the choice, deleting a
// plan takes it out (and a choice left with one plan becomes the view's defaults), each in the
// same undo step as the plan's own change; a name another plan has is refused, since plans are
// chosen by name. The choice after a rename survives save and reopen.

#include "planner/core/site/buildplan.h"
#include "planner/session/comparisoncommands.h"
#include "planner/session/document.h"
#include "planner/session/plancommands.h"
#include "planner/session/sitecommands.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace planner;

class TestComparisonChoice : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void renameFollowsInOneUndoStep();
    void deleteLeavesTheChoiceInOneUndoStep();
    void deletingDownToOnePlanFallsBackToDefaults();
    void renameToATakenNameIsRefused();
    void renamedChoiceSurvivesSaveAndReopen();

private:
    std::vector<std::string> names() const;

    QTemporaryDir m_dir;
    std::unique_ptr<Document> m_doc;
    std::int64_t m_a = 0, m_b = 0, m_c = 0;
};

void TestComparisonChoice::init()
{
    m_doc = std::make_unique<Document>();
    Document &doc = *m_doc;
    const auto site = commands::addSite(doc, "Abilene", -99.73, 32.45);
    PlanSpec spec;
    spec.input.targetItLoad = Megawatts(100.0);
    spec.input.acceleratorId = "gb200-nvl72";
    spec.input.coolingId = "dlc-dry-coolers";
    m_a = commands::addPlan(doc, "Plan A", site, spec);
    m_b = commands::addPlan(doc, "Plan B", site, spec);
    m_c = commands::addPlan(doc, "Plan C", site, spec);
    // Compare C and A, C the baseline, B hidden from the view.
    QVERIFY(commands::setComparison(doc, {{"Plan C", "Plan A"}, "Plan C", {"land_ha"}}));
    doc.undoStack()->clear();
}

std::vector<std::string> TestComparisonChoice::names() const
{
    std::vector<std::string> out;
    for (const BuildPlan &p : m_doc->plans())
        out.push_back(p.name);
    return out;
}

void TestComparisonChoice::renameFollowsInOneUndoStep()
{
    Document &doc = *m_doc;
    QSignalSpy comparisonChanged(&doc, &Document::comparisonChanged);
    QVERIFY(commands::renamePlan(doc, m_c, "  Temple 200 MW "));
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.plan(m_c)->name, std::string("Temple 200 MW"));
    const SavedComparison renamed{{"Temple 200 MW", "Plan A"}, "Temple 200 MW", {"land_ha"}};
    QCOMPARE(doc.comparison(), renamed);
    QCOMPARE(comparisonChanged.count(), 1);
    doc.undoStack()->undo();
    QCOMPARE(doc.plan(m_c)->name, std::string("Plan C"));
    QCOMPARE(doc.comparison(), SavedComparison({{"Plan C", "Plan A"}, "Plan C", {"land_ha"}}));
    QVERIFY(!doc.isModified());
    doc.undoStack()->redo();
    QCOMPARE(doc.comparison(), renamed);
    // A plan the choice does not name: only the plan changes.
    QVERIFY(commands::renamePlan(doc, m_b, "Amarillo"));
    QCOMPARE(doc.comparison(), renamed);
    QCOMPARE(doc.undoStack()->count(), 2);
}

void TestComparisonChoice::deleteLeavesTheChoiceInOneUndoStep()
{
    Document &doc = *m_doc;
    QVERIFY(commands::setComparison(doc, {{"Plan C", "Plan A", "Plan B"}, "Plan A", {}}));
    const int steps = doc.undoStack()->count();
    QVERIFY(commands::removePlan(doc, m_a));
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    QCOMPARE(names(), std::vector<std::string>({"Plan B", "Plan C"}));
    // The deleted baseline falls back to the first compared plan (empty: the view's first).
    QCOMPARE(doc.comparison(), SavedComparison({{"Plan C", "Plan B"}, "", {}}));
    doc.undoStack()->undo();
    QCOMPARE(names(), std::vector<std::string>({"Plan A", "Plan B", "Plan C"}));
    QCOMPARE(doc.comparison(), SavedComparison({{"Plan C", "Plan A", "Plan B"}, "Plan A", {}}));
}

void TestComparisonChoice::deletingDownToOnePlanFallsBackToDefaults()
{
    Document &doc = *m_doc;
    QVERIFY(commands::removePlan(doc, m_a));
    // "Plan C" alone is no comparison: the view's defaults (the first plans), C still baseline.
    QCOMPARE(doc.comparison(), SavedComparison({{}, "Plan C", {"land_ha"}}));
    doc.undoStack()->undo();
    QCOMPARE(doc.comparison(), SavedComparison({{"Plan C", "Plan A"}, "Plan C", {"land_ha"}}));
    QCOMPARE(doc.undoStack()->count(), 1);
}

void TestComparisonChoice::renameToATakenNameIsRefused()
{
    Document &doc = *m_doc;
    QVERIFY(!commands::renamePlan(doc, m_b, "Plan A"));
    QVERIFY(!commands::renamePlan(doc, m_b, " Plan C"));
    QCOMPARE(names(), std::vector<std::string>({"Plan A", "Plan B", "Plan C"}));
    QCOMPARE(doc.undoStack()->count(), 0);
    QVERIFY(!doc.isModified());
}

void TestComparisonChoice::renamedChoiceSurvivesSaveAndReopen()
{
    Document &doc = *m_doc;
    QVERIFY(commands::renamePlan(doc, m_a, "Abilene 100 MW"));
    const QString path = m_dir.filePath("renamed.gpkg");
    QVERIFY(doc.save(path).ok());
    Document reopened;
    QVERIFY(reopened.load(path).ok());
    QCOMPARE(reopened.comparison(),
             SavedComparison({{"Plan C", "Abilene 100 MW"}, "Plan C", {"land_ha"}}));
    QCOMPARE(reopened.plans()[0].name, std::string("Abilene 100 MW"));
}

QTEST_APPLESS_MAIN(TestComparisonChoice)
#include "test_comparisonchoice.moc"
