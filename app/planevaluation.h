// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How the application evaluates build plans: the default plan (what a site without a plan is
// evaluated with and what a new plan starts from), the evaluation request of a plan at a site,
// and the headline figures of every plan of a project for the Plans panel and the file's
// `plans` layer. Every figure comes from planner::evaluate(); the site score from the
// SiteAnalyzer. GUI or CLI thread; the analyzer belongs to the calling thread.

#include "planner/core/evaluation/evaluation.h"
#include "planner/core/site/buildplan.h"
#include "planner/core/site/planheadline.h"

#include <QString>

#include <optional>
#include <vector>

namespace planner {
class Document;
}

namespace app {

class SiteAnalyzer;

// The plan, schedule and economics of resources/examples/plan-100mw.json; its market is left
// empty, so the project's interconnection market applies.
planner::Expected<planner::PlanSpec> defaultPlanSpec();

// The request for spec at a site; the plan's market, else the project's; "today" is this month.
planner::EvaluationRequest planRequest(const planner::PlanSpec &spec,
                                       const planner::SiteConditions &site,
                                       const QString &projectMarket);

// What the headlines are computed with: all Monte Carlo samples, no tornados.
planner::EvaluationOptions headlineOptions();

// What a plan is evaluated with at its site, and the site's score (0-100; none when excluded or
// without data): the site analysis, done on the analyzer's thread, without the evaluation, so
// that the evaluation can run on any thread. The request is an error when the plan has no site
// or no climate layer covers the site.
struct PlanAtSite
{
    std::optional<double> siteScore;
    planner::Expected<planner::EvaluationRequest> request =
            planner::Error{"the plan was not analysed"};
};

PlanAtSite planAtSite(const planner::BuildPlan &plan, const planner::Document &doc,
                      SiteAnalyzer &analyzer, const QString &projectMarket);

// One plan evaluated at its site, with the site's score (0-100; none when excluded or without
// data). The evaluation is an error when the plan has no site, no climate layer covers the site,
// or the plan fails to evaluate.
struct EvaluatedPlan
{
    std::optional<double> siteScore;
    planner::Expected<planner::SiteEvaluation> evaluation =
            planner::Error{"the plan was not evaluated"};
};

EvaluatedPlan evaluatePlan(const planner::BuildPlan &plan, const planner::Document &doc,
                           SiteAnalyzer &analyzer, const planner::Catalogs &catalogs,
                           const QString &projectMarket,
                           const planner::EvaluationOptions &options = headlineOptions());

// The headline of one plan: its site's score and its evaluation at the site. A plan without a
// site, or at a site no climate layer covers, or one that fails to evaluate, has no figures and
// says why in `error`.
planner::PlanHeadline planHeadline(const planner::BuildPlan &plan, const planner::Document &doc,
                                   SiteAnalyzer &analyzer, const planner::Catalogs &catalogs,
                                   const QString &projectMarket);

std::vector<planner::PlanHeadline> planHeadlines(const planner::Document &doc,
                                                 SiteAnalyzer &analyzer,
                                                 const planner::Catalogs &catalogs,
                                                 const QString &projectMarket);

} // namespace app
