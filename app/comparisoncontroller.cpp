// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/comparisoncontroller.h"

#include "app/comparisonrunner.h"
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

// The saved choice among the plans there are now. Renames and deletions keep the saved choice
// in step (plancommands.h), but a file may name plans it no longer has (edited by another tool):
// unknown names are dropped, and when that leaves fewer than two plans the view's defaults
// apply; a lost baseline falls back to the first plan.
ComparisonChoice effectiveChoice(const planner::Document &doc)
{
    const QStringList names = planNames(doc);
    const QStringList saved = toQt(doc.comparison().plans);
    ComparisonChoice choice;
    for (const QString &name : saved) {
        if (names.contains(name))
            choice.plans << name;
    }
    if (choice.plans.size() < 2 && choice.plans.size() < saved.size())
        choice.plans.clear();
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
      m_view(new ui::ComparisonView(window)), m_runner(std::make_unique<ComparisonRunner>())
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
    connect(m_runner.get(), &ComparisonRunner::finished, this,
            [this](quint64, const PlanComparison &result) { showResult(result); });
    connect(m_runner.get(), &ComparisonRunner::failed, this,
            [this](quint64, const QString &message) { showMessage(message); });
    rebuildAnalyzer();
}

ComparisonController::~ComparisonController() = default;

bool ComparisonController::isBusy() const
{
    return m_runner->isBusy();
}

void ComparisonController::waitForDone()
{
    m_runner->waitForDone();
}

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
        showMessage(m_scoring->isValid() ? tr("The catalogs could not be read.")
                                         : m_scoring->error());
        return;
    }
    auto job = prepareComparison(*m_doc, *m_analyzer, m_scoring->model().market,
                                 effectiveChoice(*m_doc));
    if (!job) {
        showMessage(QString::fromStdString(job.error().message));
        return;
    }
    m_runner->submit(*job, catalogs);
    m_view->setBusy(true);
}

void ComparisonController::showResult(const PlanComparison &result)
{
    QStringList notes;
    for (const planner::ComparedPlan &plan : result.plans)
        notes << notesOf(plan);
    m_view->setBusy(false);
    m_view->showComparison(result.table, result.plans, notes);
    emit shown();
}

void ComparisonController::showMessage(const QString &message)
{
    m_runner->cancel(); // whatever runs is for inputs that no longer hold
    m_view->setBusy(false);
    m_view->showMessage(message);
    emit shown();
}

} // namespace app
