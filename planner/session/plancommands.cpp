// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/session/plancommands.h"

#include "planner/session/document.h"

#include <QUndoCommand>

namespace planner::commands {
namespace {

class SetPlan : public QUndoCommand
{
public:
    SetPlan(Document &doc, QString before, QString after, const QString &text)
        : QUndoCommand(text), m_doc(doc), m_before(std::move(before)), m_after(std::move(after))
    {}
    void redo() override { m_doc.setPlanJson(m_after); }
    void undo() override { m_doc.setPlanJson(m_before); }

private:
    Document &m_doc;
    QString m_before;
    QString m_after;
};

} // namespace

bool setPlan(Document &doc, const QString &planJson, const QString &what)
{
    if (planJson == doc.planJson())
        return false;
    doc.undoStack()->push(new SetPlan(doc, doc.planJson(), planJson, what));
    return true;
}

} // namespace planner::commands
