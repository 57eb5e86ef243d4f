// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File ▸ Export, besides the PDF report: the sites as GeoPackage, GeoJSON or KML; the plans'
// headlines and the comparison as CSV; the map view as PNG or SVG. Each asks for a file and
// writes it from the project as it is; an error names the path. The exportX functions do the
// work without asking (tests and scripts). GUI thread only.

#include <QObject>
#include <QString>

class QMenu;
class QWidget;

namespace planner {
class Document;
}
namespace ui {
class MapCanvas;
}

namespace app {

class MapController;
class PlansController;
class ScoringSettings;

class ExportActions : public QObject
{
    Q_OBJECT
public:
    ExportActions(planner::Document *doc, MapController *map, const ScoringSettings *scoring,
                  PlansController *plans, ui::MapCanvas *canvas, QMenu *menu, QWidget *window);

    // An empty string when written, else the error.
    QString exportSites(const QString &path);
    QString exportPlansCsv(const QString &path);
    QString exportComparisonCsv(const QString &path);
    QString exportMapView(const QString &path);

signals:
    void message(const QString &text, int timeoutMs);

private:
    void run(const QString &title, const QString &name, const QString &filter,
             QString (ExportActions::*work)(const QString &));

    planner::Document *m_doc;
    MapController *m_map;
    const ScoringSettings *m_scoring;
    PlansController *m_plans;
    ui::MapCanvas *m_canvas;
    QWidget *m_window;
};

} // namespace app
