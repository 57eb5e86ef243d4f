// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Charts dock: time to power on (and, as they come, cost charts) for the selected site, in
// tabs. Says what will appear until a plan exists. GUI thread only.

#include <QWidget>

class QStackedWidget;
class QTabWidget;

namespace planner {
struct EconomicsResult;
struct ScheduleResult;
} // namespace planner

namespace ui {

class CostChart;
class ScheduleChart;

class ChartsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget *parent = nullptr);

    void showSchedule(const QString &title, const planner::ScheduleResult &result);
    void showCost(const QString &title, const planner::EconomicsResult &result);
    void clear();
    ScheduleChart *scheduleChart() const { return m_schedule; }
    CostChart *costChart() const { return m_cost; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    QStackedWidget *m_stack;
    QTabWidget *m_tabs;
    ScheduleChart *m_schedule;
    CostChart *m_cost;
};

} // namespace ui
