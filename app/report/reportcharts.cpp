// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/reportcharts.h"

#include "planner/core/comparison/comparison.h"
#include "widgets/cashflowchart.h"
#include "widgets/chartexport.h"
#include "widgets/comparisoncharts.h"
#include "widgets/costchart.h"
#include "widgets/schedulechart.h"
#include "widgets/tornadochart.h"

#include <qcustomplot.h>

namespace app::report {

ReportCharts::ReportCharts() : m_owner(std::make_unique<QWidget>())
{
    m_owner->setAttribute(Qt::WA_DontShowOnScreen);
}

ReportCharts::~ReportCharts() = default;

std::unique_ptr<Block> ReportCharts::plotBlock(QCustomPlot *plot, double height)
{
    return std::make_unique<DrawingBlock>(
            height, [plot](QPainter &, const QRectF &rect, const PaintContext &context) {
                QCPPainter *p = context.plotPainter;
                if (!p)
                    return;
                p->save();
                p->translate(rect.topLeft());
                p->setClipRect(QRectF(QPointF(0, 0), rect.size()));
                // As QCustomPlot's own PDF export: vectors, no cached pixmaps, no hairlines.
                p->setMode(QCPPainter::pmVectorized);
                p->setMode(QCPPainter::pmNoCaching);
                p->setMode(QCPPainter::pmNonCosmetic);
                ui::fitChartTitles(plot, rect.width());
                plot->toPainter(p, int(rect.width()), int(rect.height()));
                p->restore();
            });
}

std::unique_ptr<Block> ReportCharts::schedule(const planner::ScheduleResult &result, double height)
{
    auto *chart = new ui::ScheduleChart(m_owner.get());
    chart->showSchedule(QString(), result);
    return plotBlock(chart->plot(), height);
}

std::unique_ptr<Block> ReportCharts::cost(const QString &title,
                                          const planner::EconomicsResult &result, double height)
{
    auto *chart = new ui::CostChart(m_owner.get());
    chart->showCost(title, result);
    return plotBlock(chart->plot(), height);
}

std::unique_ptr<Block> ReportCharts::cashFlow(const QString &title, const planner::CashFlow &flow,
                                              double height)
{
    auto *chart = new ui::CashFlowChart(m_owner.get());
    chart->showCashFlow(title, flow);
    return plotBlock(chart->plot(), height);
}

std::unique_ptr<Block> ReportCharts::tornado(const QString &title, const planner::Tornado &t,
                                             const QString &unit, double scale, double height)
{
    auto *chart = new ui::TornadoChart(unit, scale, m_owner.get());
    chart->showTornado(title, t);
    return plotBlock(chart->plot(), height);
}

std::unique_ptr<Block> ReportCharts::comparison(const std::vector<planner::ComparedPlan> &plans,
                                                Overlay which, double height)
{
    // One set of overlays per report: made once, its four plots painted where asked.
    if (!m_comparison) {
        m_comparison = new ui::ComparisonCharts(m_owner.get());
        m_comparison->showPlans(plans);
    }
    ui::ComparisonCharts *charts = m_comparison;
    QCustomPlot *plot = which == Overlay::CashFlow ? charts->cashFlowPlot()
            : which == Overlay::Energization       ? charts->energizationPlot()
            : which == Overlay::Capex              ? charts->capexPlot()
                                                   : charts->opexPlot();
    return plotBlock(plot, height);
}

} // namespace app::report
