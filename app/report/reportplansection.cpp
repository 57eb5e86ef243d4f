// SPDX-License-Identifier: GPL-3.0-or-later
// The section of one plan: key figures, sizing (racks, cooling, electrical, land), the phases
// against the grid's headroom when the site has a headroom study, the cost breakdown, the
// schedule with its critical path and P10/P50/P90 per phase, the cash flow and both tornados.
// Every number is read from the plan's SiteEvaluation.

#include "app/report/reportbuilder.h"
#include "app/report/reportformat.h"
#include "planner/core/io/gridfitreport.h"
#include "planner/core/sizing/redundancy.h"

#include <cmath>
#include <map>

namespace app::report {

namespace {

using Rows = std::vector<std::pair<QString, QString>>;

QString units(const planner::UnitCount &u, const QString &unit)
{
    if (u.count == 0)
        return QObject::tr("none");
    return QStringLiteral("%1 × %2 %3").arg(u.count).arg(number(u.unitRating, 2), unit);
}

QString dateAndMonths(planner::YearMonth date, planner::Months months)
{
    return QStringLiteral("%1 (%2 mo)").arg(monthText(date), number(months.value(), 1));
}

bool isAssumption(const planner::EconomicsEntry *rate)
{
    return rate && (rate->status == "assumption" || rate->status == "proxy");
}

void addSizing(ReportBuilder &b, const planner::PlanResult &r)
{
    b.heading(2, QObject::tr("Sizing"));
    Rows racks{{QObject::tr("Racks"), number(r.racks, 0)},
               {QObject::tr("Accelerators"), number(double(r.accelerators), 0)},
               {QObject::tr("Rack IT power"), number(r.rackPower.value(), 1) + " kW"},
               {QObject::tr("Critical IT load"), number(r.itLoad.value(), 1) + " MW"},
               {QObject::tr("Share of IT heat to liquid"), percent(r.liquidShare)}};
    for (std::size_t i = 0; i < r.phases.size(); ++i)
        racks.push_back({QObject::tr("Phase %1").arg(i + 1),
                         QObject::tr("%1 MW IT, %2 racks, %3 MW facility peak")
                                 .arg(number(r.phases[i].itLoad.value(), 1))
                                 .arg(r.phases[i].racks)
                                 .arg(number(r.phases[i].facilityPeak.value(), 1))});
    b.heading(3, QObject::tr("Racks and IT"));
    b.figures(QObject::tr("Racks"), racks);

    const planner::CoolingResult &c = r.cooling;
    Rows cooling{{QObject::tr("Heat to reject"), number(c.heatToReject.value(), 1) + " MW"},
                 {QObject::tr("Liquid / air heat"),
                  number(c.liquidHeat.value(), 1) + " / " + number(c.airHeat.value(), 1) + " MW"},
                 {QObject::tr("Installed heat rejection"),
                  number(c.installedCapacity.value(), 1) + " MW"},
                 {QObject::tr("Annual / peak PUE"),
                  number(c.annualPue, 3) + " / " + number(c.peakPue, 3)},
                 {QObject::tr("Economizer hours"), number(c.economizerHours, 0) + " h/yr"},
                 {QObject::tr("WUE"), number(c.wueLPerKwh, 2) + " L/kWh"},
                 {QObject::tr("Water"), number(c.waterPerYear.value(), 0) + " m³/yr"}};
    for (const auto &[name, loop] : {std::pair{QObject::tr("Liquid loop"), &c.liquidLoop},
                                     std::pair{QObject::tr("Air loop"), &c.airLoop}}) {
        if (!loop->present)
            continue;
        cooling.push_back({name + QObject::tr(": chillers"), units(loop->chillers, "MW")});
        cooling.push_back(
                {name + QObject::tr(": heat-rejection units"), units(loop->rejectionUnits, "MW")});
    }
    if (c.cdus.count > 0)
        cooling.push_back({QObject::tr("CDUs"), units(c.cdus, "MW")});
    b.heading(3, QObject::tr("Cooling"));
    b.figures(QObject::tr("Cooling"), cooling);

    const planner::ElectricalResult &e = r.electrical;
    QString kv = number(e.interconnection.value(), 0) + " kV"
            + (e.interconnectionAutomatic ? QObject::tr(" (chosen from the load)") : QString());
    if (e.connectionDistanceKm >= 0)
        kv += QObject::tr(", substation %1 km").arg(number(e.connectionDistanceKm, 1));
    b.heading(3, QObject::tr("Electrical"));
    b.figures(QObject::tr("Electrical"),
              {{QObject::tr("Peak facility load"), number(e.peakFacilityLoad.value(), 1) + " MW"},
               {QObject::tr("Peak cooling load / losses"),
                number(e.peakCoolingLoad.value(), 1) + " / " + number(e.peakLosses.value(), 1)
                        + " MW"},
               {QObject::tr("Peak apparent power"), number(e.peakMva.value(), 1) + " MVA"},
               {QObject::tr("Utility transformers"),
                units(e.transformers, "MVA")
                        + QObject::tr(" in %n substation(s)", nullptr, e.substations)},
               {QObject::tr("Interconnection"), kv},
               {QObject::tr("Campus distribution"),
                number(e.campusDistribution.value(), 1) + " kV, "
                        + QObject::tr("%n medium-voltage block(s)", nullptr, e.mvBlocks)},
               {QObject::tr("UPS modules"), units(e.upsModules, "MW")},
               {QObject::tr("Generators"), units(e.generators, "MW")},
               {QObject::tr("Annual energy: IT / cooling / losses"),
                number(r.annualEnergy.it.value(), 0) + " / "
                        + number(r.annualEnergy.cooling.value(), 0) + " / "
                        + number(r.annualEnergy.losses.value(), 0) + " MWh"},
               {QObject::tr("Annual energy: facility"),
                number(r.annualEnergy.facility.value(), 0) + " MWh"}});
    b.heading(3, QObject::tr("Land"));
    b.figures(QObject::tr("Land"),
              {{QObject::tr("White space"), number(r.land.whiteSpace.value(), 0) + " m²"},
               {QObject::tr("Gross floor"), number(r.land.grossFloor.value(), 0) + " m²"},
               {QObject::tr("Building footprint"),
                number(r.land.buildingFootprint.value(), 0) + " m²"},
               {QObject::tr("Yards"), number(r.land.yards.value(), 0) + " m²"},
               {QObject::tr("Campus"), number(r.land.campus.value(), 1) + " ha"}});
    for (const std::string &w : r.warnings)
        b.warning(QObject::tr("Warning: %1").arg(QString::fromStdString(w)));
}

QString criterionText(planner::GridCriterion criterion)
{
    const std::string_view name = planner::gridCriterionName(criterion);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

QString megawatts(double mw)
{
    return std::isinf(mw) ? QObject::tr("unlimited") : number(mw, 1) + " MW";
}

QString orNotGiven(const std::string &text)
{
    return text.empty() ? QObject::tr("not given") : QString::fromStdString(text);
}

// "Fits, 40.0 MW to spare" or "Short by 12.3 MW from phase 2", under the plan's criterion.
QString gridFitText(const planner::GridFit &fit)
{
    if (fit.fits())
        return QObject::tr("Fits, %1 to spare").arg(megawatts(fit.margin.value()));
    return QObject::tr("Short by %1 MW from phase %2")
            .arg(number(fit.shortfall.value(), 1))
            .arg(fit.firstShortPhase);
}

// The phases against the headroom at the serving bus, with the network upgrade when short.
void addGridFit(ReportBuilder &b, const planner::SiteEvaluation &e)
{
    const planner::GridFit &fit = *e.gridFit;
    const QString criterion = criterionText(fit.criterion);
    Rows rows{{QObject::tr("Serving bus"),
               QString::fromStdString(planner::servingBusText(fit.study))},
              {QObject::tr("Grid case"), orNotGiven(fit.study.gridCase)},
              {QObject::tr("Headroom N / N-1"),
               megawatts(fit.study.n.value()) + " / " + megawatts(fit.study.n1.value())},
              {QObject::tr("Binding element (%1)").arg(criterion),
               std::isinf(fit.headroom.value()) ? QObject::tr("nothing limits the headroom")
                                                : orNotGiven(fit.binding)}};
    for (const planner::PhaseGridFit &p : fit.phases)
        rows.push_back({QObject::tr("Phase %1, cumulative peak").arg(p.phase),
                        p.fits() ? QObject::tr("%1 MW, fits").arg(number(p.demand.value(), 1))
                                 : QObject::tr("%1 MW, short by %2 MW")
                                           .arg(number(p.demand.value(), 1),
                                                number(p.shortfall.value(), 1))});
    rows.push_back({QObject::tr("Result (%1)").arg(criterion), gridFitText(fit)});
    b.heading(3, QObject::tr("Grid headroom at the serving bus"));
    b.figures(QObject::tr("Grid headroom"), rows);
    if (!fit.fits()) {
        QString upgrade = QObject::tr("The grid cannot take phase %1 under the %2 criterion: a "
                                      "network upgrade of the %3 MW shortfall is priced in the "
                                      "cost")
                                  .arg(fit.firstShortPhase)
                                  .arg(criterion, number(fit.shortfall.value(), 1));
        upgrade += e.schedule ? QObject::tr(" and scheduled before its energization.")
                              : QStringLiteral(".");
        b.paragraph(upgrade);
    }
    for (const std::string &note : fit.notes)
        b.warning(QObject::tr("Grid headroom: %1").arg(QString::fromStdString(note)));
}

void addCostLines(ReportBuilder &b, const std::vector<planner::CostLine> &lines, double total,
                  const QString &totalLabel, bool perYear)
{
    std::vector<TableRow> rows;
    for (const planner::CostLine &l : lines) {
        rows.push_back({{QString::fromStdString(l.category) + (isAssumption(l.rate) ? " *" : ""),
                         QString::fromStdString(l.basis), number(l.usd / 1e6, 1),
                         total > 0 ? percent(l.usd / total) : QString()}});
    }
    rows.push_back({{totalLabel, QString(), number(total / 1e6, 1), percent(1.0)}, true});
    b.table({{QObject::tr("Category"), 1.5},
             {QObject::tr("Basis"), 3.0},
             {perYear ? QObject::tr("M USD/yr") : QObject::tr("M USD"), 0.8, Qt::AlignRight},
             {QObject::tr("Share"), 0.6, Qt::AlignRight}},
            std::move(rows));
}

void addCost(ReportBuilder &b, const QString &name, const planner::EconomicsResult &cost)
{
    b.heading(2, QObject::tr("Cost"));
    b.heading(3, QObject::tr("Capital cost (%1 prices)").arg(cost.priceYear));
    addCostLines(b, cost.capex, cost.totalCapex, QObject::tr("Capex"), false);
    b.heading(3, QObject::tr("Operating cost per year at full build"));
    addCostLines(b, cost.opex, cost.opexPerYear, QObject::tr("Opex per year"), true);
    b.small(QObject::tr("* the rate is an assumption or proxy with no direct public source (see "
                        "the appendix); replace it with your own figure."));
    for (const std::string &m : cost.missing)
        b.warning(QObject::tr("Not priced: %1").arg(QString::fromStdString(m)));
    b.add(b.charts().cost(name, cost, mm(88.0)));
}

void addSchedule(ReportBuilder &b, const planner::SiteEvaluation &e)
{
    const planner::ScheduleResult &s = *e.schedule;
    b.pageBreak(QPageLayout::Landscape);
    b.heading(2, QObject::tr("Schedule and critical path"));
    const double rows = double(s.tasks.size());
    b.add(b.charts().schedule(s, std::min(mm(94.0), mm(22.0) + rows * mm(5.2))));
    QStringList path;
    for (const std::string &id : s.criticalPath) {
        for (const planner::TaskSchedule &t : s.tasks) {
            if (t.id == id)
                path << QString::fromStdString(t.name);
        }
    }
    b.small(QObject::tr("Red bars: the critical path with typical durations, start to end: %1. "
                        "Shaded bands: each phase's P10–P90 energization, dashed line its P50 "
                        "(%2 samples from %3).")
                    .arg(path.join(" → "))
                    .arg(number(s.samples, 0))
                    .arg(monthText(s.start)));
    b.heading(2, QObject::tr("Power-on dates per phase (P10 / P50 / P90)"));
    std::vector<TableRow> rowsOut;
    for (const planner::PhaseEnergization &p : s.phases) {
        const double mw = p.phase - 1 < int(e.plan.phases.size())
                ? e.plan.phases[std::size_t(p.phase - 1)].itLoad.value()
                : 0.0;
        rowsOut.push_back({{QObject::tr("Phase %1").arg(p.phase), number(mw, 1),
                            dateAndMonths(p.deterministicDate, p.deterministic),
                            dateAndMonths(p.p10Date, p.p10), dateAndMonths(p.p50Date, p.p50),
                            dateAndMonths(p.p90Date, p.p90)}});
    }
    b.table({{QObject::tr("Phase"), 0.8},
             {QObject::tr("IT MW"), 0.6, Qt::AlignRight},
             {QObject::tr("Typical durations"), 1.3, Qt::AlignRight},
             {QObject::tr("P10"), 1.2, Qt::AlignRight},
             {QObject::tr("P50"), 1.2, Qt::AlignRight},
             {QObject::tr("P90"), 1.2, Qt::AlignRight}},
            std::move(rowsOut));
    b.small(QObject::tr("Months are counted from the project's start, %1; a date is the month in "
                        "which energization completes.")
                    .arg(monthText(s.start)));
    if (s.bridging) {
        const planner::BridgingSummary &br = *s.bridging;
        b.paragraph(QObject::tr("Bridging power: %1, ready after %2 months (grid after %3); it "
                                "powers phase 1 first in %4 of the samples.")
                            .arg(QString::fromStdString(br.name))
                            .arg(number(br.deterministicReady.value(), 1))
                            .arg(number(br.gridReady.value(), 1))
                            .arg(percent(br.bridgingFirstShare, 0)));
    }
}

void addCashFlow(ReportBuilder &b, const QString &name, const planner::CashFlow &flow)
{
    b.heading(2, QObject::tr("Quarterly cash flow on the P50 schedule"));
    b.add(b.charts().cashFlow(name, flow, mm(92.0)));
    std::map<int, std::pair<double, double>> years; // capex, opex of each calendar year
    double cumulative = 0.0;
    std::map<int, double> endOfYear;
    for (const planner::CashFlowQuarter &q : flow.quarters) {
        years[q.start.year].first += q.capex;
        years[q.start.year].second += q.opex;
        cumulative = q.cumulative;
        endOfYear[q.start.year] = cumulative;
    }
    std::vector<TableRow> rows;
    for (const auto &[year, spend] : years)
        rows.push_back({{QString::number(year), number(spend.first / 1e6, 1),
                         number(spend.second / 1e6, 1), number(endOfYear[year] / 1e6, 1)}});
    b.table({{QObject::tr("Year"), 1.0},
             {QObject::tr("Capex, M USD"), 1.0, Qt::AlignRight},
             {QObject::tr("Opex, M USD"), 1.0, Qt::AlignRight},
             {QObject::tr("Cumulative, M USD"), 1.0, Qt::AlignRight}},
            std::move(rows));
    b.small(QObject::tr("Peak quarter capex: %1.").arg(millionsUsd(flow.peakQuarterCapex)));
}

} // namespace

std::vector<std::pair<QString, QString>> keyFigures(const ReportPlan &plan)
{
    const planner::SiteEvaluation &e = plan.evaluation;
    Rows rows{{QObject::tr("Site score"),
               plan.siteScore ? number(*plan.siteScore, 1) + " / 100" : QObject::tr("none")},
              {QObject::tr("Critical IT load"), number(e.plan.itLoad.value(), 1) + " MW"},
              {QObject::tr("Annual PUE"), number(e.plan.cooling.annualPue, 3)}};
    if (e.gridFit)
        rows.push_back({QObject::tr("Grid headroom (%1)").arg(criterionText(e.gridFit->criterion)),
                        gridFitText(*e.gridFit)});
    if (e.cost) {
        const planner::EconomicsResult &c = *e.cost;
        rows.push_back({QObject::tr("Capex"), millionsUsd(c.totalCapex)});
        rows.push_back({QObject::tr("Opex per year"), millionsUsd(c.opexPerYear)});
        rows.push_back({QObject::tr("TCO (NPV, %1 years at %2)")
                                .arg(c.horizonYears)
                                .arg(percent(c.discountRate)),
                        millionsUsd(c.npvTco)});
        rows.push_back({QObject::tr("Facility and grid capex per MW IT"),
                        millionsUsd(c.usdPerMwIt) + "/MW"});
        if (c.usdPerAcceleratorHour)
            rows.push_back({QObject::tr("Cost per accelerator-hour"),
                            number(*c.usdPerAcceleratorHour, 2) + " USD"});
        rows.push_back({QObject::tr("Cost per MWh to IT"), number(c.usdPerMwhIt, 1) + " USD"});
        if (c.usdPerMillionTokens)
            rows.push_back({QObject::tr("Cost per million tokens"),
                            number(*c.usdPerMillionTokens, 3) + " USD"});
    }
    if (e.schedule && !e.schedule->phases.empty()) {
        const planner::PhaseEnergization &last = e.schedule->phases.back();
        rows.push_back({QObject::tr("P50 power-on, last phase"), monthText(last.p50Date)});
        rows.push_back({QObject::tr("P90 power-on, last phase"), monthText(last.p90Date)});
    }
    return rows;
}

void addPlan(ReportBuilder &b, const ReportData &, const ReportPlan &plan)
{
    const QString name = QString::fromStdString(plan.plan.name);
    const planner::SiteEvaluation &e = plan.evaluation;
    const planner::PlanInput &in = plan.plan.spec.input;
    b.heading(1, QObject::tr("Plan: %1").arg(name));
    const auto red = [](planner::Redundancy r) {
        return QString::fromLatin1(planner::redundancyName(r).data(),
                                   qsizetype(planner::redundancyName(r).size()));
    };
    b.paragraph(QObject::tr("At %1. Redundancy: transformers %2, UPS %3, generators %4, cooling "
                            "%5. Interconnection market: %6.")
                        .arg(plan.siteName, red(in.transformers), red(in.ups), red(in.generators),
                             red(in.cooling), QString::fromStdString(e.scheduleInputs.market)));
    b.heading(2, QObject::tr("Key figures"));
    b.figures(name, keyFigures(plan));
    addSizing(b, e.plan);
    if (e.gridFit)
        addGridFit(b, e);
    if (e.cost)
        addCost(b, name, *e.cost);
    if (e.schedule)
        addSchedule(b, e);
    if (e.cashFlow) {
        b.pageBreak(QPageLayout::Landscape);
        addCashFlow(b, name, *e.cashFlow);
    }
    // Tornado labels name the input and its range: they need a landscape page's width.
    if (e.tcoTornado || e.dateTornado) {
        b.pageBreak(QPageLayout::Landscape);
        if (e.tcoTornado) {
            b.heading(2, QObject::tr("What moves the TCO"));
            b.add(b.charts().tornado(QObject::tr("TCO (NPV)"), *e.tcoTornado, QObject::tr("M USD"),
                                     1e6, mm(64.0)));
        }
        if (e.dateTornado) {
            b.heading(2, QObject::tr("What moves the P50 power-on date"));
            b.add(b.charts().tornado(QObject::tr("P50 energization of the last phase"),
                                     *e.dateTornado, QObject::tr("months"), 1.0, mm(64.0)));
        }
    }
    for (const std::string &a : e.absent)
        b.warning(QObject::tr("Not evaluated: %1").arg(QString::fromStdString(a)));
}

} // namespace app::report
