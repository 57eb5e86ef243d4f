// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs the suitability heatmap of the current view in the background while it is switched on:
// again when the view settles, the layers change or the weights change. The newest request
// wins (older jobs are cancelled); progress and a cancel button sit in the status bar.
// GUI thread only; owned by the main window.

#include "app/backgroundjob.h"
#include "app/heatmapjob.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

class QAction;
class QProgressBar;
class QToolButton;
class QWidget;

namespace ui {
class MapCanvas;
}

namespace app {

class MapLayers;
class ScoringSettings;

class HeatmapController : public QObject
{
    Q_OBJECT
public:
    HeatmapController(MapLayers *layers, const ScoringSettings *scoring, ui::MapCanvas *canvas,
                      QObject *parent = nullptr);
    ~HeatmapController() override;

    QAction *toggleAction() const { return m_toggle; }
    // Progress bar and cancel button, for the status bar.
    QWidget *progressWidget() const { return m_progressBox; }
    bool isRunning() const { return m_watcher.isRunning(); }
    const HeatmapResult &lastResult() const { return m_last; }

    void cancel();

    // Writes the scores of the area in view as a Cloud-Optimized GeoTIFF at the resolution of
    // the finest raster layer (scoreraster.h), in the background with a progress dialog over
    // dialogParent; exported() tells how it went. False when an export runs already.
    bool exportView(const QString &path, QWidget *dialogParent);

signals:
    void finished();
    // `error` is empty on success.
    void exported(const QString &path, const QString &error);

private:
    void schedule();
    void start();
    void done();

    MapLayers *m_layers;
    const ScoringSettings *m_scoring;
    ui::MapCanvas *m_canvas;
    QAction *m_toggle;
    QWidget *m_progressBox;
    QProgressBar *m_progress;
    QTimer m_debounce;
    QFutureWatcher<HeatmapResult> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_pending = false;
    HeatmapResult m_last;
    BackgroundJob *m_export = nullptr;
    QString m_exportPath;
};

} // namespace app
