// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Keeps the site panels live: for the selected site (and for a site while it is dragged, on
// every mouse move) it runs the site analysis and the planner and shows the score, the
// floating read-out and the plan; it colours every site marker by its score. Heavy set-up (the
// analyzer's samplers, the catalog) happens once per scene change, not on the drag path.
// While a site is dragged the quick evaluation (fewer samples, no tornados) runs on every mouse
// move; on release or selection the quick result shows at once and the full one (all samples,
// both tornados) runs on an EvaluationRunner, replacing it when ready if it is still for the
// selected site and plan. The plan is the selected build plan when it is at the site, else the
// site's first plan, else the default plan (resources/examples/plan-100mw.json); the Plan
// dock's editor edits the selected plan (an edit with none selected makes a new plan at the
// selected site). GUI thread only; owned by the main window.

#include "app/scoringmodel.h"
#include "planner/core/evaluation/catalogs.h"
#include "planner/core/evaluation/evaluation.h"
#include "planner/core/io/planjson.h"
#include "planner/core/site/siteconditions.h"
#include "planner/core/sizing/planinput.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>

#include <atomic>
#include <memory>

namespace planner {
class Document;
}
namespace ui {
class ChartsPanel;
class MapCanvas;
class PlanEditor;
class PlanPanel;
class ScorePanel;
} // namespace ui

namespace app {

class EvaluationRunner;
class MapController;
class ScoringSettings;
class SiteAnalyzer;

class SiteController : public QObject
{
    Q_OBJECT
public:
    SiteController(planner::Document *doc, MapController *map, const ScoringSettings *scoring,
                   ui::MapCanvas *canvas, ui::ScorePanel *scorePanel, ui::PlanPanel *planPanel,
                   ui::ChartsPanel *charts, ui::PlanEditor *planEditor = nullptr,
                   QObject *parent = nullptr);
    ~SiteController() override;

    qint64 selectedSite() const { return m_selected; }
    void select(qint64 id);
    // The build plan the Plan dock shows and edits; 0: none (the site's default plan).
    qint64 selectedPlan() const { return m_selectedPlan; }
    // Selects the plan and its site (on the map too); 0 keeps the site and shows its plan.
    void selectPlan(qint64 planId);
    std::shared_ptr<const planner::Catalogs> catalogs() const { return m_catalogs; }

    // Why the planner cannot run (no catalog, no scoring file); empty when it can.
    QString setupError() const { return m_setupError; }
    // Time of the last live update (analysis + plan + panels), for the drag benchmark.
    qint64 lastUpdateNanoseconds() const { return m_lastUpdateNs; }

signals:
    // The selected plan changed (0: none), by selectPlan() or with the site's selection.
    void planSelected(qint64 planId);

private:
    void readPlan();
    // The plan a site is evaluated with (see the class comment).
    planner::PlanSpec specFor(qint64 siteId) const;
    void editPlan(const QJsonObject &plan, const QString &what);
    void rebuildAnalyzer();
    void refreshSelected();
    void updateLive(qint64 id, double longitude, double latitude);
    planner::EvaluationRequest requestFor(qint64 siteId, const planner::SiteConditions &site) const;
    // Charts what `evaluation` has; what it lacks (tornados while dragging) stays as it was.
    void showCharts(const QString &name, const planner::SiteEvaluation &evaluation);
    void showFullEvaluation(const planner::SiteEvaluation &evaluation);
    // Every catalog system with the plan of `request`, off the GUI thread, into the Charts
    // dock's "Per MW by system" tab; a newer refresh drops the result.
    void compareSystems(const planner::EvaluationRequest &request, const QString &name);
    // Stops the comparison of systems under way and outdates its result; the new generation.
    quint64 dropSystemsComparison();
    void recolourMarkers();

    planner::Document *m_doc;
    MapController *m_map;
    ui::MapCanvas *m_canvas;
    ui::ScorePanel *m_scorePanel;
    ui::PlanPanel *m_planPanel;
    ui::ChartsPanel *m_charts;
    ui::PlanEditor *m_planEditor;
    planner::PlanSpec m_defaultSpec;
    // Shared with the runner's jobs; the evaluations shown point into it.
    std::shared_ptr<const planner::Catalogs> m_catalogs;
    std::unique_ptr<SiteAnalyzer> m_analyzer;
    const ScoringSettings *m_scoring;
    QString m_setupError;
    qint64 m_selected = 0;
    qint64 m_selectedPlan = 0;
    qint64 m_lastUpdateNs = 0;
    qint64 m_fullSite = 0; // the site of the full evaluation running, and its name
    QString m_fullName;
    quint64 m_systemsGeneration = 0;
    // Set to stop the comparison of systems under way (it is for an earlier position or plan).
    std::shared_ptr<std::atomic<bool>> m_systemsCancel;
    std::unique_ptr<EvaluationRunner> m_runner; // last: destroyed (waited for) first
};

} // namespace app
