// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The comparison of a project's build plans as the comparison view and `energize compare`
// show it: each chosen plan evaluated at its site exactly as its headline is (evaluatePlan, all
// Monte Carlo samples, unless options say fewer), then planner::compare. Plans are chosen by name;
// an unknown name is an error that lists the plans there are. In two steps, so that the heavy one
// can leave the GUI thread: prepareComparison analyses the sites on the analyzer's thread and
// gives a plain snapshot (a ComparisonJob, free of the document); runComparison evaluates and
// compares it on any thread. comparePlans does both, on the calling thread (the CLI).

#include "app/planevaluation.h"
#include "planner/core/comparison/comparison.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace planner {
class Document;
struct Catalogs;
} // namespace planner

namespace app {

class SiteAnalyzer;

struct ComparisonChoice
{
    QStringList plans; // names, in column order; empty: every plan (at most six)
    QString baseline; // a name among them; empty: the first
};

struct PlanComparison
{
    planner::Comparison table;
    std::vector<planner::ComparedPlan> plans; // what the table was made from, same order
};

// The chosen plans, each as the request it is evaluated with at its site: a value, copied freely
// between threads.
struct ComparisonJob
{
    std::vector<std::string> names;
    std::vector<std::optional<double>> siteScores; // 0-100, none when excluded or without data
    std::vector<planner::EvaluationRequest> requests;
    std::size_t baseline = 0; // index into the above
};

// Checks the choice against the document (names, two to six plans, baseline) and analyses each
// chosen plan's site. Errors as comparePlans's; a plan without a site or climate is an error
// named after the plan. On the analyzer's thread.
planner::Expected<ComparisonJob> prepareComparison(const planner::Document &doc,
                                                   SiteAnalyzer &analyzer,
                                                   const QString &projectMarket,
                                                   const ComparisonChoice &choice);

// Evaluates every plan of the job and compares them. `cancelled`, when given, is asked between
// plans; once it says true the result is an ErrorCode::Cancelled error. Any thread; the catalogs
// must outlive the call.
planner::Expected<PlanComparison>
runComparison(const ComparisonJob &job, const planner::Catalogs &catalogs,
              const planner::EvaluationOptions &options = headlineOptions(),
              const std::function<bool()> &cancelled = {});

planner::Expected<PlanComparison>
comparePlans(const planner::Document &doc, SiteAnalyzer &analyzer,
             const planner::Catalogs &catalogs, const QString &projectMarket,
             const ComparisonChoice &choice,
             const planner::EvaluationOptions &options = headlineOptions());

// The table as CSV: a header row (figure, unit, then one column per plan, then "best"), one row
// per figure; dates as YYYY-MM; empty cells where a plan has no figure.
QString comparisonCsv(const planner::Comparison &c);

} // namespace app
