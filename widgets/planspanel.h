// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Plans dock: the project's build plans with their headline figures, and the actions New,
// Duplicate, Rename (F2 in the list), Delete (Del in the list), Move Up and Move Down. It shows
// a model whose first column carries the plan id in Qt::UserRole + 1 (planner::PlansModel) and
// reports what the user asks for; the owner makes the undo commands. GUI thread only.

#include <QWidget>

class QAbstractItemModel;
class QAction;
class QTableView;

namespace ui {

class PlansPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PlansPanel(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model);
    QTableView *view() const { return m_view; }
    // 0 when no row is current.
    qint64 currentPlan() const;
    void setCurrentPlan(qint64 planId);
    // Starts editing the current plan's name in the list.
    void renameCurrent();

signals:
    void currentPlanChanged(qint64 planId);
    void newRequested();
    void duplicateRequested(qint64 planId);
    void removeRequested(qint64 planId);
    void moveRequested(qint64 planId, int delta);
    void compareRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAction *addAction(const QString &name, const QString &text, const QString &tip);
    void updateActions();

    QTableView *m_view;
    QList<QAction *> m_needPlan; // enabled only while a plan is current
};

} // namespace ui
