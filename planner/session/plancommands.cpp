// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/session/plancommands.h"

#include "planner/session/comparisoncommands.h"
#include "planner/session/document.h"

#include <QUndoCommand>

#include <algorithm>

namespace planner::commands {
namespace {

class InsertPlan : public QUndoCommand
{
public:
    InsertPlan(Document &doc, BuildPlan plan, int index, const QString &text)
        : QUndoCommand(text), m_doc(doc), m_plan(std::move(plan)), m_index(index)
    {}
    void redo() override { m_doc.insertPlan(m_index, m_plan); }
    void undo() override { m_doc.removePlanAt(m_index); }

private:
    Document &m_doc;
    BuildPlan m_plan;
    int m_index;
};

class RemovePlan : public QUndoCommand
{
public:
    RemovePlan(Document &doc, BuildPlan plan, int index, const QString &text)
        : QUndoCommand(text), m_doc(doc), m_plan(std::move(plan)), m_index(index)
    {}
    void redo() override { m_doc.removePlanAt(m_index); }
    void undo() override { m_doc.insertPlan(m_index, m_plan); }

private:
    Document &m_doc;
    BuildPlan m_plan;
    int m_index;
};

// Replaces a whole plan value: renames, another site, what is built.
class ReplacePlan : public QUndoCommand
{
public:
    ReplacePlan(Document &doc, BuildPlan before, BuildPlan after, const QString &text)
        : QUndoCommand(text), m_doc(doc), m_before(std::move(before)), m_after(std::move(after))
    {}
    void redo() override { m_doc.replacePlan(m_after); }
    void undo() override { m_doc.replacePlan(m_before); }

private:
    Document &m_doc;
    BuildPlan m_before;
    BuildPlan m_after;
};

class MovePlan : public QUndoCommand
{
public:
    MovePlan(Document &doc, int from, int to, const QString &text)
        : QUndoCommand(text), m_doc(doc), m_from(from), m_to(to)
    {}
    void redo() override { m_doc.movePlan(m_from, m_to); }
    void undo() override { m_doc.movePlan(m_to, m_from); }

private:
    Document &m_doc;
    int m_from;
    int m_to;
};

bool replace(Document &doc, const BuildPlan &after, const QString &text)
{
    const auto before = doc.plan(after.id);
    if (!before || sameBuildPlan(*before, after))
        return false;
    doc.undoStack()->push(new ReplacePlan(doc, *before, after, text));
    return true;
}

// The saved comparison choice names plans: a renamed plan keeps its place in it under its new
// name (from empty: the plan is removed, and a choice left with fewer than two plans falls back
// to the view's defaults); a baseline that is gone falls back to the first plan.
SavedComparison renamedInComparison(SavedComparison c, const std::string &from,
                                    const std::string &to)
{
    if (to.empty()) {
        c.plans.erase(std::remove(c.plans.begin(), c.plans.end(), from), c.plans.end());
        if (c.plans.size() < 2)
            c.plans.clear();
    } else {
        std::replace(c.plans.begin(), c.plans.end(), from, to);
    }
    if (c.baseline == from)
        c.baseline = to;
    return c;
}

// Pushes `command`, and with it, in the same undo step, the comparison choice that follows a
// plan's new name (empty: the plan is deleted).
void pushWithComparison(Document &doc, QUndoCommand *command, const std::string &from,
                        const std::string &to)
{
    const SavedComparison after = renamedInComparison(doc.comparison(), from, to);
    if (after == doc.comparison()) {
        doc.undoStack()->push(command);
        return;
    }
    doc.undoStack()->beginMacro(command->text());
    doc.undoStack()->push(command);
    setComparison(doc, after);
    doc.undoStack()->endMacro();
}

} // namespace

QString unusedPlanName(const Document &doc)
{
    auto taken = [&](const QString &name) {
        return std::any_of(doc.plans().begin(), doc.plans().end(), [&](const BuildPlan &p) {
            return QString::fromStdString(p.name) == name;
        });
    };
    for (int n = 0;; ++n) {
        // A … Z, then AA, AB, …
        QString suffix;
        for (int k = n; k >= 0; k = k / 26 - 1)
            suffix.prepend(QChar('A' + k % 26));
        const QString name = QObject::tr("Plan %1").arg(suffix);
        if (!taken(name))
            return name;
    }
}

std::int64_t addPlan(Document &doc, const QString &name, std::int64_t siteId, const PlanSpec &spec)
{
    BuildPlan plan;
    plan.id = doc.allocatePlanId();
    plan.name = name.trimmed().toStdString();
    plan.siteId = siteId;
    plan.spec = spec;
    doc.undoStack()->push(new InsertPlan(doc, plan, int(doc.plans().size()),
                                         QObject::tr("New plan %1").arg(name.trimmed())));
    return plan.id;
}

std::int64_t duplicatePlan(Document &doc, std::int64_t id)
{
    const int index = doc.indexOfPlan(id);
    if (index < 0)
        return 0;
    BuildPlan copy = doc.plans()[std::size_t(index)];
    copy.id = doc.allocatePlanId();
    const QString name = QObject::tr("Copy of %1").arg(QString::fromStdString(copy.name));
    copy.name = name.toStdString();
    doc.undoStack()->push(
            new InsertPlan(doc, copy, index + 1, QObject::tr("Duplicate plan as %1").arg(name)));
    return copy.id;
}

bool renamePlan(Document &doc, std::int64_t id, const QString &name)
{
    auto plan = doc.plan(id);
    const std::string to = name.trimmed().toStdString();
    if (!plan || to.empty() || to == plan->name)
        return false;
    if (std::any_of(doc.plans().begin(), doc.plans().end(),
                    [&](const BuildPlan &p) { return p.id != id && p.name == to; }))
        return false;
    const auto before = *plan;
    plan->name = to;
    pushWithComparison(doc,
                       new ReplacePlan(doc, before, *plan,
                                       QObject::tr("Rename plan to %1").arg(name.trimmed())),
                       before.name, to);
    return true;
}

bool removePlan(Document &doc, std::int64_t id)
{
    const int index = doc.indexOfPlan(id);
    if (index < 0)
        return false;
    const BuildPlan plan = doc.plans()[std::size_t(index)];
    pushWithComparison(
            doc,
            new RemovePlan(doc, plan, index,
                           QObject::tr("Delete plan %1").arg(QString::fromStdString(plan.name))),
            plan.name, std::string());
    return true;
}

bool movePlan(Document &doc, std::int64_t id, int index)
{
    const int from = doc.indexOfPlan(id);
    if (from < 0 || doc.plans().empty())
        return false;
    const int to = std::clamp(index, 0, int(doc.plans().size()) - 1);
    if (to == from)
        return false;
    const QString name = QString::fromStdString(doc.plans()[std::size_t(from)].name);
    doc.undoStack()->push(new MovePlan(doc, from, to, QObject::tr("Move plan %1").arg(name)));
    return true;
}

bool setPlanSite(Document &doc, std::int64_t id, std::int64_t siteId)
{
    auto plan = doc.plan(id);
    if (!plan)
        return false;
    plan->siteId = siteId;
    return replace(
            doc, *plan,
            QObject::tr("Move plan %1 to another site").arg(QString::fromStdString(plan->name)));
}

bool setPlanSpec(Document &doc, std::int64_t id, const QString &specJson, const QString &what,
                 QString *errorMessage)
{
    auto plan = doc.plan(id);
    if (!plan) {
        if (errorMessage)
            *errorMessage = QObject::tr("no plan with id %1").arg(id);
        return false;
    }
    auto spec = parsePlanSpec(specJson.toStdString());
    if (!spec) {
        if (errorMessage)
            *errorMessage = QString::fromStdString(spec.error().message);
        return false;
    }
    plan->spec = std::move(*spec);
    return replace(doc, *plan, what);
}

} // namespace planner::commands
