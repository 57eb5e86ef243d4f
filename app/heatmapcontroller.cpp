// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/heatmapcontroller.h"

#include "app/scoreraster.h"

#include "app/maplayers.h"
#include "app/scoringsettings.h"
#include "widgets/mapcanvas.h"

#include <QAction>
#include <QHBoxLayout>
#include <QMetaObject>
#include <QProgressBar>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

namespace app {
namespace {
constexpr int kSettleMs = 250; // wait for the view to stop moving
}

HeatmapController::HeatmapController(MapLayers *layers, const ScoringSettings *scoring,
                                     ui::MapCanvas *canvas, QObject *parent)
    : QObject(parent), m_layers(layers), m_scoring(scoring), m_canvas(canvas),
      m_toggle(new QAction(tr("Suitability &Heatmap"), this)), m_progressBox(new QWidget),
      m_progress(new QProgressBar(m_progressBox))
{
    m_toggle->setObjectName("actionHeatmap");
    m_toggle->setCheckable(true);
    m_toggle->setShortcut(QKeySequence(tr("Ctrl+H")));
    m_toggle->setStatusTip(tr("Colour the view by the site score, with the current weights"));
    auto *layout = new QHBoxLayout(m_progressBox);
    layout->setContentsMargins(0, 0, 0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->setFormat(tr("Heatmap %p%"));
    auto *stop = new QToolButton(m_progressBox);
    stop->setText(tr("Cancel"));
    stop->setAutoRaise(true);
    layout->addWidget(m_progress);
    layout->addWidget(stop);
    m_progressBox->hide();
    connect(stop, &QToolButton::clicked, this, &HeatmapController::cancel);

    m_debounce.setSingleShot(true);
    connect(&m_debounce, &QTimer::timeout, this, &HeatmapController::start);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &HeatmapController::done);
    connect(m_toggle, &QAction::toggled, this, [this](bool on) {
        if (on) {
            schedule();
        } else {
            cancel();
            m_canvas->clearOverlay();
        }
    });
    connect(canvas, &ui::MapCanvas::viewChanged, this, &HeatmapController::schedule);
    connect(layers, &MapLayers::sceneChanged, this, &HeatmapController::schedule);
    connect(scoring, &ScoringSettings::changed, this, &HeatmapController::schedule);
}

HeatmapController::~HeatmapController()
{
    if (m_cancel)
        *m_cancel = true;
    m_watcher.waitForFinished();
    delete m_progressBox;
}

void HeatmapController::schedule()
{
    if (m_toggle->isChecked() && m_scoring->isValid())
        m_debounce.start(kSettleMs);
}

void HeatmapController::cancel()
{
    m_debounce.stop();
    m_pending = false;
    if (m_cancel)
        *m_cancel = true;
}

void HeatmapController::start()
{
    if (m_watcher.isRunning()) {
        // The newest request wins: stop the running job, start again when it returns.
        *m_cancel = true;
        m_pending = true;
        return;
    }
    HeatmapRequest request{m_layers->scene(), m_scoring->model(), m_canvas->view(), 1};
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progressBox->show();
    QPointer<QProgressBar> bar(m_progress);
    auto report = [bar](int done, int total) {
        QMetaObject::invokeMethod(
                bar,
                [bar, done, total] {
                    if (bar)
                        bar->setValue(100 * done / std::max(1, total));
                },
                Qt::QueuedConnection);
    };
    m_watcher.setFuture(QtConcurrent::run([request, cancel = m_cancel, report] {
        return computeHeatmap(request, *cancel, report);
    }));
}

void HeatmapController::done()
{
    m_progressBox->hide();
    const HeatmapResult result = m_watcher.result();
    if (m_pending) {
        m_pending = false;
        start();
        return;
    }
    if (!result.error.isEmpty())
        m_canvas->setToolTip(tr("No heatmap: %1").arg(result.error));
    if (result.cancelled || !m_toggle->isChecked())
        return;
    m_last = result;
    m_canvas->setOverlay(result.image, result.extent, 0.6);
    emit finished();
}

bool HeatmapController::exportView(const QString &path, QWidget *dialogParent)
{
    if (!m_export) {
        m_export = new BackgroundJob(dialogParent, this);
        connect(m_export, &BackgroundJob::finished, this,
                [this](const QString &error) { emit exported(m_exportPath, error); });
    }
    if (m_export->isRunning())
        return false;
    m_exportPath = path;
    const ui::GeoRect view = m_canvas->view().geoExtent();
    const std::shared_ptr<const MapScene> scene = m_layers->scene();
    const ScoringModel model = m_scoring->model();
    return m_export->start(
            tr("Export Heatmap"), tr("Scoring the area in view at the finest raster's resolution…"),
            [scene, model, view, path](const maps::RasterJobControl &control) -> QString {
                auto grid = regionGrid(*scene, view.west, view.south, view.east, view.north);
                if (!grid)
                    return maps::errorText(grid.error());
                auto scores = scoreRaster(*scene, model, *grid, control);
                if (!scores)
                    return scores.error().code == maps::ErrorCode::Cancelled
                            ? tr("Cancelled: no file was written.")
                            : maps::errorText(scores.error());
                const maps::Status written = writeScoreCog(*scores, path);
                return written ? QString() : maps::errorText(written.error());
            });
}

} // namespace app
