// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/comparisoncharts.h"

#include "widgets/chartexport.h"

#include <QGridLayout>
#include <QLabel>
#include <qcustomplot.h>

#include <algorithm>

namespace ui {
namespace {

const QColor kPlanColours[] = {QColor(31, 119, 180), QColor(255, 127, 14),  QColor(44, 160, 44),
                               QColor(214, 39, 40),  QColor(148, 103, 189), QColor(140, 86, 75)};

// Calendar time as decimal years: the first day of the month.
double years(const planner::YearMonth &m)
{
    return m.year + (m.month - 1) / 12.0;
}

QCustomPlot *newPlot(QWidget *parent, const QString &name, const QString &title)
{
    auto *plot = new QCustomPlot(parent);
    plot->setAntialiasedElements(QCP::aeAll);
    plot->setObjectName(name);
    installChartExportMenu(plot);
    plot->setMinimumSize(280, 220);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0,
                                   new QCPTextElement(plot, title, QFont("sans", 10, QFont::Bold)));
    // One legend for the four charts (ComparisonCharts' colour key): a legend in each chart
    // would hide bars or curves, or be cut off in a narrow chart.
    plot->legend->setVisible(false);
    QFont small = plot->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (QCPAxis *axis : plot->axisRect()->axes())
        axis->setTickLabelFont(small);
    return plot;
}

void yearTicks(QCPAxis *axis)
{
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    axis->setTicker(ticker);
    axis->setNumberFormat("f");
    axis->setNumberPrecision(0);
}

} // namespace

ComparisonCharts::ComparisonCharts(QWidget *parent)
    : QWidget(parent),
      m_cash(newPlot(this, "comparisonCashFlow", tr("Cumulative cash flow (P50 schedule)"))),
      m_cdf(newPlot(this, "comparisonEnergization", tr("Last phase energized by"))),
      m_capex(newPlot(this, "comparisonCapex", tr("Capex by category"))),
      m_opex(newPlot(this, "comparisonOpex", tr("Opex per year at full build"))),
      m_key(new QLabel(this))
{
    m_key->setObjectName("comparisonColourKey");
    m_key->setTextFormat(Qt::RichText);
    m_key->setWordWrap(true);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_key, 0, 0, 1, 2);
    grid->addWidget(m_cash, 1, 0);
    grid->addWidget(m_cdf, 1, 1);
    grid->addWidget(m_capex, 2, 0);
    grid->addWidget(m_opex, 2, 1);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(2, 1);
    m_cash->yAxis->setLabel(tr("billion USD spent"));
    m_cash->xAxis->setLabel(tr("year"));
    yearTicks(m_cash->xAxis);
    m_cdf->yAxis->setLabel(tr("share of outcomes, %"));
    m_cdf->xAxis->setLabel(tr("year"));
    yearTicks(m_cdf->xAxis);
    m_cdf->yAxis->setRange(0, 100);
    m_capex->xAxis->setLabel(tr("million USD"));
    for (QCustomPlot *plot : {m_capex, m_opex})
        plot->xAxis->ticker()->setTickCount(4);
    m_opex->xAxis->setLabel(tr("million USD per year"));
}

QColor ComparisonCharts::planColour(std::size_t index)
{
    return kPlanColours[index % std::size(kPlanColours)];
}

void ComparisonCharts::clear()
{
    showPlans({});
}

void ComparisonCharts::showPlans(const std::vector<planner::ComparedPlan> &plans)
{
    QStringList key;
    for (std::size_t i = 0; i < plans.size(); ++i)
        key << QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2")
                        .arg(planColour(i).name(),
                             QString::fromStdString(plans[i].name).toHtmlEscaped());
    m_key->setText(key.join(QStringLiteral(" &nbsp;&nbsp; ")));
    showCashFlow(plans);
    showEnergization(plans);
    showCostLines(m_capex, plans, true);
    showCostLines(m_opex, plans, false);
}

void ComparisonCharts::showCashFlow(const std::vector<planner::ComparedPlan> &plans)
{
    m_cash->clearGraphs();
    double last = 0.0, first = 1e9, highest = 0.0;
    for (std::size_t i = 0; i < plans.size(); ++i) {
        QCPGraph *g = m_cash->addGraph();
        g->setName(QString::fromStdString(plans[i].name));
        g->setPen(QPen(planColour(i), 2));
        const auto &flow = plans[i].evaluation.cashFlow;
        if (!flow)
            continue;
        QVector<double> keys, values;
        for (const planner::CashFlowQuarter &q : flow->quarters) {
            // Cumulative spend at the end of the quarter.
            keys << years(q.start) + 0.25;
            values << q.cumulative / 1e9;
        }
        g->setData(keys, values, true);
        if (!keys.isEmpty()) {
            first = std::min(first, keys.front() - 0.25);
            last = std::max(last, keys.back());
            highest = std::max(highest, *std::max_element(values.begin(), values.end()));
        }
    }
    if (last > 0.0)
        m_cash->xAxis->setRange(first, last);
    m_cash->yAxis->setRange(0.0, highest * 1.08 + 0.01);
    m_cash->replot(QCustomPlot::rpQueuedReplot);
}

