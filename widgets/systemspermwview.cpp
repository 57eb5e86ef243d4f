// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/systemspermwview.h"

#include "widgets/chartexport.h"

#include "planner/core/comparison/systemcomparison.h"

#include <QHeaderView>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace ui {
namespace {

enum Column { System, AcceleratorsPerMw, TokensPerMw, CapexPerMw, PerHour, PerMillion, Count };

// A cell that sorts by its number (kept in UserRole); a missing figure (NaN) sorts below every
// number, so it gathers at one end of the table in either order.
class NumberItem : public QTableWidgetItem
{
public:
    bool operator<(const QTableWidgetItem &other) const override
    {
        const double a = data(Qt::UserRole).toDouble();
        const double b = other.data(Qt::UserRole).toDouble();
        if (std::isnan(a) || std::isnan(b))
            return std::isnan(a) && !std::isnan(b);
        return a < b;
    }
};

QTableWidgetItem *numberCell(std::optional<double> value, int decimals, const QString &tip)
{
    auto *item = new NumberItem;
    if (value && std::isfinite(*value)) {
        item->setData(Qt::DisplayRole,
                      std::round(*value * std::pow(10.0, decimals)) / std::pow(10.0, decimals));
    } else {
        item->setData(Qt::DisplayRole, QObject::tr("missing"));
        item->setForeground(Qt::gray);
    }
    item->setData(Qt::UserRole, value ? *value : std::nan(""));
    item->setToolTip(tip);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

} // namespace

SystemsPerMwView::SystemsPerMwView(QWidget *parent)
    : QWidget(parent), m_table(new QTableWidget(this)), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // Side by side: the Charts dock is wide and short, so the chart gets the dock's height.
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_plot);
    layout->addWidget(split);
    m_table->setObjectName("systemsPerMwTable");
    m_table->setColumnCount(Count);
    m_table->setHorizontalHeaderLabels({tr("System"), tr("Accelerators per MW"),
                                        tr("Tokens/s per MW"), tr("Capex, M USD per MW"),
                                        tr("USD per accelerator-hour"),
                                        tr("USD per million tokens")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setSortingEnabled(true);
    m_table->setWhatsThis(tr("The selected plan at the selected site, built with every catalog "
                             "system: click a column to sort by it and chart it below. Hover a "
                             "cell for its source. \"missing\" means the catalog has no "
                             "published figure (a throughput for a class of the plan's mix, or "
                             "a price); nothing is estimated."));
    connect(m_table->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int section) {
        if (section != System)
            chartColumn(section);
    });
    m_plot->setObjectName("systemsPerMwChart");
    installChartExportMenu(m_plot);
    m_bars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_bars->setBrush(QColor(70, 130, 180));
    m_bars->setPen(Qt::NoPen);
    m_bars->setWidth(0.7);
    m_plot->yAxis->setRangeReversed(true);
    m_plot->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(m_plot, QString());
    m_plot->plotLayout()->addElement(0, 0, m_title);
}

void SystemsPerMwView::clear()
{
    m_table->setRowCount(0);
    m_bars->data()->clear();
    m_title->setText(QString());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SystemsPerMwView::showSystems(const QString &title,
                                   const std::vector<planner::SystemPerMw> &rows)
{
    m_name = title;
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(rows.size()));
    const QString costTip = tr("From this plan's cost estimate with the system (economics "
                               "catalog; each line's source is in the Cost tab and the report)");
    for (int i = 0; i < int(rows.size()); ++i) {
        const planner::SystemPerMw &r = rows[std::size_t(i)];
        auto *name = new QTableWidgetItem(QString::fromStdString(r.name));
        name->setFlags(name->flags() & ~Qt::ItemIsEditable);
        name->setToolTip(
                r.error.empty()
                        ? QString::fromStdString(r.systemId)
                        : tr("Not built with this plan: %1").arg(QString::fromStdString(r.error)));
        m_table->setItem(i, System, name);
        const bool built = r.error.empty();
        auto value = [&](std::optional<double> v) {
            return built ? v : std::nullopt;
        };
        QStringList throughput;
        for (const std::string &s : r.throughputSources)
            throughput << QString::fromStdString(s);
        m_table->setItem(i, AcceleratorsPerMw,
                         numberCell(value(r.acceleratorsPerMw), 1,
                                    tr("Accelerators per rack and rack IT power: %1")
                                            .arg(QString::fromStdString(r.rackSource))));
        m_table->setItem(i, TokensPerMw,
                         numberCell(value(r.tokensPerSecondPerMw), 0,
                                    throughput.isEmpty()
                                            ? tr("Give the plan a workload mix to compare "
                                                 "tokens per MW")
                                            : tr("Benchmark output tokens/s for the plan's "
                                                 "mix:\n%1")
                                                      .arg(throughput.join("\n"))));
        m_table->setItem(
                i, CapexPerMw,
                numberCell(value(r.capexPerMw ? std::optional(*r.capexPerMw / 1e6) : std::nullopt),
                           2, costTip));
        m_table->setItem(i, PerHour, numberCell(value(r.usdPerAcceleratorHour), 2, costTip));
        m_table->setItem(i, PerMillion, numberCell(value(r.usdPerMillionTokens), 3, costTip));
    }
    m_table->setSortingEnabled(true);
    replotChart();
}

void SystemsPerMwView::chartColumn(int column)
{
    if (column <= System || column >= Count)
        return;
    m_column = column;
    replotChart();
}

void SystemsPerMwView::replotChart()
{
    QVector<double> keys, values;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double largest = 0.0;
    int missing = 0;
    // In the table's current order, so the chart reads like the sorted table.
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const double v = m_table->item(row, m_column)->data(Qt::UserRole).toDouble();
        if (!std::isfinite(v)) {
            ++missing;
            continue;
        }
        const int i = int(keys.size());
        const double shown = v; // capex is kept in M USD per MW already
        keys << i;
        values << shown;
        largest = std::max(largest, shown);
        ticker->addTick(i, m_table->item(row, System)->text());
    }
    m_bars->setData(keys, values, true);
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(-0.8, std::max<int>(1, int(keys.size())) - 0.2);
    m_plot->xAxis->setRange(0.0, largest > 0.0 ? largest * 1.1 : 1.0);
    const QString column = m_table->horizontalHeaderItem(m_column)->text();
    m_plot->xAxis->setLabel(column);
    QString text = tr("%1 — %2 by system").arg(m_name, column);
    if (missing > 0)
        text += tr(" (%n system(s) missing a figure)", nullptr, missing);
    m_title->setText(text);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace ui
