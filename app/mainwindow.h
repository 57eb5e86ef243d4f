// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The main window assembles the map area, the docks, the actions and the menus. It holds no
// domain logic: file work goes through planner::Document, views subscribe to it.

#include <QMainWindow>

class QDockWidget;
class QLabel;
class QMenu;

namespace planner {
class Document;
}
namespace ui {
class ChartsPanel;
class LayerPanel;
class MapCanvas;
class PlanPanel;
class PlansPanel;
class ScorePanel;
} // namespace ui

namespace app {

class DistanceRasterController;
class HeatmapController;
class MapController;
class ComparisonController;
class PlansController;
class ReportExporter;
class ScoringSettings;
class SessionGuard;
class SiteController;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    planner::Document *document() const { return m_document; }
    ui::MapCanvas *canvas() const { return m_canvas; }
    MapController *mapController() const { return m_map; }
    SiteController *siteController() const { return m_sites; }
    PlansController *plansController() const { return m_plans; }
    ComparisonController *comparisonController() const { return m_comparison; }
    HeatmapController *heatmap() const { return m_heatmap; }
    DistanceRasterController *distanceRaster() const { return m_distance; }
    ReportExporter *reportExporter() const { return m_report; }
    ScoringSettings *scoring() const { return m_scoring; }

    // Opens a project; shows an error and keeps the current project when it cannot be read.
    bool openProject(const QString &path);
    void openDemo();
    // At start: offers the recovery copies of a crashed session; true when one was restored.
    bool offerRecovery();
    SessionGuard *session() const { return m_session; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createDocks();
    void createMapActions();
    void addLayers();
    void renameSelectedSite();
    void deleteSelectedSite();
    void editWeights();
    void makeDistanceRaster();
    void exportHeatmap();
    void restoreLayout();
    void saveLayout();
    void updateTitle();

    void newProject();
    void open();
    bool save();
    bool saveAs();
    bool maybeSave();
    void about();

    planner::Document *m_document;
    ui::MapCanvas *m_canvas;
    ui::LayerPanel *m_layerPanel;
    ui::ScorePanel *m_scorePanel;
    ui::PlanPanel *m_planPanel;
    ui::PlansPanel *m_plansPanel;
    QWidget *m_planDock = nullptr;
    ui::ChartsPanel *m_chartsPanel;
    MapController *m_map = nullptr;
    SiteController *m_sites = nullptr;
    PlansController *m_plans = nullptr;
    ComparisonController *m_comparison = nullptr;
    ScoringSettings *m_scoring = nullptr;
    HeatmapController *m_heatmap = nullptr;
    DistanceRasterController *m_distance = nullptr;
    ReportExporter *m_report = nullptr;
    SessionGuard *m_session = nullptr;
    QLabel *m_cursorLabel = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_projectLabel = nullptr;
    QByteArray m_defaultState;
};

} // namespace app
