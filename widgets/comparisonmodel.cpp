// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/comparisonmodel.h"

#include <QBrush>
#include <QFont>

#include <cmath>

namespace ui {
namespace {

const QColor kBestBackground(214, 240, 214);
const QColor kBestText(20, 100, 40);

QString scaled(double value)
{
    const double a = std::abs(value);
    if (a >= 1e9)
        return QString::number(value / 1e9, 'f', 2) + QStringLiteral(" B");
    if (a >= 1e6)
        return QString::number(value / 1e6, 'f', 1) + QStringLiteral(" M");
    if (a >= 1e4)
        return QString::number(value / 1e3, 'f', 0) + QStringLiteral(" k");
    if (a >= 100)
        return QString::number(value, 'f', 0);
    if (a >= 10)
        return QString::number(value, 'f', 1);
    return QString::number(value, 'f', 2);
}

QString signedText(double value, const QString &text)
{
    return (value > 0 ? QStringLiteral("+") : QString()) + text;
}

} // namespace

ComparisonModel::ComparisonModel(QObject *parent) : QAbstractTableModel(parent)
{}

void ComparisonModel::setComparison(const planner::Comparison &table, const QStringList &notes)
{
    beginResetModel();
    m_table = table;
    m_notes = notes;
    rebuildRows();
    endResetModel();
}

void ComparisonModel::clear()
{
    setComparison({});
}

void ComparisonModel::setHiddenRows(const QStringList &ids)
{
    if (ids == m_hidden)
        return;
    beginResetModel();
    m_hidden = ids;
    rebuildRows();
    endResetModel();
}

void ComparisonModel::rebuildRows()
{
    m_rows.clear();
    for (std::size_t i = 0; i < m_table.rows.size(); ++i) {
        if (!m_hidden.contains(QString::fromStdString(m_table.rows[i].id)))
            m_rows.push_back(i);
    }
}

int ComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_table.plans.empty() ? 0
                                                     : kFirstPlanColumn + int(m_table.plans.size());
}

QString ComparisonModel::valueText(const planner::ComparisonRow &row, double value)
{
    if (row.isMonth)
        return QString::fromStdString(planner::monthText(value));
    return scaled(value);
}

QString ComparisonModel::differenceText(const planner::ComparisonRow &row, double difference,
                                        const std::optional<double> &percent)
{
    const long months = std::lround(difference);
    QString text = !row.isMonth     ? scaled(difference)
            : std::abs(months) == 1 ? tr("%1 month").arg(months)
                                    : tr("%1 months").arg(months);
    text = signedText(difference, text);
    if (percent)
        text += QStringLiteral(" (%1 %)").arg(
                signedText(*percent, QString::number(*percent, 'f', 1)));
    return text;
}

QVariant ComparisonModel::planData(const planner::ComparisonRow &row, std::size_t plan,
                                   int role) const
{
    const std::optional<double> value = plan < row.values.size() ? row.values[plan] : std::nullopt;
    const bool best = row.best && *row.best == plan;
    const bool isBaseline = plan == m_table.baseline;
    const std::optional<double> difference =
            !isBaseline && plan < row.difference.size() ? row.difference[plan] : std::nullopt;
    const std::optional<double> percent =
            !isBaseline && plan < row.percent.size() ? row.percent[plan] : std::nullopt;
    switch (role) {
    case Qt::DisplayRole:
        if (!value)
            return QStringLiteral("—");
        if (difference)
            return valueText(row, *value) + '\n' + differenceText(row, *difference, percent);
        return valueText(row, *value);
    case Qt::ToolTipRole:
        if (!value) {
            const QString note = int(plan) < m_notes.size() ? m_notes[int(plan)] : QString();
            return note.isEmpty() ? tr("No figure for this plan") : tr("No figure: %1").arg(note);
        }
        if (best)
            return tr("Best of the compared plans");
        return {};
    case Qt::FontRole:
        if (best) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::BackgroundRole:
        return best ? QVariant(QBrush(kBestBackground)) : QVariant();
    case Qt::ForegroundRole:
        return best ? QVariant(QBrush(kBestText)) : QVariant();
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case ValueRole:
        return value ? QVariant(*value) : QVariant();
    case DifferenceRole:
        return difference ? QVariant(*difference) : QVariant();
    case PercentRole:
        return percent ? QVariant(*percent) : QVariant();
    case BestRole:
        return best;
    default:
        return {};
    }
}

QVariant ComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const planner::ComparisonRow &row = m_table.rows[m_rows[std::size_t(index.row())]];
    if (role == RowIdRole)
        return QString::fromStdString(row.id);
    if (index.column() >= kFirstPlanColumn)
        return planData(row, std::size_t(index.column() - kFirstPlanColumn), role);
    if (role == Qt::DisplayRole) {
        if (index.column() == 0)
            return QString::fromStdString(row.label);
        // A figure without a unit is a ratio (PUE); every row names what its numbers are.
        return row.unit.empty() ? tr("ratio") : QString::fromStdString(row.unit);
    }
    if (role == Qt::ToolTipRole && index.column() == 0) {
        switch (row.better) {
        case planner::Better::Lower:
            return tr("Lower is better");
        case planner::Better::Higher:
            return tr("Higher is better");
        case planner::Better::Neither:
            return tr("Neither higher nor lower is better");
        }
    }
    return {};
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == 0)
        return tr("Figure");
    if (section == 1)
        return tr("Unit");
    const std::size_t plan = std::size_t(section - kFirstPlanColumn);
    const QString name = QString::fromStdString(m_table.plans[plan]);
    return plan == m_table.baseline ? tr("%1\n(baseline)").arg(name) : name;
}

} // namespace ui
