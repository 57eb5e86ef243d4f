// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File ▸ Export ▸ PDF Report…: enabled while the project has plans; asks which plans, sections
// and paper (ui::ReportDialog) and where, then writes the report on the GUI thread in steps (one
// per plan evaluated, one per page painted, since the charts are widgets) under a window-modal
// progress dialog with Cancel, and opens the file when asked. It only reads the project: the
// open document never changes. Errors (the file cannot be written) are shown with the path.

#include "app/report/reportoptions.h"

#include <QObject>
#include <QString>

class QAction;
class QWidget;

namespace planner {
class Document;
}
namespace ui {
class MapCanvas;
}

namespace app {

class MapController;
class ScoringSettings;

class ReportExporter : public QObject
{
    Q_OBJECT
public:
    ReportExporter(planner::Document *doc, MapController *map, const ScoringSettings *scoring,
                   ui::MapCanvas *canvas, QWidget *window);

    QAction *action() const { return m_action; }

    // The dialogs, then the export.
    void exportInteractively();
    // The export to `path` with a progress dialog and no other question; an empty string when
    // written, else the error (also "cancelled").
    QString exportTo(const QString &path, const report::ReportOptions &options);

signals:
    void message(const QString &text, int timeoutMs);

private:
    void updateAction();

    planner::Document *m_doc;
    MapController *m_map;
    const ScoringSettings *m_scoring;
    ui::MapCanvas *m_canvas;
    QWidget *m_window;
    QAction *m_action;
};

} // namespace app
