// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Capital cost by category as horizontal bars (million USD), with the yearly operating cost and
// the TCO in the title. Shows an EconomicsResult made elsewhere; replots are queued.
// GUI thread only.

#include <QWidget>

class QCustomPlot;
class QCPBars;
class QCPTextElement;

namespace planner {
struct EconomicsResult;
}

namespace ui {

class CostChart : public QWidget
{
    Q_OBJECT
public:
    explicit CostChart(QWidget *parent = nullptr);

    void showCost(const QString &title, const planner::EconomicsResult &result);
    void clear();
    QCustomPlot *plot() const { return m_plot; }
    QString title() const;

private:
    QCustomPlot *m_plot;
    QCPBars *m_bars;
    QCPTextElement *m_title;
};

} // namespace ui
