// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Joins the Plans dock to the document and the site controller: its list (a PlansModel) with
// each plan's headline, recomputed shortly after any change to the plans, the sites, the
// layers or the score settings (coalesced on a single-shot timer); its buttons as undo
// commands; the current plan as the site controller's selected plan, both ways. Also gives
// the headlines a save writes to the project file's `plans` layer. GUI thread only; owned by
// the main window.

#include <QObject>

#include <QTimer>
#include <optional>
#include <vector>

#include <memory>
#include <vector>

namespace planner {
class Document;
class PlansModel;
struct PlanHeadline;
} // namespace planner
namespace ui {
class PlansPanel;
}

namespace app {

class MapController;
class ScoringSettings;
class SiteAnalyzer;
class SiteController;

class PlansController : public QObject
{
    Q_OBJECT
public:
    PlansController(planner::Document *doc, MapController *map, const ScoringSettings *scoring,
                    SiteController *sites, ui::PlansPanel *panel, QObject *parent = nullptr);
    ~PlansController() override;

    planner::PlansModel *model() const { return m_model; }
    // Every plan's headline, computed now (for a save).
    std::vector<planner::PlanHeadline> headlines();
    // The headlines the list shows, if they follow the latest change (no refresh is pending);
    // nullopt otherwise. Costs nothing: for an autosave, which leaves stale figures out.
    std::optional<std::vector<planner::PlanHeadline>> currentHeadlines() const;
    // For a save: the current headlines if they follow the latest change, else computed now.
    std::vector<planner::PlanHeadline> headlinesForSave();
    // Refreshes the list's headlines now instead of after the coalescing delay.
    void refreshNow();

    void newPlan();
    void duplicatePlan(qint64 planId);
    void removePlan(qint64 planId);
    void movePlan(qint64 planId, int delta);

private:
    void rebuildAnalyzer();

    planner::Document *m_doc;
    MapController *m_map;
    const ScoringSettings *m_scoring;
    SiteController *m_sites;
    ui::PlansPanel *m_panel;
    planner::PlansModel *m_model;
    std::unique_ptr<SiteAnalyzer> m_analyzer;
    QTimer m_refresh;
};

} // namespace app
