// SPDX-License-Identifier: GPL-3.0-or-later
// The appendix: every catalog figure the chosen plans used, with its value, unit, source, year
// and status, in three tables (sizing, cost rates, schedule durations), the ones that are only
// assumptions marked and listed first.

#include "app/report/reportbuilder.h"
#include "app/report/reportformat.h"
#include "planner/core/evaluation/catalogs.h"

#include <map>
#include <set>

namespace app::report {

namespace {

struct Figure
{
    QString name;
    QString value;
    QString unit;
    QString source;
    QString year;
    QString status;
    std::set<int> plans; // indices into ReportData::plans
};

bool isAssumptionStatus(const std::string &status)
{
    return status == "assumption" || status == "proxy";
}

QString subject(const planner::Assumption &a, const planner::PlanResult &r,
                const planner::Catalog &catalog)
{
    const auto accelerator = [&] {
        return r.acceleratorIndex >= 0
                ? QString::fromStdString(catalog.accelerators[std::size_t(r.acceleratorIndex)].name)
                : QObject::tr("custom accelerator");
    };
    const auto cooling = [&] {
        return r.coolingIndex >= 0
                ? QString::fromStdString(catalog.cooling[std::size_t(r.coolingIndex)].name)
                : QObject::tr("cooling");
    };
    switch (a.subject) {
    case planner::Subject::Accelerator:
        return accelerator();
    case planner::Subject::Cooling:
        return cooling();
    case planner::Subject::LiquidLoop:
        return cooling() + QObject::tr(", liquid loop");
    case planner::Subject::AirLoop:
        return cooling() + QObject::tr(", air loop");
    case planner::Subject::Electrical:
        return QObject::tr("Electrical");
    case planner::Subject::Facility:
        return QObject::tr("Facility");
    case planner::Subject::Climate:
        return QObject::tr("Site climate");
    case planner::Subject::Site:
        return QObject::tr("Site");
    case planner::Subject::Plan:
        return QObject::tr("Plan");
    }
    return {};
}

// By a key that identifies the figure: assumptions first, then by name.
using Figures = std::map<QString, Figure>;

Figure &entry(Figures &all, const std::string &status, const QString &key)
{
    return all[(isAssumptionStatus(status) ? QStringLiteral("0") : QStringLiteral("1")) + key];
}

void addTable(ReportBuilder &b, const ReportData &data, const QString &title, const Figures &all)
{
    if (all.empty())
        return;
    b.heading(2, title);
    std::vector<TableRow> rows;
    for (const auto &[key, f] : all) {
        QStringList plans;
        if (f.plans.size() == data.plans.size() && data.plans.size() > 1) {
            plans << QObject::tr("all");
        } else {
            for (int i : f.plans)
                plans << QString::number(i + 1);
        }
        const bool assumption = isAssumptionStatus(f.status.toStdString());
        rows.push_back({{f.name + (assumption ? " *" : ""), f.value, f.unit, f.source, f.year,
                         f.status, plans.join(", ")}});
    }
    b.table({{QObject::tr("Figure"), 2.0},
             {QObject::tr("Value"), 0.8, Qt::AlignRight},
             {QObject::tr("Unit"), 0.8},
             {QObject::tr("Source"), 2.3, Qt::AlignLeft, true},
             {QObject::tr("Year"), 0.85, Qt::AlignLeft, true},
             {QObject::tr("Status"), 0.95},
             {QObject::tr("Plans"), 0.45}},
            std::move(rows));
}

} // namespace

void addAssumptions(ReportBuilder &b, const ReportData &data)
{
    const planner::Catalogs &catalogs = *data.catalogs;
    Figures sizing, rates, durations;
    for (std::size_t p = 0; p < data.plans.size(); ++p) {
        const planner::SiteEvaluation &e = data.plans[p].evaluation;
        for (const planner::Assumption &a : e.plan.assumptions) {
            if (a.origin != planner::Origin::Catalog)
                continue;
            const planner::SourceRef *src =
                    catalogs.sizing.sourceOf(planner::Figure{a.value, a.source});
            const QString name =
                    subject(a, e.plan, catalogs.sizing) + ": " + QString::fromUtf8(a.key);
            const QString value = QString::number(a.value, 'g', 6);
            Figure &f = entry(sizing, src ? src->status : std::string(), name + '\n' + value);
            f.name = name;
            f.value = value;
            f.unit = QString::fromUtf8(a.unit);
            if (src) {
                f.source = QString::fromStdString(src->url);
                f.year = QString::fromStdString(src->year);
                f.status = QString::fromStdString(src->status);
            }
            f.plans.insert(int(p));
        }
        if (e.cost) {
            std::vector<const planner::EconomicsEntry *> used = e.cost->assumptions;
            for (const auto *lines : {&e.cost->capex, &e.cost->opex}) {
                for (const planner::CostLine &l : *lines) {
                    if (l.rate)
                        used.push_back(l.rate);
                }
            }
            for (const planner::EconomicsEntry *r : used) {
                Figure &f = entry(rates, r->status, QString::fromStdString(r->name + r->id));
                f.name = QString::fromStdString(r->name);
                f.value = number(r->typical, r->typical >= 100 ? 0 : 3);
                f.unit = QString::fromStdString(r->unit)
                        + (r->priceYear ? QObject::tr(" (%1 prices)").arg(*r->priceYear)
                                        : QString());
                f.source = QString::fromStdString(r->source);
                f.year = QString::fromStdString(r->year);
                f.status = QString::fromStdString(r->status);
                f.plans.insert(int(p));
            }
        }
        if (e.schedule && catalogs.schedule) {
            for (const planner::TaskSchedule &t : e.schedule->tasks) {
                const planner::ScheduleEntry *s = catalogs.schedule->find(t.sourceEntry);
                if (!s)
                    continue;
                Figure &f = entry(durations, s->status, QString::fromStdString(s->name + s->id));
                f.name = QString::fromStdString(s->name);
                f.value = QStringLiteral("%1 / %2 / %3")
                                  .arg(number(s->value.min, 1), number(s->value.typical, 1),
                                       number(s->value.max, 1));
                f.unit = QString::fromStdString(s->unit);
                f.source = QString::fromStdString(s->source);
                f.year = QString::fromStdString(s->year);
                f.status = QString::fromStdString(s->status);
                f.plans.insert(int(p));
            }
        }
    }

    b.heading(1, QObject::tr("Appendix: assumptions and sources"));
    b.paragraph(QObject::tr("Every catalog figure the plans of this report used, with its value, "
                            "unit, source, the year it refers to and its status. Plans are "
                            "numbered as in the executive summary:"));
    for (std::size_t p = 0; p < data.plans.size(); ++p)
        b.bullet(QStringLiteral("%1: %2").arg(p + 1).arg(
                QString::fromStdString(data.plans[p].plan.name)));
    int assumed = 0, total = 0;
    for (const Figures *all : {&sizing, &rates, &durations}) {
        for (const auto &[key, f] : *all) {
            ++total;
            assumed += isAssumptionStatus(f.status.toStdString()) ? 1 : 0;
        }
    }
    if (assumed > 0) {
        b.heading(2, QObject::tr("Figures that are assumptions"));
        b.warning(QObject::tr("%1 of the %2 figures below are assumptions: they have no direct "
                              "public source (status 'assumption' or 'proxy'). They are marked * "
                              "and listed first in each table; replace them with your own "
                              "figures before the plan is relied on.")
                          .arg(assumed)
                          .arg(total));
    }
    addTable(b, data, QObject::tr("Sizing figures"), sizing);
    addTable(b, data, QObject::tr("Cost rates (typical value)"), rates);
    addTable(b, data, QObject::tr("Schedule durations (min / typical / max)"), durations);
}

} // namespace app::report
