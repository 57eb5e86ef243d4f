// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Joins the comparison view to the document: the plans, baseline and figures chosen in the view
// become an undo command (planner::commands::setComparison) and so part of the project; the
// table and charts are the comparison of that choice with the project's analyzer and catalogs,
// recomputed while the view is shown, shortly after any change to the plans, the sites, the
// layers, the score settings or the choice (coalesced on a single-shot timer). The sites are
// analysed on the GUI thread (microseconds each); the evaluations, the heavy part, run on a
// ComparisonRunner while the view shows that it is busy; a result overtaken by a newer change
// is dropped, so the view shows only the comparison of the latest inputs. GUI thread only;
// owned by the main window, and owns the view (a window of its own).

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

class ComparisonRunner;
class MapController;
struct PlanComparison;
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
    // Starts the recomputation now instead of after the coalescing delay; the view shows the
    // result when the runner delivers it (shown() then).
    void refreshNow();
    // True while a comparison is computed for the view.
    bool isBusy() const;
    // Blocks until the runner has no job (for tests); the result still comes through the event
    // loop.
    void waitForDone();

signals:
    // The view shows a new result or a message why there is none.
    void shown();

private:
    void rebuildAnalyzer();
    void showChoice();
    void scheduleRefresh();
    void showResult(const PlanComparison &result);
    void showMessage(const QString &message);

    planner::Document *m_doc;
    MapController *m_map;
    const ScoringSettings *m_scoring;
    SiteController *m_sites;
    ui::ComparisonView *m_view;
    std::unique_ptr<SiteAnalyzer> m_analyzer;
    QTimer m_refresh;
    std::unique_ptr<ComparisonRunner> m_runner; // last: destroyed (waited for) first
};

} // namespace app
