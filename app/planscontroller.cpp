// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/planscontroller.h"

#include "app/mapcontroller.h"
#include "app/maplayers.h"
#include "app/planevaluation.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "app/sitecontroller.h"
#include "planner/session/document.h"
#include "planner/session/plancommands.h"
#include "planner/session/plansmodel.h"
#include "widgets/planspanel.h"

namespace app {
namespace {

// Long enough to take a burst of edits (a drag's release, an undo of several steps) as one.
constexpr int kRefreshDelayMs = 150;

} // namespace

PlansController::PlansController(planner::Document *doc, MapController *map,
                                 const ScoringSettings *scoring, SiteController *sites,
                                 ui::PlansPanel *panel, QObject *parent)
    : QObject(parent), m_doc(doc), m_map(map), m_scoring(scoring), m_sites(sites), m_panel(panel),
      m_model(new planner::PlansModel(doc, this))
{
    panel->setModel(m_model);
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kRefreshDelayMs);
    connect(&m_refresh, &QTimer::timeout, this, &PlansController::refreshNow);
    connect(doc, &planner::Document::changed, &m_refresh, qOverload<>(&QTimer::start));
    connect(map->layers(), &MapLayers::sceneChanged, this, &PlansController::rebuildAnalyzer);
    connect(scoring, &ScoringSettings::changed, this, &PlansController::rebuildAnalyzer);

    connect(panel, &ui::PlansPanel::newRequested, this, &PlansController::newPlan);
    connect(panel, &ui::PlansPanel::duplicateRequested, this, &PlansController::duplicatePlan);
    connect(panel, &ui::PlansPanel::removeRequested, this, &PlansController::removePlan);
    connect(panel, &ui::PlansPanel::moveRequested, this, &PlansController::movePlan);
    connect(panel, &ui::PlansPanel::currentPlanChanged, this, [this](qint64 id) {
        if (id != 0 && id != m_sites->selectedPlan())
            m_sites->selectPlan(id);
    });
    connect(sites, &SiteController::planSelected, panel, &ui::PlansPanel::setCurrentPlan);
    rebuildAnalyzer();
}

PlansController::~PlansController() = default;

void PlansController::rebuildAnalyzer()
{
    m_analyzer.reset();
    if (m_scoring->isValid())
        m_analyzer = std::make_unique<SiteAnalyzer>(*m_map->layers()->scene(), m_scoring->model());
    m_refresh.start();
}

std::vector<planner::PlanHeadline> PlansController::headlines()
{
    const auto catalogs = m_sites->catalogs();
    if (!m_analyzer || !catalogs)
        return {};
    return planHeadlines(*m_doc, *m_analyzer, *catalogs, m_scoring->model().market);
}

std::optional<std::vector<planner::PlanHeadline>> PlansController::currentHeadlines() const
{
    if (m_refresh.isActive())
        return std::nullopt;
    return m_model->headlines();
}

std::vector<planner::PlanHeadline> PlansController::headlinesForSave()
{
    if (auto current = currentHeadlines())
        return std::move(*current);
    return headlines();
}

void PlansController::refreshNow()
{
    m_refresh.stop();
    m_model->setHeadlines(headlines());
}

void PlansController::newPlan()
{
    auto spec = defaultPlanSpec();
    if (!spec)
        return;
    const qint64 id = planner::commands::addPlan(*m_doc, planner::commands::unusedPlanName(*m_doc),
                                                 m_sites->selectedSite(), *spec);
    m_sites->selectPlan(id);
}

void PlansController::duplicatePlan(qint64 planId)
{
    if (const qint64 copy = planner::commands::duplicatePlan(*m_doc, planId))
        m_sites->selectPlan(copy);
}

void PlansController::removePlan(qint64 planId)
{
    planner::commands::removePlan(*m_doc, planId);
}

void PlansController::movePlan(qint64 planId, int delta)
{
    planner::commands::movePlan(*m_doc, planId, m_doc->indexOfPlan(planId) + delta);
}

} // namespace app
