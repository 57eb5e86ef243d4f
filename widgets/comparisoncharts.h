// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The comparison's overlaid charts, one graph (or bar set) per plan in the plan's colour:
// cumulative cash flow over calendar time, the CDF of the last phase's energization with its
// P50 and P90 marked, capex by category and opex per year by category as grouped bars. Shows
// figures made elsewhere (the plans' own evaluations); replots are queued. GUI thread only.

#include "planner/core/comparison/comparison.h"

#include <QColor>
#include <QWidget>

class QCustomPlot;
class QLabel;

namespace ui {

class ComparisonCharts : public QWidget
{
    Q_OBJECT
public:
    explicit ComparisonCharts(QWidget *parent = nullptr);

    void showPlans(const std::vector<planner::ComparedPlan> &plans);
    void clear();

    // The colour of the plan in column `index`, the same in every chart and in the table.
    static QColor planColour(std::size_t index);

    QCustomPlot *cashFlowPlot() const { return m_cash; }
    QCustomPlot *energizationPlot() const { return m_cdf; }
    QCustomPlot *capexPlot() const { return m_capex; }
    QCustomPlot *opexPlot() const { return m_opex; }
    QLabel *colourKey() const { return m_key; }

private:
    void showCashFlow(const std::vector<planner::ComparedPlan> &plans);
    void showEnergization(const std::vector<planner::ComparedPlan> &plans);
    void showCostLines(QCustomPlot *plot, const std::vector<planner::ComparedPlan> &plans,
                       bool capex);

    QCustomPlot *m_cash;
    QCustomPlot *m_cdf;
    QCustomPlot *m_capex;
    QCustomPlot *m_opex;
    QLabel *m_key;
};

} // namespace ui
