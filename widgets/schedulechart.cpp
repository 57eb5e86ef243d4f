// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/schedulechart.h"

#include "widgets/chartexport.h"

#include "planner/core/schedule/scheduleresult.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

namespace ui {

ScheduleChart::ScheduleChart(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setObjectName("scheduleChart");
    installChartExportMenu(m_plot);
    QCPAxis *tasks = m_plot->yAxis;
    QCPAxis *months = m_plot->xAxis;
    m_offset = new QCPBars(tasks, months);
    m_normal = new QCPBars(tasks, months);
    m_critical = new QCPBars(tasks, months);
    m_offset->setPen(Qt::NoPen);
    m_offset->setBrush(Qt::NoBrush);
    m_offset->setSelectable(QCP::stNone);
    m_normal->setBrush(QColor(70, 130, 180));
    m_normal->setPen(Qt::NoPen);
    m_critical->setBrush(QColor(200, 50, 50));
    m_critical->setPen(Qt::NoPen);
    m_normal->moveAbove(m_offset);
    m_critical->moveAbove(m_offset);
    m_normal->setName(tr("task"));
    m_critical->setName(tr("critical task"));
    for (QCPBars *b : {m_offset, m_normal, m_critical})
        b->setWidth(0.7);
    months->setLabel(tr("months from start"));
    tasks->setRangeReversed(true);
    m_plot->legend->setVisible(true);
    m_plot->legend->removeItem(m_plot->legend->itemWithPlottable(m_offset));
    // Bottom left: a Gantt chart runs from top left to bottom right, so that corner stays empty.
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    tasks->setTickLabelFont(small);
    m_plot->legend->setFont(small);
}

void ScheduleChart::clear()
{
    for (QCPBars *b : {m_offset, m_normal, m_critical})
        b->data()->clear();
    m_plot->clearItems();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ScheduleChart::showSchedule(const QString &title, const planner::ScheduleResult &result)
{
    m_plot->clearItems();
    QVector<double> keys, offsets, normal, critical;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double end = 0.0;
    int row = 0;
    for (const planner::TaskSchedule &task : result.tasks) {
        const double start = task.timing.earlyStart.value();
        const double length = task.timing.earlyFinish.value() - start;
        end = std::max(end, task.timing.earlyFinish.value());
        keys << row;
        offsets << start;
        normal << (task.timing.critical ? 0.0 : length);
        critical << (task.timing.critical ? length : 0.0);
        ticker->addTick(row, QString::fromStdString(task.name));
        ++row;
    }
    m_offset->setData(keys, offsets, true);
    m_normal->setData(keys, normal, true);
    m_critical->setData(keys, critical, true);
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(-0.8, std::max(1, row) - 0.2);

    for (const planner::PhaseEnergization &phase : result.phases)
        end = std::max(end, phase.p90.value());
    const QColor phaseColours[] = {QColor(46, 139, 87), QColor(218, 140, 20), QColor(120, 80, 170),
                                   QColor(30, 120, 200)};
    for (const planner::PhaseEnergization &phase : result.phases) {
        const QColor colour = phaseColours[std::size_t(phase.phase - 1) % 4];
        auto *band = new QCPItemRect(m_plot);
        band->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
        band->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        band->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
        band->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        band->topLeft->setCoords(phase.p10.value(), 0.0);
        band->bottomRight->setCoords(phase.p90.value(), 1.0);
        QColor fill = colour;
        fill.setAlpha(45);
        band->setBrush(fill);
        band->setPen(Qt::NoPen);
        auto *p50 = new QCPItemStraightLine(m_plot);
        p50->point1->setCoords(phase.p50.value(), 0.0);
        p50->point2->setCoords(phase.p50.value(), 1.0);
        p50->setPen(QPen(colour, 2.0, Qt::DashLine));
        auto *label = new QCPItemText(m_plot);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(phase.p50.value(), 0.02 + 0.2 * (phase.phase - 1));
        // Right of the P50 line, or left of it in the last third, so that it stays inside.
        label->setPositionAlignment(
                (phase.p50.value() > 0.66 * end ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
        label->setColor(colour.darker(130));
        label->setBrush(QColor(255, 255, 255, 200)); // legible over bars and bands
        label->setText(tr("Phase %1 P50 %2-%3\nP10–P90 %4–%5 months")
                               .arg(phase.phase)
                               .arg(phase.p50Date.year)
                               .arg(phase.p50Date.month, 2, 10, QChar('0'))
                               .arg(phase.p10.value(), 0, 'f', 0)
                               .arg(phase.p90.value(), 0, 'f', 0));
    }
    m_plot->xAxis->setRange(0.0, end * 1.05 + 1.0);
    m_plot->setToolTip(tr("%1 — %2 samples").arg(title).arg(result.samples));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace ui
