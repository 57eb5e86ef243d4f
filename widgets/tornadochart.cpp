// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/tornadochart.h"

#include "widgets/chartexport.h"

#include "planner/core/montecarlo/sensitivity.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ui {
namespace {

constexpr int kShownBars = 12;

// Input values as people write them: 9.3 M, 27.8 k, 0.05.
QString compact(double v)
{
    if (std::abs(v) >= 1e6)
        return QString::number(v / 1e6, 'g', 3) + " M";
    if (std::abs(v) >= 1e4)
        return QString::number(v / 1e3, 'g', 3) + " k";
    return QString::number(v, 'g', 3);
}

} // namespace

TornadoChart::TornadoChart(const QString &unit, double scale, QWidget *parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_unit(unit), m_scale(scale)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setObjectName("tornadoChart");
    installChartExportMenu(m_plot);
    m_low = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_low->setName(tr("input at its low value"));
    m_low->setBrush(QColor(70, 130, 180));
    m_low->setPen(Qt::NoPen);
    m_low->setWidth(0.7);
    m_high = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_high->setName(tr("input at its high value"));
    m_high->setBrush(QColor(210, 120, 60));
    m_high->setPen(Qt::NoPen);
    m_high->setWidth(0.45); // narrower, so a high end on the same side as the low stays visible
    m_base = new QCPItemStraightLine(m_plot);
    m_base->setPen(QPen(QColor(40, 40, 40), 1, Qt::DashLine));
    m_plot->xAxis->setLabel(tr("change from the base, %1").arg(unit));
    m_plot->yAxis->setRangeReversed(true);
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    m_plot->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(m_plot, QString());
    m_plot->plotLayout()->addElement(0, 0, m_title);
}

void TornadoChart::clear()
{
    m_low->data()->clear();
    m_high->data()->clear();
    m_title->setText(QString());
    m_barCount = 0;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TornadoChart::showTornado(const QString &title, const planner::Tornado &t)
{
    // Bars are drawn from zero: each shows how far the output moves from the base.
    QVector<double> keys, low, high;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double reach = 0.0;
    m_barCount = int(std::min<std::size_t>(kShownBars, t.bars.size()));
    for (int i = 0; i < m_barCount; ++i) {
        const planner::TornadoBar &bar = t.bars[std::size_t(i)];
        keys << i;
        low << (bar.outputAtLow - t.baseOutput) / m_scale;
        high << (bar.outputAtHigh - t.baseOutput) / m_scale;
        reach = std::max({reach, std::abs(low.back()), std::abs(high.back())});
        QString name = QString::fromStdString(bar.name);
        if (name.size() > 48)
            name = name.left(47) + QChar(0x2026);
        ticker->addTick(
                i, QStringLiteral("%1 (%2 … %3)").arg(name, compact(bar.low), compact(bar.high)));
    }
    m_low->setData(keys, low, true);
    m_high->setData(keys, high, true);
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(-0.8, std::max(1, m_barCount) - 0.2);
    m_plot->xAxis->setRange(-reach * 1.1 - 1e-9, reach * 1.1 + 1e-9);
    m_base->point1->setCoords(0.0, 0.0);
    m_base->point2->setCoords(0.0, 1.0);
    m_title->setText(tr("%1 — base %2 %3; the %4 inputs that move it most of %5")
                             .arg(title)
                             .arg(t.baseOutput / m_scale, 0, 'f', 1)
                             .arg(m_unit)
                             .arg(m_barCount)
                             .arg(t.bars.size()));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace ui
