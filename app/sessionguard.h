// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What protects a window's unsaved work beyond File > Save: the autosaver (autosaver.h), the
// lock that warns when a second window opens the same project (projectlock.h) and the recovery
// offer at start (recoverydialog.h). MainWindow owns one and calls it at open and close; it
// holds no domain logic. GUI thread.

#include "app/autosaver.h"
#include "app/projectlock.h"

#include <QObject>

class QAction;
class QWidget;

namespace planner {
class Document;
}

namespace app {

class SessionGuard : public QObject
{
    Q_OBJECT
public:
    SessionGuard(planner::Document *document, QWidget *window,
                 const QString &folder = RecoveryStore::defaultFolder());

    Autosaver *autosaver() { return &m_autosaver; }
    ProjectLock *lock() { return &m_lock; }
    // Asks before opening a project that another running Energize has open; true: go on.
    bool confirmOpen(const QString &path);
    // Offers each recovery copy of a crashed session, newest first, until one is restored.
    // True when one was (the document now holds it).
    bool offerRecovery();
    // Restores a copy into the document (bound to its original path, modified).
    energize::Status restore(const RecoveryEntry &entry);
    // Tells the user a save failed (the message names the file and the reason) and that the
    // changes are still open and unsaved.
    void reportSaveFailure(const QString &message);
    // A clean close: the recovery copy goes, the lock is released.
    void closedCleanly();
    // File > Autosave Interval…
    QAction *intervalAction() const { return m_intervalAction; }

signals:
    void message(const QString &text, int timeoutMs);

private:
    void chooseInterval();

    planner::Document *m_document;
    QWidget *m_window;
    Autosaver m_autosaver;
    ProjectLock m_lock;
    QAction *m_intervalAction;
};

} // namespace app
