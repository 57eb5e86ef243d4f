// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The executive comparison of build plans, a window of its own: on the left the plans to
// compare (2-6, checkable, in their chart colour), the baseline and the figures shown; on the
// right the summary sentences, the table of figures side by side (ComparisonModel) and the
// overlaid charts (ComparisonCharts). Shows what it is given and reports the user's choice as
// choiceChanged(); it computes no figure. GUI thread only.

#include "planner/core/comparison/comparison.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QSplitter;
class QTableView;
class QToolButton;

namespace ui {

class ComparisonCharts;
class ComparisonModel;

class ComparisonView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMostPlans = 6;

    explicit ComparisonView(QWidget *parent = nullptr);

    // Every plan of the project, in the Plans panel's order, and what is chosen among them
    // (empty plans: the first six). Emits nothing.
    void setChoice(const QStringList &allPlans, const QStringList &plans, const QString &baseline,
                   const QStringList &hiddenRows);
    void showComparison(const planner::Comparison &table,
                        const std::vector<planner::ComparedPlan> &plans,
                        const QStringList &notes = {});
    // Why there is no comparison, e.g. "a comparison needs two plans or more".
    void showMessage(const QString &message);
    // While busy, a bar says that the comparison is being computed and the figures shown (those
    // of earlier inputs) are greyed out; the choice on the left stays editable.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }

    QStringList checkedPlans() const;
    QString baseline() const;
    QStringList hiddenRows() const;

    ComparisonModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    ComparisonCharts *charts() const { return m_charts; }
    QListWidget *planList() const { return m_plans; }
    QComboBox *baselineBox() const { return m_baseline; }
    QToolButton *rowsButton() const { return m_rows; }
    QLabel *summaryLabel() const { return m_summary; }
    QWidget *busyIndicator() const { return m_busyRow; }

signals:
    void choiceChanged(const QStringList &plans, const QString &baseline,
                       const QStringList &hiddenRows);

private:
    void fillBaselines(const QString &current);
    void onPlansEdited();
    void rebuildRowsMenu();
    void emitChoice();

    QListWidget *m_plans;
    QComboBox *m_baseline;
    QToolButton *m_rows;
    QLabel *m_summary;
    QLabel *m_message;
    QWidget *m_busyRow;
    QProgressBar *m_busyBar;
    QTableView *m_table;
    QSplitter *m_split;
    ComparisonModel *m_model;
    ComparisonCharts *m_charts;
    bool m_updating = false;
    bool m_busy = false;
};

} // namespace ui
