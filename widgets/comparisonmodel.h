// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The comparison table as an item model: one row per figure of a planner::Comparison (minus
// the hidden ones), columns "Figure", "Unit", then one per plan. A plan's cell shows its value
// and, for plans other than the baseline, the difference to the baseline in absolute terms and
// in % on a second line; the best value of a row is bold on a green background. Only formats
// the numbers it is given. GUI thread only; holds a copy of the table.

#include "planner/core/comparison/comparison.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace ui {

class ComparisonModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        ValueRole = Qt::UserRole + 1, // double; invalid where the plan has no figure
        DifferenceRole, // double: value - baseline's; invalid for the baseline or no figure
        PercentRole, // double: difference in % of the baseline; invalid where there is none
        BestRole, // bool: the best value of its row
        RowIdRole, // QString: the figure's id, e.g. "capex_usd"
    };
    static constexpr int kFirstPlanColumn = 2;

    explicit ComparisonModel(QObject *parent = nullptr);

    // notes: per plan, why figures may be missing (what was not evaluated); may be empty.
    void setComparison(const planner::Comparison &table, const QStringList &notes = {});
    void clear();
    void setHiddenRows(const QStringList &ids);
    QStringList hiddenRows() const { return m_hidden; }
    const planner::Comparison &comparison() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // How the model writes a value of a row, e.g. "1.25 B", "2031-04", "1.31".
    static QString valueText(const planner::ComparisonRow &row, double value);
    static QString differenceText(const planner::ComparisonRow &row, double difference,
                                  const std::optional<double> &percent);

private:
    void rebuildRows();
    QVariant planData(const planner::ComparisonRow &row, std::size_t plan, int role) const;

    planner::Comparison m_table;
    QStringList m_notes;
    QStringList m_hidden;
    std::vector<std::size_t> m_rows; // shown rows: indexes into m_table.rows
};

} // namespace ui
