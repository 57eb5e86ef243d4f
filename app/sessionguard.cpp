// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/sessionguard.h"

#include "app/recoverydialog.h"
#include "planner/session/document.h"

#include <QAction>
#include <QInputDialog>
#include <QMessageBox>
#include <QSettings>
#include <QWidget>

namespace app {

SessionGuard::SessionGuard(planner::Document *document, QWidget *window, const QString &folder)
    : QObject(window), m_document(document), m_window(window),
      m_autosaver(document, RecoveryStore(folder)), m_lock(folder),
      m_intervalAction(new QAction(tr("Auto&save Interval…"), this))
{
    m_intervalAction->setObjectName("actionAutosaveInterval");
    m_intervalAction->setStatusTip(tr("How often unsaved changes are copied for recovery after "
                                      "a crash"));
    m_intervalAction->setWhatsThis(
            tr("After a change, Energize writes a recovery copy of the open project every few "
               "seconds (never over the project itself). After a crash the next start offers to "
               "restore it. 0 turns autosave off."));
    connect(m_intervalAction, &QAction::triggered, this, &SessionGuard::chooseInterval);
    connect(document, &planner::Document::filePathChanged, this, [this](const QString &path) {
        if (path.isEmpty())
            m_lock.release();
        else if (path != m_lock.lockedPath())
            m_lock.acquire(path);
    });
    connect(&m_autosaver, &Autosaver::failed, this, [this](const QString &error) {
        emit message(tr("Autosave failed: %1").arg(error), 15000);
    });
    connect(&m_autosaver, &Autosaver::autosaved, this,
            [this] { emit message(tr("Recovery copy written"), 3000); });
}

bool SessionGuard::confirmOpen(const QString &path)
{
    const auto holder = m_lock.heldByOther(path);
    if (!holder)
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Project already open"),
                    tr("%1 is open in another Energize (process %2 on %3). If both save, the "
                       "last save overwrites the other's changes.")
                            .arg(path)
                            .arg(holder->pid)
                            .arg(holder->host),
                    QMessageBox::Open | QMessageBox::Cancel, m_window);
    box.setObjectName("projectLockedWarning");
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Open;
}

bool SessionGuard::offerRecovery()
{
    const QList<RecoveryEntry> entries = m_autosaver.store().pending();
    for (const RecoveryEntry &entry : entries) {
        switch (askRecovery(m_window, entry)) {
        case RecoveryChoice::Restore:
            if (const energize::Status restored = restore(entry); !restored) {
                QMessageBox::warning(m_window, tr("Cannot restore"),
                                     QString::fromStdString(restored.error().message));
                continue;
            }
            return true;
        case RecoveryChoice::Discard:
            m_autosaver.store().remove(entry.key);
            break;
        case RecoveryChoice::Later:
            break;
        }
    }
    return false;
}

energize::Status SessionGuard::restore(const RecoveryEntry &entry)
{
    if (const energize::Status restored =
                m_document->restore(entry.projectFile, entry.originalPath);
        !restored)
        return restored;
    m_autosaver.adopt(entry.key);
    // At once: the copy's note then names this running process, so that another start does
    // not offer the same changes again.
    m_autosaver.autosaveNow();
    emit message(tr("Restored unsaved changes to %1 — save to keep them")
                         .arg(entry.originalPath.isEmpty() ? tr("an untitled project")
                                                           : entry.originalPath),
                 20000);
    return energize::done();
}

void SessionGuard::reportSaveFailure(const QString &message)
{
    QMessageBox box(QMessageBox::Warning, tr("Cannot save project"), message, QMessageBox::Ok,
                    m_window);
    box.setObjectName("saveFailedMessage");
    box.setInformativeText(tr("Your changes are still open and unsaved. Free some space or fix "
                              "the folder and save again, or use File > Save As to save "
                              "elsewhere."));
    box.exec();
}

void SessionGuard::closedCleanly()
{
    m_autosaver.setInterval(0);
    m_autosaver.discard();
    m_lock.release();
}

void SessionGuard::chooseInterval()
{
    bool ok = false;
    const int seconds =
            QInputDialog::getInt(m_window, tr("Autosave Interval"),
                                 tr("Seconds between recovery copies after a change (0: off):"),
                                 m_autosaver.interval(), 0, 3600, 10, &ok);
    if (!ok)
        return;
    QSettings().setValue(Autosaver::kSettingKey, seconds);
    m_autosaver.setInterval(seconds);
}

} // namespace app
