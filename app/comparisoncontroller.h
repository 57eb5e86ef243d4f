// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Joins the comparison view to the document: the plans, baseline and figures chosen in the view
// become an undo command (planner::commands::setComparison) and so part of the project; the
// table and charts are app::comparePlans of that choice with the project's analyzer and
// catalogs, recomputed while the view is shown, shortly after any change to the plans, the
// sites, the layers, the score settings or the choice (coalesced on a single-shot timer). GUI
// thread only; owned by the main window, and owns the view (a window of its own).

#include <QObject>
#include <QTimer>

#include <memory>

class QWidget;

namespace planner {
class Document;
}
namespace ui {
class ComparisonView;
}

namespace app {

class MapController;
class ScoringSettings;
class SiteAnalyzer;
class SiteController;

class ComparisonController : public QObject
{
    Q_OBJECT
public:
    ComparisonController(planner::Document *doc, MapController *map, const ScoringSettings *scoring,
                         SiteController *sites, QWidget *window, QObject *parent = nullptr);
    ~ComparisonController() override;

    ui::ComparisonView *view() const { return m_view; }
    // Shows the view (raised) with an up-to-date comparison.
    void open();
    // Recomputes now instead of after the coalescing delay.
    void refreshNow();

private:
    void rebuildAnalyzer();
    void showChoice();
    void scheduleRefresh();

    planner::Document *m_doc;
    MapController *m_map;
    const ScoringSettings *m_scoring;
    SiteController *m_sites;
    ui::ComparisonView *m_view;
    std::unique_ptr<SiteAnalyzer> m_analyzer;
    QTimer m_refresh;
};

} // namespace app
