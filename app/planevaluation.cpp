// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/planevaluation.h"

#include "app/scoringmodel.h"
#include "app/siteanalyzer.h"
#include "planner/session/document.h"

#include <QDate>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace app {

planner::Expected<planner::PlanSpec> defaultPlanSpec()
{
    const QString path = defaultResourcePath("examples/plan-100mw.json");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return planner::Error{
                QObject::tr("%1: the default plan was not found").arg(path).toStdString()};
    const QJsonObject example = QJsonDocument::fromJson(file.readAll()).object();
    QJsonObject plan = example.value("plan").toObject();
    for (const char *section : {"schedule", "economics"}) {
        if (example.contains(section))
            plan.insert(section, example.value(section));
    }
    auto spec = planner::parsePlanSpec(QJsonDocument(plan).toJson().toStdString());
    if (!spec)
        return planner::Error{path.toStdString() + ": " + spec.error().message};
    spec->schedule.market.clear();
    return spec;
}

planner::EvaluationRequest planRequest(const planner::PlanSpec &spec,
                                       const planner::SiteConditions &site,
                                       const QString &projectMarket)
{
    planner::EvaluationRequest r;
    r.input = spec.input;
    r.site = site;
    r.schedule = spec.schedule;
    r.economics = spec.economics;
    r.market = spec.schedule.market.empty() ? projectMarket.toStdString() : spec.schedule.market;
    const QDate today = QDate::currentDate();
    r.today = planner::YearMonth{today.year(), today.month()};
    return r;
}

planner::EvaluationOptions headlineOptions()
{
    planner::EvaluationOptions options;
    options.tornados = false;
    return options;
}

PlanAtSite planAtSite(const planner::BuildPlan &plan, const planner::Document &doc,
                      SiteAnalyzer &analyzer, const QString &projectMarket)
{
    PlanAtSite out;
    const auto site = doc.site(plan.siteId);
    if (!site) {
        out.request = planner::Error{QObject::tr("The plan has no site.").toStdString()};
        return out;
    }
    const SiteAnalysis analysis = analyzer.analyze(QString::fromStdString(site->name),
                                                   site->longitude, site->latitude, site->outline);
    if (analysis.score.score && !analysis.score.excluded)
        out.siteScore = *analysis.score.score * 100.0;
    if (!analysis.hasClimate) {
        out.request =
                planner::Error{QObject::tr("No climate layer covers the site.").toStdString()};
        return out;
    }
    out.request = planRequest(plan.spec, analysis.conditions, projectMarket);
    return out;
}

EvaluatedPlan evaluatePlan(const planner::BuildPlan &plan, const planner::Document &doc,
                           SiteAnalyzer &analyzer, const planner::Catalogs &catalogs,
                           const QString &projectMarket, const planner::EvaluationOptions &options)
{
    EvaluatedPlan out;
    PlanAtSite at = planAtSite(plan, doc, analyzer, projectMarket);
    out.siteScore = at.siteScore;
    if (!at.request)
        out.evaluation = at.request.error();
    else
        out.evaluation = planner::evaluate(*at.request, catalogs, options);
    return out;
}

planner::PlanHeadline planHeadline(const planner::BuildPlan &plan, const planner::Document &doc,
                                   SiteAnalyzer &analyzer, const planner::Catalogs &catalogs,
                                   const QString &projectMarket)
{
    planner::PlanHeadline h;
    h.planId = plan.id;
    const EvaluatedPlan evaluated = evaluatePlan(plan, doc, analyzer, catalogs, projectMarket);
    h.siteScore = evaluated.siteScore;
    if (!evaluated.evaluation) {
        h.error = evaluated.evaluation.error().message;
        return h;
    }
    const planner::SiteEvaluation &e = *evaluated.evaluation;
    h.itMw = e.plan.itLoad.value();
    if (e.schedule && !e.schedule->phases.empty()) {
        h.p50PowerOn = e.schedule->phases.back().p50Date;
        h.p90PowerOn = e.schedule->phases.back().p90Date;
    }
    if (e.cost) {
        h.capexUsd = e.cost->totalCapex;
        h.usdPerAcceleratorHour = e.cost->usdPerAcceleratorHour;
    }
    return h;
}

std::vector<planner::PlanHeadline> planHeadlines(const planner::Document &doc,
                                                 SiteAnalyzer &analyzer,
                                                 const planner::Catalogs &catalogs,
                                                 const QString &projectMarket)
{
    std::vector<planner::PlanHeadline> out;
    for (const planner::BuildPlan &plan : doc.plans())
        out.push_back(planHeadline(plan, doc, analyzer, catalogs, projectMarket));
    return out;
}

} // namespace app
