// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Keeps the site panels live: for the selected site (and for a site while it is dragged, on
// every mouse move) it runs the site analysis and the planner and shows the score, the
// floating read-out and the plan; it colours every site marker by its score. Heavy set-up (the
// analyzer's samplers, the catalog) happens once per scene change, not on the drag path.
// GUI thread only; owned by the main window.

#include "app/scoringmodel.h"
#include "planner/core/catalog/catalog.h"
#include "planner/core/catalog/economicscatalog.h"
#include "planner/core/catalog/schedulecatalog.h"
#include "planner/core/io/planjson.h"
#include "planner/core/schedule/scheduleresult.h"
#include "planner/core/site/siteconditions.h"
#include "planner/core/sizing/planinput.h"
#include "planner/core/sizing/planresult.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>

#include <memory>
#include <optional>

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
    // Why the planner cannot run (no catalog, no scoring file); empty when it can.
    QString setupError() const { return m_setupError; }
    // Time of the last live update (analysis + plan + panels), for the drag benchmark.
    qint64 lastUpdateNanoseconds() const { return m_lastUpdateNs; }

private:
    void readPlan();
    void rebuildAnalyzer();
    void refreshSelected();
    void updateLive(qint64 id, double longitude, double latitude);
    // Shows the schedule and returns it, for the cash flow.
    std::optional<planner::ScheduleResult>
    updateSchedule(const QString &name, const planner::PlanResult &plan, bool dragging);
    void updateCost(const QString &name, const planner::PlanResult &plan,
                    const planner::SiteConditions &site,
                    const std::optional<planner::ScheduleResult> &schedule, bool dragging);
    void recolourMarkers();

    planner::Document *m_doc;
    MapController *m_map;
    ui::MapCanvas *m_canvas;
    ui::ScorePanel *m_scorePanel;
    ui::PlanPanel *m_planPanel;
    ui::ChartsPanel *m_charts;
    ui::PlanEditor *m_planEditor;
    QJsonObject m_defaultPlan;
    QJsonObject m_exampleSite;
    QString m_planError;
    std::optional<planner::ScheduleCatalog> m_scheduleCatalog;
    std::optional<planner::EconomicsCatalog> m_economics;
    planner::ScheduleRequest m_scheduleRequest; // the plan's schedule section
    planner::EconomicsInputs m_economicsInputs; // the plan's economics section
    std::unique_ptr<SiteAnalyzer> m_analyzer;
    const ScoringSettings *m_scoring;
    std::optional<planner::Catalog> m_catalog;
    planner::PlanInput m_planInput;
    QString m_setupError;
    qint64 m_selected = 0;
    qint64 m_lastUpdateNs = 0;
};

} // namespace app
