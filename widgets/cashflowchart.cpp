// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/cashflowchart.h"

#include "widgets/chartexport.h"

#include "planner/core/economics/cashflow.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>

namespace ui {
namespace {

const QColor kPhaseColours[] = {QColor(70, 130, 180), QColor(100, 170, 120), QColor(210, 150, 60),
                                QColor(150, 110, 180), QColor(200, 90, 90)};

QString quarterLabel(const planner::YearMonth &m)
{
    return QStringLiteral("%1 Q%2").arg(m.year).arg((m.month - 1) / 3 + 1);
}

} // namespace

CashFlowChart::CashFlowChart(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setObjectName("cashFlowChart");
    installChartExportMenu(m_plot);
    m_plot->yAxis->setLabel(tr("spend per quarter, million USD"));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setLabel(tr("cumulative, million USD"));
    m_opex = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_opex->setName(tr("Opex"));
    m_opex->setBrush(QColor(150, 150, 150));
    m_opex->setPen(Qt::NoPen);
    m_opex->setWidth(0.75);
    m_cumulative = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_cumulative->setName(tr("Cumulative"));
    m_cumulative->setPen(QPen(QColor(40, 40, 40), 2));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_plot->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(m_plot, QString());
    m_plot->plotLayout()->addElement(0, 0, m_title);
}

QCPBars *CashFlowChart::phaseBars(std::size_t phase)
{
    while (m_phases.size() <= phase) {
        auto *bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        const std::size_t k = m_phases.size();
        bars->setName(tr("Capex, phase %1").arg(k + 1));
        bars->setBrush(kPhaseColours[k % std::size(kPhaseColours)]);
        bars->setPen(Qt::NoPen);
        bars->setWidth(0.75);
        if (!m_phases.empty())
            bars->moveAbove(m_phases.back());
        m_phases.push_back(bars);
        m_opex->moveAbove(bars);
    }
    return m_phases[phase];
}

void CashFlowChart::clear()
{
    for (QCPBars *bars : m_phases)
        bars->data()->clear();
    m_opex->data()->clear();
    m_cumulative->data()->clear();
    m_title->setText(QString());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CashFlowChart::showCashFlow(const QString &title, const planner::CashFlow &flow)
{
    const std::size_t phases =
            flow.quarters.empty() ? 0 : flow.quarters.front().capexByPhase.size();
    for (std::size_t k = 0; k < std::max(phases, m_phases.size()); ++k) {
        QCPBars *bars = phaseBars(k);
        bars->setVisible(k < phases);
        bars->addToLegend();
        if (k >= phases)
            bars->removeFromLegend();
    }
    QVector<double> keys, opex, cumulative;
    std::vector<QVector<double>> capex(phases);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double highest = 0.0;
    const int step = std::max<int>(1, int(flow.quarters.size()) / 10);
    for (int i = 0; i < int(flow.quarters.size()); ++i) {
        const planner::CashFlowQuarter &q = flow.quarters[std::size_t(i)];
        keys << i;
        for (std::size_t k = 0; k < phases; ++k)
            capex[k] << q.capexByPhase[k] / 1e6;
        opex << q.opex / 1e6;
        cumulative << q.cumulative / 1e6;
        highest = std::max(highest, (q.capex + q.opex) / 1e6);
        if (i % step == 0)
            ticker->addTick(i, quarterLabel(q.start));
    }
    for (std::size_t k = 0; k < phases; ++k)
        m_phases[k]->setData(keys, capex[k], true);
    m_opex->setData(keys, opex, true);
    m_cumulative->setData(keys, cumulative, true);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.8, std::max<int>(1, int(keys.size())) - 0.2);
    m_plot->yAxis->setRange(0.0, highest * 1.1 + 1.0);
    m_plot->yAxis2->setRange(0.0, (cumulative.isEmpty() ? 0.0 : cumulative.back()) * 1.05 + 1.0);
    const double total = flow.quarters.empty() ? 0.0 : flow.quarters.back().cumulative;
    m_title->setText(tr("%1 — cash flow on the P50 schedule: %2 M USD to a year after the last "
                        "phase, peak quarter %3 M USD capex")
                             .arg(title)
                             .arg(total / 1e6, 0, 'f', 0)
                             .arg(flow.peakQuarterCapex / 1e6, 0, 'f', 0));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace ui
