// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/session/comparisoncommands.h"

#include "planner/session/document.h"

#include <QUndoCommand>

namespace planner::commands {
namespace {

class SetComparison : public QUndoCommand
{
public:
    SetComparison(Document &doc, SavedComparison before, SavedComparison after)
        : QUndoCommand(QObject::tr("Change compared plans")), m_doc(doc),
          m_before(std::move(before)), m_after(std::move(after))
    {}
    void redo() override { m_doc.setComparison(m_after); }
    void undo() override { m_doc.setComparison(m_before); }

private:
    Document &m_doc;
    SavedComparison m_before;
    SavedComparison m_after;
};

} // namespace

bool setComparison(Document &doc, const SavedComparison &choice)
{
    if (choice == doc.comparison())
        return false;
    doc.undoStack()->push(new SetComparison(doc, doc.comparison(), choice));
    return true;
}

} // namespace planner::commands
