// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Everything a report prints, gathered once before anything is laid out: the chosen plans, each
// evaluated at its site as its headline is (app::evaluatePlan: all Monte Carlo samples) and with
// both tornados; the comparison of those very evaluations (app::comparePlans) when there are two
// or more; each site of those plans with its explained score (SiteAnalyzer); the map scene and
// extent. Figures are only ever read from here, never recomputed by the pages.
// Collected on the calling thread (the analyzer belongs to it); afterwards a read-only value.

#include "app/maplayers.h"
#include "app/report/reportoptions.h"
#include "app/siteanalyzer.h"
#include "planner/core/comparison/comparison.h"
#include "planner/core/evaluation/catalogs.h"
#include "planner/core/evaluation/evaluation.h"
#include "planner/core/site/buildplan.h"
#include "widgets/mapview.h"

#include <QDate>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace planner {
class Document;
}

namespace app::report {

struct ReportPlan
{
    planner::BuildPlan plan;
    QString siteName;
    std::optional<double> siteScore; // 0..100
    planner::SiteEvaluation evaluation;
};

struct ReportSite
{
    planner::Site site;
    SiteAnalysis analysis;
    QStringList plans; // names of the chosen plans at this site
};

struct ReportData
{
    QString projectName;
    QString author;
    QDate date;
    ReportOptions options;
    std::shared_ptr<const planner::Catalogs> catalogs; // the evaluations point into it
    std::vector<ReportPlan> plans;
    std::optional<planner::Comparison> comparison; // two plans or more (the first six)
    std::vector<ReportSite> sites;
    planner::ScoreModel scoreModel;
    std::shared_ptr<const MapScene> scene;
    ui::GeoRect mapExtent;
    QString attribution;
};

struct ReportSource
{
    const planner::Document *doc = nullptr;
    std::shared_ptr<const MapScene> scene;
    ScoringModel scoring;
    std::shared_ptr<const planner::Catalogs> catalogs;
    QString projectName;
    ui::GeoRect mapExtent; // invalid: the chosen sites with a margin
    QString attribution; // empty: made from the layers' names (synthetic ones named)
};

// The evaluation options of a report: the headline's Monte Carlo samples (so that every figure
// equals the Plans dock's and `energize compare`'s) and both tornados, as the Charts dock
// computes them after a drag.
planner::EvaluationOptions reportEvaluationOptions();

// progress(done, total) is called after each plan and site; returning false cancels (the
// result is then an error "cancelled"). An unknown plan name is an error listing the plans.
using CollectProgress = std::function<bool(int done, int total)>;
planner::Expected<ReportData> collectReportData(const ReportSource &source,
                                                const ReportOptions &options,
                                                const CollectProgress &progress = {});

// The attribution line of a scene without one: the layers' names, saying which are synthetic.
QString attributionFromLayers(const MapScene &scene);

} // namespace app::report
