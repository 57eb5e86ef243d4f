// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs one blocking raster job in a worker with a progress dialog and a Cancel button: the job
// gets a maps::RasterJobControl (cancel flag, progress) and returns an error message, empty on
// success. finished() comes on the GUI thread. One job at a time; destroying the controller
// cancels the job and waits for it. GUI thread only.

#include "maps/raster/rastertilerunner.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

class QProgressDialog;
class QWidget;

namespace app {

class BackgroundJob : public QObject
{
    Q_OBJECT
public:
    using Work = std::function<QString(const maps::RasterJobControl &)>;

    explicit BackgroundJob(QWidget *dialogParent, QObject *parent = nullptr);
    ~BackgroundJob() override;

    // False when a job runs already.
    bool start(const QString &title, const QString &label, Work work);
    bool isRunning() const { return m_watcher.isRunning(); }
    void cancel();

signals:
    void finished(const QString &error);

private:
    void done();

    QWidget *m_dialogParent;
    QProgressDialog *m_dialog = nullptr;
    QFutureWatcher<QString> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace app
