// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Charts dock: time to power on (and, as they come, cost charts) for the selected site, in
// tabs. Says what will appear until a plan exists. GUI thread only.

#include <QWidget>

class QStackedWidget;
class QTabWidget;

namespace planner {
struct ScheduleResult;
}

namespace ui {

class ScheduleChart;

class ChartsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget *parent = nullptr);

    void showSchedule(const QString &title, const planner::ScheduleResult &result);
    void clear();
    ScheduleChart *scheduleChart() const { return m_schedule; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    QStackedWidget *m_stack;
    QTabWidget *m_tabs;
    ScheduleChart *m_schedule;
};

} // namespace ui
