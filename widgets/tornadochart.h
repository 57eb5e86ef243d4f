// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A tornado: for the widest inputs, a bar from the output at the input's low value to the
// output at its high value, around a vertical line at the base output. Low-value ends in one
// colour, high-value ends in another, so the direction of each input reads at a glance. Shows a
// Tornado made elsewhere; replots are queued. GUI thread only.

#include <QWidget>

class QCustomPlot;
class QCPBars;
class QCPItemStraightLine;
class QCPTextElement;

namespace planner {
struct Tornado;
}

namespace ui {

class TornadoChart : public QWidget
{
    Q_OBJECT
public:
    // Outputs are divided by `scale` and labelled `unit` on the axis.
    TornadoChart(const QString &unit, double scale, QWidget *parent = nullptr);

    void showTornado(const QString &title, const planner::Tornado &tornado);
    void clear();
    QCustomPlot *plot() const { return m_plot; }
    int barCount() const { return m_barCount; }

private:
    QCustomPlot *m_plot;
    QCPBars *m_low; // from base to the output at the low input
    QCPBars *m_high;
    QCPItemStraightLine *m_base;
    QCPTextElement *m_title;
    QString m_unit;
    double m_scale;
    int m_barCount = 0;
};

} // namespace ui
