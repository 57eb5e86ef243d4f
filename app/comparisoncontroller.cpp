// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/comparisoncontroller.h"

#include "app/mapcontroller.h"
#include "app/maplayers.h"
#include "app/plancomparison.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "app/sitecontroller.h"
#include "planner/core/site/buildplan.h"
#include "planner/session/comparisoncommands.h"
#include "planner/session/document.h"
#include "widgets/comparisonview.h"

#include <QWidget>

namespace app {
namespace {

// As the Plans dock's: a burst of edits (an undo of several steps) is one recomputation.
constexpr int kRefreshDelayMs = 150;

QStringList toQt(const std::vector<std::string> &list)
{
    QStringList out;
    for (const std::string &s : list)
        out << QString::fromStdString(s);
    return out;
}

std::vector<std::string> toStd(const QStringList &list)
{
    std::vector<std::string> out;
    for (const QString &s : list)
        out.push_back(s.toStdString());
    return out;
}

QStringList planNames(const planner::Document &doc)
{
    QStringList names;
    for (const planner::BuildPlan &p : doc.plans())
        names << QString::fromStdString(p.name);
    return names;
}

// The saved choice among the plans there are now (a plan may have been renamed or deleted
// since): unknown names are dropped, a lost baseline falls back to the first plan.
ComparisonChoice effectiveChoice(const planner::Document &doc)
{
    const QStringList names = planNames(doc);
    ComparisonChoice choice;
    for (const QString &name : toQt(doc.comparison().plans)) {
        if (names.contains(name))
            choice.plans << name;
    }
    const QString baseline = QString::fromStdString(doc.comparison().baseline);
    const QStringList shown = choice.plans.isEmpty() ? names.mid(0, 6) : choice.plans;
    if (shown.contains(baseline))
        choice.baseline = baseline;
    return choice;
}

// Why a plan may lack figures: what its evaluation could not do.
QString notesOf(const planner::ComparedPlan &plan)
{
    QStringList notes = toQt(plan.evaluation.absent);
    if (plan.evaluation.cost)
        notes << toQt(plan.evaluation.cost->missing);
    if (!plan.siteScore)
        notes << QObject::tr("the site has no score");
    return notes.join("; ");
}

} // namespace

ComparisonController::ComparisonController(planner::Document *doc, MapController *map,
                                           const ScoringSettings *scoring, SiteController *sites,
                                           QWidget *window, QObject *parent)
    : QObject(parent), m_doc(doc), m_map(map), m_scoring(scoring), m_sites(sites),
      m_view(new ui::ComparisonView(window))
{
    m_view->setObjectName("comparisonView");
    m_view->setWindowFlag(Qt::Window);
    m_view->resize(1600, 920);
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kRefreshDelayMs);
    connect(&m_refresh, &QTimer::timeout, this, &ComparisonController::refreshNow);
    connect(doc, &planner::Document::changed, this, &ComparisonController::scheduleRefresh);
    connect(doc, &planner::Document::comparisonChanged, this,
            &ComparisonController::scheduleRefresh);
    connect(map->layers(), &MapLayers::sceneChanged, this, &ComparisonController::rebuildAnalyzer);
    connect(scoring, &ScoringSettings::changed, this, &ComparisonController::rebuildAnalyzer);
    connect(m_view, &ui::ComparisonView::choiceChanged, this,
            [this](const QStringList &plans, const QString &baseline, const QStringList &rows) {
                planner::SavedComparison choice{toStd(plans), baseline.toStdString(), toStd(rows)};
                planner::commands::setComparison(*m_doc, choice);
            });
    rebuildAnalyzer();
}

ComparisonController::~ComparisonController() = default;

void ComparisonController::rebuildAnalyzer()
{
    m_analyzer.reset();
    if (m_scoring->isValid())
        m_analyzer = std::make_unique<SiteAnalyzer>(*m_map->layers()->scene(), m_scoring->model());
    scheduleRefresh();
}

void ComparisonController::scheduleRefresh()
{
    // A hidden view costs nothing: open() refreshes it.
    if (m_view->isVisible())
        m_refresh.start();
}

void ComparisonController::open()
{
    m_view->show();
    m_view->raise();
    m_view->activateWindow();
    refreshNow();
}

void ComparisonController::showChoice()
{
    const ComparisonChoice choice = effectiveChoice(*m_doc);
    m_view->setChoice(planNames(*m_doc), choice.plans, choice.baseline,
                      toQt(m_doc->comparison().hiddenRows));
}

void ComparisonController::refreshNow()
{
    m_refresh.stop();
    showChoice();
    const auto catalogs = m_sites->catalogs();
    if (!m_analyzer || !catalogs) {
        m_view->showMessage(m_scoring->isValid() ? tr("The catalogs could not be read.")
                                                 : m_scoring->error());
        return;
    }
    auto result = comparePlans(*m_doc, *m_analyzer, *catalogs, m_scoring->model().market,
                               effectiveChoice(*m_doc));
    if (!result) {
        m_view->showMessage(QString::fromStdString(result.error().message));
        return;
    }
    QStringList notes;
    for (const planner::ComparedPlan &plan : result->plans)
        notes << notesOf(plan);
    m_view->showComparison(result->table, result->plans, notes);
}

} // namespace app
