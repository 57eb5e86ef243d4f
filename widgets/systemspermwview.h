// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a megawatt buys with each catalog system at the selected site and plan: a sortable table
// (accelerators, tokens/s, capex per MW, USD per accelerator-hour and per million tokens; each
// cell's source on hover; "missing" where the catalog has no figure) above a bar chart of the
// column last sorted by. Shows rows computed elsewhere (planner::compareSystems). GUI thread.

#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPBars;
class QCPTextElement;
class QTableWidget;

namespace planner {
struct SystemPerMw;
}

namespace ui {

class SystemsPerMwView : public QWidget
{
    Q_OBJECT
public:
    explicit SystemsPerMwView(QWidget *parent = nullptr);

    void showSystems(const QString &title, const std::vector<planner::SystemPerMw> &rows);
    void clear();
    QTableWidget *table() const { return m_table; }
    QCustomPlot *plot() const { return m_plot; }
    int chartedColumn() const { return m_column; }
    void chartColumn(int column);

private:
    void replotChart();

    QTableWidget *m_table;
    QCustomPlot *m_plot;
    QCPBars *m_bars;
    QCPTextElement *m_title;
    QString m_name;
    int m_column = 1;
};

} // namespace ui