void ComparisonCharts::showEnergization(const std::vector<planner::ComparedPlan> &plans)
{
    m_cdf->clearGraphs();
    m_cdf->clearItems();
    double first = 1e9, last = 0.0;
    for (std::size_t i = 0; i < plans.size(); ++i) {
        QCPGraph *g = m_cdf->addGraph();
        g->setName(QString::fromStdString(plans[i].name));
        g->setPen(QPen(planColour(i), 2));
        const auto &schedule = plans[i].evaluation.schedule;
        if (!schedule || schedule->phases.empty())
            continue;
        const std::vector<double> &q = schedule->phases.back().quantiles;
        const double start = years(schedule->start);
        QVector<double> keys, values;
        for (std::size_t k = 0; k < q.size(); ++k) {
            keys << start + q[k] / 12.0;
            values << 100.0 * double(k) / double(std::max<std::size_t>(1, q.size() - 1));
        }
        g->setData(keys, values, true);
        if (keys.isEmpty())
            continue;
        // Range to the 1st and 99th percentiles: a few extreme samples would squeeze the curves.
        const int tail = std::max(0, int(keys.size()) - 1 - int(keys.size()) / 100);
        first = std::min(first, keys[int(keys.size()) / 100]);
        last = std::max(last, keys[tail]);
        for (double share : {50.0, 90.0}) {
            const std::size_t k = std::size_t(share / 100.0 * double(q.size() - 1) + 0.5);
            auto *mark = new QCPItemTracer(m_cdf);
            mark->setGraph(g);
            mark->setGraphKey(keys[int(k)]);
            mark->setStyle(QCPItemTracer::tsCircle);
            mark->setSize(8);
            mark->setPen(QPen(planColour(i), 1.5));
            mark->setBrush(Qt::white);
        }
    }
    for (double share : {50.0, 90.0}) {
        auto *line = new QCPItemStraightLine(m_cdf);
        line->point1->setCoords(0, share);
        line->point2->setCoords(1, share);
        line->setPen(QPen(QColor(150, 150, 150), 1, Qt::DashLine));
        auto *label = new QCPItemText(m_cdf);
        label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(0.99, share);
        label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        label->setText(share == 50.0 ? QStringLiteral("P50") : QStringLiteral("P90"));
        label->setColor(QColor(90, 90, 90));
    }
    if (last > 0.0)
        m_cdf->xAxis->setRange(first - 0.25, last + 0.25);
    m_cdf->replot(QCustomPlot::rpQueuedReplot);
}

void ComparisonCharts::showCostLines(QCustomPlot *plot,
                                     const std::vector<planner::ComparedPlan> &plans, bool capex)
{
    plot->clearPlottables();
    // Categories in the order the plans list them, the first plan's first, top to bottom.
    QStringList categories;
    for (const planner::ComparedPlan &p : plans) {
        if (!p.evaluation.cost)
            continue;
        for (const planner::CostLine &line :
             capex ? p.evaluation.cost->capex : p.evaluation.cost->opex) {
            const QString c = QString::fromStdString(line.category);
            if (!categories.contains(c))
                categories << c;
        }
    }
    const double n = double(categories.size());
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int k = 0; k < categories.size(); ++k)
        ticker->addTick(n - 1 - k, categories[k]);
    plot->yAxis->setTicker(ticker);
    auto *group = new QCPBarsGroup(plot);
    group->setSpacing(0);
    const double width = 0.8 / std::max<double>(1.0, double(plans.size()));
    double highest = 0.0;
    // Reversed so that the first plan's bar is on top within each category.
    for (std::size_t i = plans.size(); i-- > 0;) {
        auto *bars = new QCPBars(plot->yAxis, plot->xAxis);
        bars->setName(QString::fromStdString(plans[i].name));
        bars->setBrush(planColour(i));
        bars->setPen(Qt::NoPen);
        bars->setWidth(width);
        bars->setBarsGroup(group);
        bars->removeFromLegend();
        const auto &cost = plans[i].evaluation.cost;
        if (!cost)
            continue;
        QVector<double> keys, values;
        for (const planner::CostLine &line : capex ? cost->capex : cost->opex) {
            keys << n - 1 - categories.indexOf(QString::fromStdString(line.category));
            values << line.usd / 1e6;
            highest = std::max(highest, line.usd / 1e6);
        }
        bars->setData(keys, values);
    }
    // The legend lists the plans in column order.
    for (int k = plot->plottableCount(); k-- > 0;)
        plot->plottable(k)->addToLegend();
    plot->yAxis->setRange(-0.6, std::max(0.0, n - 0.4));
    plot->xAxis->setRange(0.0, highest * 1.1 + 0.1);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace ui
