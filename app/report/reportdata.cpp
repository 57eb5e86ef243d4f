// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/reportdata.h"

#include "app/plancomparison.h"
#include "app/planevaluation.h"
#include "planner/session/document.h"

#include <QObject>

#include <algorithm>

namespace app::report {

namespace {

constexpr std::size_t kMostCompared = 6; // as many as the comparison takes
constexpr int kTornadoSamples = 2000; // as the Charts dock's tornados after a drag

planner::Expected<std::vector<const planner::BuildPlan *>> choosePlans(const planner::Document &doc,
                                                                       const QStringList &names)
{
    std::vector<const planner::BuildPlan *> chosen;
    QStringList all;
    for (const planner::BuildPlan &p : doc.plans())
        all << QString::fromStdString(p.name);
    if (names.isEmpty()) {
        for (const planner::BuildPlan &p : doc.plans())
            chosen.push_back(&p);
    }
    for (const QString &name : names) {
        const auto it = std::find_if(doc.plans().begin(), doc.plans().end(), [&](const auto &p) {
            return QString::fromStdString(p.name) == name;
        });
        if (it == doc.plans().end())
            return planner::Error{
                    QObject::tr("no plan '%1'; the plans are: %2")
                            .arg(name, all.isEmpty() ? QObject::tr("none") : all.join(", "))
                            .toStdString()};
        chosen.push_back(&*it);
    }
    if (chosen.empty())
        return planner::Error{
                QObject::tr("the project has no plans; a report needs one plan or more")
                        .toStdString()};
    return chosen;
}

ui::GeoRect sitesExtent(const std::vector<ReportSite> &sites)
{
    ui::GeoRect r{180.0, 90.0, -180.0, -90.0};
    for (const ReportSite &s : sites) {
        r.west = std::min(r.west, s.site.longitude);
        r.east = std::max(r.east, s.site.longitude);
        r.south = std::min(r.south, s.site.latitude);
        r.north = std::max(r.north, s.site.latitude);
    }
    // A margin of half the spread, and at least a degree around a single site.
    const double dx = std::max(1.0, (r.east - r.west) * 0.5);
    const double dy = std::max(1.0, (r.north - r.south) * 0.5);
    return {std::max(-180.0, r.west - dx), std::max(-85.0, r.south - dy),
            std::min(180.0, r.east + dx), std::min(85.0, r.north + dy)};
}

} // namespace

planner::EvaluationOptions reportEvaluationOptions()
{
    planner::EvaluationOptions options = headlineOptions();
    options.tornados = true;
    options.tornadoSamples = kTornadoSamples;
    return options;
}

QString attributionFromLayers(const MapScene &scene)
{
    QStringList real, synthetic;
    for (const MapScene::Entry &e : scene.entries) {
        if (!e.visible || !e.layer)
            continue;
        const QString name = QString::fromStdString(e.layer->ref.name);
        (name.contains(QLatin1String("synthetic"), Qt::CaseInsensitive) ? synthetic : real) << name;
    }
    QStringList parts;
    if (!real.isEmpty())
        parts << QObject::tr("Layers: %1").arg(real.join(", "));
    if (!synthetic.isEmpty())
        parts << QObject::tr("SYNTHETIC layers: %1").arg(synthetic.join(", "));
    return parts.join(". ");
}

planner::Expected<ReportData> collectReportData(const ReportSource &source,
                                                const ReportOptions &options,
                                                const CollectProgress &progress)
{
    const planner::Document &doc = *source.doc;
    auto chosen = choosePlans(doc, options.plans);
    if (!chosen)
        return chosen.error();
    ReportData data;
    data.projectName = source.projectName;
    data.author = options.author;
    data.date = QDate::currentDate();
    data.options = options;
    data.catalogs = source.catalogs;
    data.scene = source.scene;
    data.attribution = source.attribution.isEmpty() ? attributionFromLayers(*source.scene)
                                                    : source.attribution;
    SiteAnalyzer analyzer(*source.scene, source.scoring);
    data.scoreModel = analyzer.scoreModel();
    const planner::EvaluationOptions evaluation = reportEvaluationOptions();
    const int total = int(chosen->size()) + 1;
    int done = 0;
    auto step = [&] {
        return !progress || progress(++done, total);
    };
    auto siteName = [&](const planner::BuildPlan &p) {
        const auto site = doc.site(p.siteId);
        return site ? QString::fromStdString(site->name) : QObject::tr("no site");
    };

    // The first six through the comparison (the very evaluations its table is made from).
    std::size_t compared = 0;
    if (chosen->size() >= 2) {
        ComparisonChoice choice;
        for (std::size_t i = 0; i < std::min(kMostCompared, chosen->size()); ++i)
            choice.plans << QString::fromStdString((*chosen)[i]->name);
        auto c = comparePlans(doc, analyzer, *source.catalogs, source.scoring.market, choice,
                              evaluation);
        if (!c)
            return c.error();
        compared = c->plans.size();
        for (std::size_t i = 0; i < compared; ++i) {
            const planner::BuildPlan &p = *(*chosen)[i];
            data.plans.push_back(
                    {p, siteName(p), c->plans[i].siteScore, std::move(c->plans[i].evaluation)});
        }
        data.comparison = std::move(c->table);
        done += int(compared) - 1;
        if (!step())
            return planner::Error{QObject::tr("cancelled").toStdString(),
                                  energize::ErrorCode::Cancelled};
    }
    for (std::size_t i = compared; i < chosen->size(); ++i) {
        const planner::BuildPlan &p = *(*chosen)[i];
        EvaluatedPlan e =
                evaluatePlan(p, doc, analyzer, *source.catalogs, source.scoring.market, evaluation);
        if (!e.evaluation)
            return planner::Error{p.name + ": " + e.evaluation.error().message};
        data.plans.push_back({p, siteName(p), e.siteScore, std::move(*e.evaluation)});
        if (!step())
            return planner::Error{QObject::tr("cancelled").toStdString(),
                                  energize::ErrorCode::Cancelled};
    }

    for (const planner::Site &site : doc.sites()) {
        ReportSite s;
        for (const ReportPlan &p : data.plans) {
            if (p.plan.siteId == site.id)
                s.plans << QString::fromStdString(p.plan.name);
        }
        if (s.plans.isEmpty())
            continue;
        s.site = site;
        s.analysis = analyzer.analyze(QString::fromStdString(site.name), site.longitude,
                                      site.latitude, site.outline);
        data.sites.push_back(std::move(s));
    }
    data.mapExtent = source.mapExtent.isValid() ? source.mapExtent : sitesExtent(data.sites);
    if (!step())
        return planner::Error{QObject::tr("cancelled").toStdString(),
                              energize::ErrorCode::Cancelled};
    return data;
}

} // namespace app::report
