// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/planspanel.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace ui {
namespace {

constexpr int kPlanIdRole = Qt::UserRole + 1;

} // namespace

PlansPanel::PlansPanel(QWidget *parent) : QWidget(parent), m_view(new QTableView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout->addWidget(bar);
    layout->addWidget(m_view, 1);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->verticalHeader()->hide();
    m_view->setAlternatingRowColors(true);
    // Names wrap to two lines, then elide (the whole name is in the row's tooltip); the two-line
    // headers hold each figure's unit.
    m_view->setWordWrap(true);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().lineSpacing() * 2 + 6);
    m_view->installEventFilter(this);

    QAction *add = addAction("actionNewPlan", tr("New"),
                             tr("A new plan at the selected site, from the default plan"));
    connect(add, &QAction::triggered, this, &PlansPanel::newRequested);
    QAction *copy = addAction("actionDuplicatePlan", tr("Copy"),
                              tr("A copy of the plan, at the same site"));
    connect(copy, &QAction::triggered, this, [this] { emit duplicateRequested(currentPlan()); });
    QAction *rename = addAction("actionRenamePlan", tr("Rename"), tr("Rename the plan (F2)"));
    connect(rename, &QAction::triggered, this, &PlansPanel::renameCurrent);
    QAction *remove = addAction("actionDeletePlan", tr("Delete"), tr("Delete the plan (Del)"));
    connect(remove, &QAction::triggered, this, [this] { emit removeRequested(currentPlan()); });
    QAction *up = addAction("actionMovePlanUp", tr("Up"), tr("Move the plan up the list"));
    // Short labels, so that all seven fit the dock's width.
    connect(up, &QAction::triggered, this, [this] { emit moveRequested(currentPlan(), -1); });
    QAction *down = addAction("actionMovePlanDown", tr("Down"), tr("Move the plan down the list"));
    connect(down, &QAction::triggered, this, [this] { emit moveRequested(currentPlan(), 1); });
    QAction *compare = addAction("actionComparePlansPanel", tr("Compare"),
                                 tr("Compare plans side by side (Ctrl+Shift+C)"));
    connect(compare, &QAction::triggered, this, &PlansPanel::compareRequested);
    m_needPlan = {copy, rename, remove, up, down};
    for (QAction *a : actions())
        bar->addAction(a);
    updateActions();
}

QAction *PlansPanel::addAction(const QString &name, const QString &text, const QString &tip)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    action->setToolTip(tip);
    action->setStatusTip(tip);
    QWidget::addAction(action);
    return action;
}

void PlansPanel::setModel(QAbstractItemModel *model)
{
    m_view->setModel(model);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        emit currentPlanChanged(currentPlan());
    });
    // Rows come and go with undo: the buttons follow.
    connect(model, &QAbstractItemModel::rowsInserted, this, &PlansPanel::updateActions);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &PlansPanel::updateActions);
    connect(model, &QAbstractItemModel::modelReset, this, &PlansPanel::updateActions);
    // The figures keep their width; the plan's name takes what is left, and the site's, usually
    // shorter, a width of one long word that the user may change.
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(m_view->fontMetrics().horizontalAdvance("00000"));
    for (int c = 0; c < model->columnCount(); ++c)
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    header->setSectionResizeMode(1, QHeaderView::Interactive);
    header->resizeSection(1, m_view->fontMetrics().horizontalAdvance("candidate") + 16);
    updateActions();
}

qint64 PlansPanel::currentPlan() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return 0;
    return current.siblingAtColumn(0).data(kPlanIdRole).toLongLong();
}

void PlansPanel::setCurrentPlan(qint64 planId)
{
    QAbstractItemModel *model = m_view->model();
    if (!model || planId == currentPlan())
        return;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(kPlanIdRole).toLongLong() == planId) {
            m_view->setCurrentIndex(index);
            return;
        }
    }
    m_view->clearSelection();
    m_view->setCurrentIndex({});
}

void PlansPanel::renameCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        m_view->edit(current.siblingAtColumn(0));
}

bool PlansPanel::eventFilter(QObject *watched, QEvent *event)
{
    // F2 and Del mean the list's plan while it has the focus, not the map's site (the window's
    // Sites menu has the same keys). While a name is edited its line edit has the focus.
    if (watched == m_view
        && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_F2 || key == Qt::Key_Delete) {
            if (event->type() == QEvent::ShortcutOverride) {
                event->accept();
                return true;
            }
            if (key == Qt::Key_F2)
                renameCurrent();
            else
                emit removeRequested(currentPlan());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PlansPanel::updateActions()
{
    const bool current = currentPlan() != 0;
    for (QAction *a : m_needPlan)
        a->setEnabled(current);
}

} // namespace ui
