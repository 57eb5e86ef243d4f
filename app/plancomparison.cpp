// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/plancomparison.h"

#include "app/planevaluation.h"
#include "planner/session/document.h"

namespace app {

namespace {

constexpr std::size_t kMostPlans = 6;

QString csvField(const QString &text)
{
    if (!text.contains(',') && !text.contains('"') && !text.contains('\n'))
        return text;
    return '"' + QString(text).replace('"', "\"\"") + '"';
}

} // namespace

planner::Expected<ComparisonJob> prepareComparison(const planner::Document &doc,
                                                   SiteAnalyzer &analyzer,
                                                   const QString &projectMarket,
                                                   const ComparisonChoice &choice)
{
    QStringList names;
    for (const planner::BuildPlan &p : doc.plans())
        names << QString::fromStdString(p.name);
    std::vector<const planner::BuildPlan *> chosen;
    if (choice.plans.isEmpty()) {
        for (const planner::BuildPlan &p : doc.plans()) {
            if (chosen.size() < kMostPlans)
                chosen.push_back(&p);
        }
    } else {
        for (const QString &name : choice.plans) {
            const auto it =
                    std::find_if(doc.plans().begin(), doc.plans().end(), [&](const auto &p) {
                        return QString::fromStdString(p.name) == name;
                    });
            if (it == doc.plans().end())
                return planner::Error{QObject::tr("no plan '%1'; the plans are: %2")
                                              .arg(name, names.join(", "))
                                              .toStdString()};
            chosen.push_back(&*it);
        }
    }
    if (chosen.size() < 2)
        return planner::Error{
                QObject::tr("a comparison needs two plans or more; the project has: %1")
                        .arg(names.isEmpty() ? QObject::tr("none") : names.join(", "))
                        .toStdString()};
    if (chosen.size() > kMostPlans)
        return planner::Error{QObject::tr("at most %1 plans can be compared at once")
                                      .arg(kMostPlans)
                                      .toStdString()};
    ComparisonJob job;
    if (!choice.baseline.isEmpty()) {
        const auto it = std::find_if(chosen.begin(), chosen.end(), [&](const auto *p) {
            return QString::fromStdString(p->name) == choice.baseline;
        });
        if (it == chosen.end())
            return planner::Error{QObject::tr("the baseline '%1' is not among the compared "
                                              "plans")
                                          .arg(choice.baseline)
                                          .toStdString()};
        job.baseline = std::size_t(it - chosen.begin());
    }
    for (const planner::BuildPlan *plan : chosen) {
        PlanAtSite at = planAtSite(*plan, doc, analyzer, projectMarket);
        if (!at.request)
            return planner::Error{plan->name + ": " + at.request.error().message};
        job.names.push_back(plan->name);
        job.siteScores.push_back(at.siteScore);
        job.requests.push_back(std::move(*at.request));
    }
    return job;
}

planner::Expected<PlanComparison> runComparison(const ComparisonJob &job,
                                                const planner::Catalogs &catalogs,
                                                const planner::EvaluationOptions &options,
                                                const std::function<bool()> &cancelled)
{
    PlanComparison out;
    for (std::size_t i = 0; i < job.requests.size(); ++i) {
        if (cancelled && cancelled())
            return planner::Error{"the comparison was cancelled", planner::ErrorCode::Cancelled};
        auto evaluation = planner::evaluate(job.requests[i], catalogs, options);
        if (!evaluation)
            return planner::Error{job.names[i] + ": " + evaluation.error().message};
        out.plans.push_back({job.names[i], job.siteScores[i], std::move(*evaluation)});
    }
    auto table = planner::compare(out.plans, job.baseline);
    if (!table)
        return table.error();
    out.table = std::move(*table);
    return out;
}

planner::Expected<PlanComparison> comparePlans(const planner::Document &doc, SiteAnalyzer &analyzer,
                                               const planner::Catalogs &catalogs,
                                               const QString &projectMarket,
                                               const ComparisonChoice &choice,
                                               const planner::EvaluationOptions &options)
{
    auto job = prepareComparison(doc, analyzer, projectMarket, choice);
    if (!job)
        return job.error();
    return runComparison(*job, catalogs, options);
}

QString comparisonCsv(const planner::Comparison &c)
{
    QStringList header{QStringLiteral("figure"), QStringLiteral("unit")};
    for (const std::string &p : c.plans)
        header << csvField(QString::fromStdString(p));
    header << QStringLiteral("best");
    QString out = header.join(',') + '\n';
    for (const planner::ComparisonRow &row : c.rows) {
        QStringList cells{csvField(QString::fromStdString(row.label)),
                          csvField(QString::fromStdString(row.unit))};
        for (const std::optional<double> &v : row.values) {
            if (!v)
                cells << QString();
            else if (row.isMonth)
                cells << QString::fromStdString(planner::monthText(*v));
            else
                cells << QString::number(*v, 'g', 10);
        }
        cells << (row.best ? csvField(QString::fromStdString(c.plans[*row.best])) : QString());
        out += cells.join(',') + '\n';
    }
    return out;
}

} // namespace app
