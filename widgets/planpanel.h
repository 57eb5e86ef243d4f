// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Plan dock: what the selected site's plan needs (racks, cooling, electrical, land), whether
// its phases fit the grid's headroom at the serving bus, and every assumption behind it with its
// origin and source. Displays a PlanResult made elsewhere; the catalog must be the one the
// result was planned with. GUI thread only.

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace planner {
struct Catalog;
struct GridFit;
struct PlanResult;
struct RouterSavings;
} // namespace planner

namespace ui {

class PlanPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PlanPanel(QWidget *parent = nullptr);

    // `gridFit` null: the site's grid was not studied, and the row says so. `savings`: what the
    // router mix of a served workload saves against sending all traffic to its costliest class
    // (null: no such comparison, e.g. a plan sized by IT MW or a one-class mix).
    void showPlan(const QString &title, const planner::PlanResult &result,
                  const planner::Catalog &catalog, const planner::GridFit *gridFit = nullptr,
                  const planner::RouterSavings *savings = nullptr);
    // Shows why there is no plan (bad input, no catalog) instead of a result.
    void showError(const QString &title, const QString &message);
    void clear();

    QTreeWidget *tree() const { return m_tree; }

private:
    QTreeWidgetItem *section(const QString &name);
    QTreeWidgetItem *row(QTreeWidgetItem *parent, const QString &name, const QString &value);
    void gridHeadroomRow(QTreeWidgetItem *parent, const planner::GridFit *fit);

    QStackedWidget *m_stack;
    QLabel *m_title;
    QLabel *m_error;
    QTreeWidget *m_tree;
};

} // namespace ui
