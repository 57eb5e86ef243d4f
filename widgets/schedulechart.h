// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Time to power on as a chart: each task of the schedule as a bar from its early start to its
// early finish (critical tasks in red), and each phase's energization with its P10–P90 band
// and P50 line. Shows a ScheduleResult made elsewhere; replots are queued, so many updates in
// one event-loop turn cost one paint. GUI thread only.

#include <QWidget>

class QCustomPlot;
class QCPBars;

namespace planner {
struct ScheduleResult;
}

namespace ui {

class ScheduleChart : public QWidget
{
    Q_OBJECT
public:
    explicit ScheduleChart(QWidget *parent = nullptr);

    void showSchedule(const QString &title, const planner::ScheduleResult &result);
    void clear();
    QCustomPlot *plot() const { return m_plot; }

private:
    QCustomPlot *m_plot;
    QCPBars *m_offset;
    QCPBars *m_normal;
    QCPBars *m_critical;
};

} // namespace ui
