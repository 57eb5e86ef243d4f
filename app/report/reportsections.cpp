// SPDX-License-Identifier: GPL-3.0-or-later
// The executive summary (the comparison of the chosen plans, their summary sentences and the
// overlaid charts) and the section per site (each score factor and the exclusions).

#include "app/report/reportbuilder.h"
#include "app/report/reportformat.h"
#include "planner/core/evaluation/catalogs.h"
#include "widgets/comparisoncharts.h"

#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace app::report {

namespace {

QString accelerator(const ReportData &data, const ReportPlan &p)
{
    const auto &in = p.evaluation.plan;
    if (in.acceleratorIndex >= 0)
        return QString::fromStdString(
                data.catalogs->sizing.accelerators[std::size_t(in.acceleratorIndex)].name);
    return QString::fromStdString(p.plan.spec.input.customAccelerator
                                          ? p.plan.spec.input.customAccelerator->name
                                          : p.plan.spec.input.acceleratorId);
}

QString cooling(const ReportData &data, const ReportPlan &p)
{
    const int i = p.evaluation.plan.coolingIndex;
    return i >= 0 ? QString::fromStdString(data.catalogs->sizing.cooling[std::size_t(i)].name)
                  : QString::fromStdString(p.plan.spec.input.coolingId);
}

QString phases(const ReportPlan &p)
{
    QStringList mw;
    for (const planner::PhaseResult &ph : p.evaluation.plan.phases)
        mw << number(ph.itLoad.value(), 0);
    return mw.join(" + ");
}

// "+12.3 (+3.1 %)" under a value: its difference to the baseline.
QString difference(const planner::ComparisonRow &row, std::size_t i)
{
    const auto &d = row.difference[i];
    if (!d)
        return {};
    if (*d == 0.0)
        return QStringLiteral("=");
    const bool millions = comparisonUnit(row).startsWith(QLatin1String("M "));
    const double v = millions ? *d / 1e6 : *d;
    QString text = (v > 0 ? QStringLiteral("+") : QString())
            + (row.isMonth ? number(v, 0) + QStringLiteral(" mo")
                           : number(v,
                                    std::abs(v) >= 100.0       ? 0
                                            : std::abs(v) >= 1 ? 1
                                                               : 3));
    if (row.percent[i])
        text += QStringLiteral(" (%1%2 %)")
                        .arg(*row.percent[i] > 0 ? "+" : "")
                        .arg(number(*row.percent[i], 1));
    return text;
}

// Which colour is which plan, in the charts' own colours.
std::unique_ptr<Block> colourKey(const std::vector<planner::ComparedPlan> &plans)
{
    QStringList names;
    for (const planner::ComparedPlan &p : plans)
        names << QString::fromStdString(p.name);
    return std::make_unique<DrawingBlock>(
            mm(5.0), [names](QPainter &painter, const QRectF &rect, const PaintContext &context) {
                painter.save();
                painter.setFont(context.style->small);
                const QFontMetricsF fm(context.style->small, painter.device());
                double x = rect.left();
                for (int i = 0; i < names.size(); ++i) {
                    const QRectF swatch(x, rect.center().y() - mm(1.0), mm(6.0), mm(2.0));
                    painter.fillRect(swatch, ui::ComparisonCharts::planColour(std::size_t(i)));
                    x = swatch.right() + mm(1.5);
                    painter.setPen(Qt::black);
                    painter.drawText(QRectF(x, rect.top(), rect.right() - x, rect.height()),
                                     Qt::AlignLeft | Qt::AlignVCenter, names[i]);
                    x += fm.horizontalAdvance(names[i]) + mm(6.0);
                }
                painter.restore();
            });
}

void addComparison(ReportBuilder &b, const ReportData &data, const planner::Comparison &c)
{
    // Beyond three plans the columns need a landscape page's width.
    constexpr std::size_t kPortraitPlans = 3;
    if (c.plans.size() > kPortraitPlans)
        b.pageBreak(QPageLayout::Landscape);
    b.heading(2, QObject::tr("Comparison"));
    std::vector<TableColumn> columns{{QObject::tr("Figure"), 2.2}, {QObject::tr("Unit"), 0.9}};
    for (const std::string &p : c.plans)
        columns.push_back({QString::fromStdString(p), 1.45, Qt::AlignRight});
    std::vector<TableRow> rows;
    for (const planner::ComparisonRow &r : c.rows) {
        TableRow row;
        row.cells << QString::fromStdString(r.label) << comparisonUnit(r);
        for (std::size_t i = 0; i < r.values.size(); ++i) {
            QString cell = comparisonValue(r, r.values[i]);
            const QString d = i == c.baseline ? QString() : difference(r, i);
            if (!d.isEmpty())
                cell += '\n' + d;
            row.cells << cell;
        }
        if (r.best)
            row.highlighted.push_back(int(*r.best) + 2);
        rows.push_back(std::move(row));
    }
    b.table(std::move(columns), std::move(rows));
    b.small(QObject::tr("Shaded: the best value of the row. Under each value: its difference to "
                        "the baseline, %1. Months are calendar months (YYYY-MM).")
                    .arg(QString::fromStdString(c.plans[c.baseline])));
    b.heading(2, QObject::tr("Summary"));
    for (const std::string &s : c.summary)
        b.bullet(QString::fromStdString(s));

    std::vector<planner::ComparedPlan> compared;
    for (std::size_t i = 0; i < c.plans.size() && i < data.plans.size(); ++i)
        compared.push_back(
                {data.plans[i].plan.name, data.plans[i].siteScore, data.plans[i].evaluation});
    using Overlay = ReportCharts::Overlay;
    b.pageBreak(QPageLayout::Landscape);
    b.heading(2, QObject::tr("Cumulative cash flow of the plans"));
    b.add(colourKey(compared));
    b.add(b.charts().comparison(compared, Overlay::CashFlow, mm(60.0)));
    b.heading(2, QObject::tr("Energization of the last phase (CDF, P50 and P90 marked)"));
    b.add(b.charts().comparison(compared, Overlay::Energization, mm(60.0)));
    // Capex has a bar per category and plan: a portrait page gives it the height to stay legible.
    b.pageBreak(QPageLayout::Portrait);
    b.heading(2, QObject::tr("Capex by category"));
    b.add(colourKey(compared));
    b.add(b.charts().comparison(compared, Overlay::Capex, mm(140.0)));
    b.heading(2, QObject::tr("Opex per year by category"));
    b.add(b.charts().comparison(compared, Overlay::Opex, mm(68.0)));
}

} // namespace

