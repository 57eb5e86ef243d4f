// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/scorepanel.h"

#include "widgets/emptystate.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace ui {
namespace {

enum Column { FactorColumn, ValueColumn, WeightColumn, ScoreColumn, ContributionColumn, Columns };

QString percent(const std::optional<double> &v)
{
    return v && std::isfinite(*v) ? QString::number(*v * 100.0, 'f', 0) + " %" : QString("—");
}

} // namespace

ScorePanel::ScorePanel(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_title(new QLabel(this)),
      m_score(new QLabel(this)), m_reasons(new QLabel(this)), m_headroom(new QLabel(this)),
      m_table(new QTableWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    m_stack->addWidget(new EmptyState(tr("Site Score"),
                                      tr("Place a site on the map (Sites ▸ Add Site) to see its "
                                         "score: each factor, its value and its weight."),
                                      this));
    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    QFont big = m_score->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_score->setFont(big);
    m_title->setWordWrap(true);
    m_reasons->setWordWrap(true);
    m_reasons->setStyleSheet("color: #c81e1e;");
    m_headroom->setWordWrap(true);
    m_headroom->setObjectName("gridHeadroom");
    m_table->setColumnCount(Columns);
    m_table->setHorizontalHeaderLabels(
            {tr("Factor"), tr("Value here"), tr("Weight"), tr("Score"), tr("Adds")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(FactorColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    for (int c : {WeightColumn, ScoreColumn, ContributionColumn}) {
        header->setSectionResizeMode(c, QHeaderView::Fixed);
        header->resizeSection(c, 54);
    }
    header->resizeSection(FactorColumn, 135);
    m_table->setWordWrap(true);
    pageLayout->addWidget(m_title);
    pageLayout->addWidget(m_score);
    pageLayout->addWidget(m_reasons);
    pageLayout->addWidget(m_headroom);
    pageLayout->addWidget(m_table, 1);
    m_stack->addWidget(page);
}

void ScorePanel::clear()
{
    m_breakdown = {};
    m_stack->setCurrentIndex(0);
}

void ScorePanel::showBreakdown(const ScoreBreakdown &breakdown)
{
    m_breakdown = breakdown;
    m_stack->setCurrentIndex(1);
    m_title->setText(tr("<b>%1</b> — %2°, %3°")
                             .arg(breakdown.siteName.toHtmlEscaped())
                             .arg(breakdown.latitude, 0, 'f', 4)
                             .arg(breakdown.longitude, 0, 'f', 4));
    m_score->setText(scoreText(breakdown.score, breakdown.excluded));
    const QColor colour = scoreColour(breakdown.score, breakdown.excluded);
    m_score->setStyleSheet(QString("color: %1;").arg(colour.darker(130).name()));
    m_reasons->setText(breakdown.exclusionReasons.join("\n"));
    m_reasons->setVisible(!breakdown.exclusionReasons.isEmpty());
    m_headroom->setText(breakdown.gridHeadroom);
    m_headroom->setToolTip(breakdown.gridHeadroomDetail);
    m_headroom->setVisible(!breakdown.gridHeadroom.isEmpty());

    m_table->setRowCount(static_cast<int>(breakdown.rows.size()));
    for (int r = 0; r < breakdown.rows.size(); ++r) {
        const FactorRow &row = breakdown.rows.at(r);
        auto set = [&](int column, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            if (column != FactorColumn && column != ValueColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            QString tip = row.source.isEmpty() ? QString() : tr("From layer: %1").arg(row.source);
            if (!row.reason.isEmpty())
                tip += (tip.isEmpty() ? "" : "\n") + row.reason;
            item->setToolTip(tip);
            if (row.excludes)
                item->setForeground(QColor(200, 30, 30));
            m_table->setItem(r, column, item);
        };
        set(FactorColumn, row.factor);
        set(ValueColumn,
            row.excludes && !row.reason.isEmpty() ? row.value + QStringLiteral(" — ") + row.reason
                                                  : row.value);
        set(WeightColumn, percent(row.weightShare));
        set(ScoreColumn, percent(row.score));
        set(ContributionColumn, percent(row.contribution));
    }
    m_table->resizeRowsToContents();
}

} // namespace ui
