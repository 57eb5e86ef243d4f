// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/costchart.h"

#include "widgets/chartexport.h"

#include "planner/core/economics/economics.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

namespace ui {

CostChart::CostChart(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setObjectName("costChart");
    installChartExportMenu(m_plot);
    m_bars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_bars->setBrush(QColor(70, 130, 180));
    m_bars->setPen(Qt::NoPen);
    m_bars->setWidth(0.7);
    m_plot->xAxis->setLabel(tr("capital cost, million USD"));
    m_plot->yAxis->setRangeReversed(true);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_plot->yAxis->setTickLabelFont(small);
    m_plot->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(m_plot, QString());
    m_plot->plotLayout()->addElement(0, 0, m_title);
}

QString CostChart::title() const
{
    return m_title->text();
}

void CostChart::clear()
{
    m_bars->data()->clear();
    m_title->setText(QString());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CostChart::showCost(const QString &title, const planner::EconomicsResult &r)
{
    // Lines below 1 % of the capex are summed into one bar, so the rest stay readable in a
    // short dock; the full list is in the report and `energize plan`.
    QVector<double> keys, values;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double largest = 0.0;
    double other = 0.0;
    int merged = 0;
    auto addBar = [&](const QString &label, double usd) {
        const int i = int(keys.size());
        keys << i;
        values << usd / 1e6;
        largest = std::max(largest, usd / 1e6);
        ticker->addTick(i, label);
    };
    for (const planner::CostLine &line : r.capex) {
        if (line.usd < 0.01 * r.totalCapex) {
            other += line.usd;
            ++merged;
            continue;
        }
        addBar(QString::fromStdString(line.category), line.usd);
    }
    if (merged > 0)
        addBar(tr("%n smaller line(s)", nullptr, merged), other);
    m_bars->setData(keys, values, true);
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(-0.8, std::max<int>(1, int(keys.size())) - 0.2);
    m_plot->xAxis->setRange(0.0, largest * 1.1 + 1.0);
    QString text = tr("%1 — capex %2 M USD · opex %3 M USD/yr · TCO %4 M USD (%5 %, %6 years)")
                           .arg(title)
                           .arg(r.totalCapex / 1e6, 0, 'f', 0)
                           .arg(r.opexPerYear / 1e6, 0, 'f', 1)
                           .arg(r.npvTco / 1e6, 0, 'f', 0)
                           .arg(r.discountRate * 100.0, 0, 'f', 1)
                           .arg(r.horizonYears);
    if (r.usdPerAcceleratorHour)
        text += tr(" · %1 USD per accelerator-hour").arg(*r.usdPerAcceleratorHour, 0, 'f', 2);
    if (r.usdPerMillionTokens)
        text += tr(" · %1 USD per million tokens").arg(*r.usdPerMillionTokens, 0, 'f', 3);
    if (!r.missing.empty())
        text += tr("\nNot priced: %1").arg(QString::fromStdString(r.missing.front()));
    m_title->setText(text);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace ui
