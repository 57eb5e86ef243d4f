// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/backgroundjob.h"

#include <QPointer>
#include <QProgressDialog>
#include <QtConcurrent>

namespace app {

BackgroundJob::BackgroundJob(QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_dialogParent(dialogParent)
{
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, &BackgroundJob::done);
}

BackgroundJob::~BackgroundJob()
{
    cancel();
    m_watcher.waitForFinished();
}

bool BackgroundJob::start(const QString &title, const QString &label, Work work)
{
    if (isRunning())
        return false;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_dialog = new QProgressDialog(label, tr("Cancel"), 0, 1000, m_dialogParent);
    m_dialog->setWindowTitle(title);
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setMinimumDuration(300);
    m_dialog->setValue(0);
    connect(m_dialog, &QProgressDialog::canceled, this, &BackgroundJob::cancel);
    QPointer<QProgressDialog> dialog = m_dialog;
    maps::RasterJobControl control;
    control.cancel = m_cancel.get();
    control.progress = [dialog](double fraction) {
        QMetaObject::invokeMethod(
                dialog,
                [dialog, fraction] {
                    if (dialog)
                        dialog->setValue(int(fraction * 1000.0));
                },
                Qt::QueuedConnection);
    };
    const auto cancelFlag = m_cancel; // keeps the flag alive as long as the job
    m_watcher.setFuture(QtConcurrent::run(
            [work = std::move(work), control, cancelFlag]() -> QString { return work(control); }));
    return true;
}

void BackgroundJob::cancel()
{
    if (m_cancel)
        *m_cancel = true;
}

void BackgroundJob::done()
{
    if (m_dialog) {
        m_dialog->reset();
        m_dialog->deleteLater();
        m_dialog = nullptr;
    }
    emit finished(m_watcher.result());
}

} // namespace app