void addSummary(ReportBuilder &b, const ReportData &data)
{
    b.heading(1, QObject::tr("Executive summary"));
    b.paragraph(QObject::tr("This report covers %n build plan(s)", nullptr, int(data.plans.size()))
                + QObject::tr(" at %n site(s).", nullptr, int(data.sites.size()))
                + QObject::tr(" Every figure is read from the plan's own evaluation at its site "
                              "(%1 Monte Carlo samples of the schedule), the same evaluation as "
                              "the Plans dock and the energize compare command.")
                          .arg(number(reportEvaluationOptions().samples, 0)));
    b.heading(2, QObject::tr("Plans in this report"));
    std::vector<TableRow> rows;
    for (const ReportPlan &p : data.plans) {
        const auto &start =
                p.evaluation.schedule ? p.evaluation.schedule->start : planner::YearMonth{};
        rows.push_back({{QString::fromStdString(p.plan.name), p.siteName, accelerator(data, p),
                         cooling(data, p), number(p.evaluation.plan.itLoad.value(), 1), phases(p),
                         p.evaluation.schedule ? monthText(start) : QStringLiteral("—")}});
    }
    b.table({{QObject::tr("Plan"), 1.8},
             {QObject::tr("Site"), 1.3},
             {QObject::tr("Accelerator"), 1.5},
             {QObject::tr("Cooling"), 1.5},
             {QObject::tr("IT MW"), 0.6, Qt::AlignRight},
             {QObject::tr("Phases, MW"), 0.9, Qt::AlignRight},
             {QObject::tr("Start"), 0.7, Qt::AlignRight}},
            std::move(rows));
    if (data.comparison) {
        addComparison(b, data, *data.comparison);
    } else if (!data.plans.empty()) {
        b.heading(2, QObject::tr("Key figures"));
        b.figures(QString::fromStdString(data.plans.front().plan.name),
                  keyFigures(data.plans.front()));
    }
}

void addSites(ReportBuilder &b, const ReportData &data)
{
    b.heading(1, QObject::tr("Sites"));
    b.paragraph(QObject::tr("Each factor of the site score with its value at the site, the layer "
                            "it was read from, its weight and its contribution; score = Σ weight "
                            "× factor score. A hard exclusion gives the site no score."));
    for (const ReportSite &s : data.sites) {
        const SiteAnalysis &a = s.analysis;
        b.heading(2, QObject::tr("Site: %1").arg(QString::fromStdString(s.site.name)));
        const QString score = a.score.excluded ? QObject::tr("excluded")
                : a.score.score ? QObject::tr("%1 / 100").arg(number(*a.score.score * 100.0, 1))
                                : QObject::tr("no score (a weighted factor has no data)");
        b.figures(QObject::tr("Site"),
                  {{QObject::tr("Location (lon, lat)"),
                    QStringLiteral("%1°, %2°")
                            .arg(number(s.site.longitude, 4), number(s.site.latitude, 4))},
                   {QObject::tr("Plans here"), s.plans.join("; ")},
                   {QObject::tr("Site score"), score}});
        std::vector<TableRow> rows;
        for (const ui::FactorRow &f : a.breakdown.rows) {
            TableRow row;
            row.cells << f.factor << f.value << f.source << percent(f.weightShare)
                      << (f.score ? number(*f.score * 100.0, 0) : QStringLiteral("—"))
                      << (f.contribution ? number(*f.contribution * 100.0, 1) : QStringLiteral("—"))
                      << (f.excludes ? QObject::tr("EXCLUDES: %1").arg(f.reason) : f.reason);
            rows.push_back(std::move(row));
        }
        b.table({{QObject::tr("Factor"), 1.6},
                 {QObject::tr("Value"), 1.9},
                 {QObject::tr("Layer"), 1.5, Qt::AlignLeft, true},
                 {QObject::tr("Weight"), 0.65, Qt::AlignRight},
                 {QObject::tr("Score 0-100"), 0.7, Qt::AlignRight},
                 {QObject::tr("Points"), 0.6, Qt::AlignRight},
                 {QObject::tr("Note"), 1.2}},
                std::move(rows));
        if (a.breakdown.exclusionReasons.isEmpty())
            b.small(QObject::tr("Exclusions: none at this site."));
        for (const QString &reason : a.breakdown.exclusionReasons)
            b.warning(QObject::tr("Excluded: %1").arg(reason));
        if (!a.conditionNotes.isEmpty())
            b.small(QObject::tr("Site conditions for the plans: %1.")
                            .arg(a.conditionNotes.join("; ")));
    }
}

} // namespace app::report
