// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Quarterly cash flow of a phased build: capex per phase as stacked bars, opex on top, and the
// cumulative spend as a line on the right axis (million USD). Shows a CashFlow made elsewhere;
// replots are queued. GUI thread only.

#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPBars;
class QCPGraph;
class QCPTextElement;

namespace planner {
struct CashFlow;
}

namespace ui {

class CashFlowChart : public QWidget
{
    Q_OBJECT
public:
    explicit CashFlowChart(QWidget *parent = nullptr);

    void showCashFlow(const QString &title, const planner::CashFlow &flow);
    void clear();
    QCustomPlot *plot() const { return m_plot; }
    int phaseCount() const { return int(m_phases.size()); }

private:
    QCPBars *phaseBars(std::size_t phase);

    QCustomPlot *m_plot;
    std::vector<QCPBars *> m_phases;
    QCPBars *m_opex;
    QCPGraph *m_cumulative;
    QCPTextElement *m_title;
};

} // namespace ui
