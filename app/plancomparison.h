// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The comparison of a project's build plans as the comparison view and `energize compare`
// show it: each chosen plan evaluated at its site exactly as its headline is (evaluatePlan, all
// Monte Carlo samples, unless options say fewer), then planner::compare. Plans are chosen by name;
// an unknown name is an error that lists the plans there are. GUI or CLI thread (the analyzer
// belongs to it).

#include "app/planevaluation.h"
#include "planner/core/comparison/comparison.h"

#include <QString>
#include <QStringList>

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

planner::Expected<PlanComparison>
comparePlans(const planner::Document &doc, SiteAnalyzer &analyzer,
             const planner::Catalogs &catalogs, const QString &projectMarket,
             const ComparisonChoice &choice,
             const planner::EvaluationOptions &options = headlineOptions());

// The table as CSV: a header row (figure, unit, then one column per plan, then "best"), one row
// per figure; dates as YYYY-MM; empty cells where a plan has no figure.
QString comparisonCsv(const planner::Comparison &c);

} // namespace app
