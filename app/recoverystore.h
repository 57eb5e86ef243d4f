// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Recovery copies of unsaved work: one per open project, in a folder of the user's application
// data (…/Energize/recovery). A copy is a project file KEY.gpkg (written crash-safe by
// saveProjectFile) and a note KEY.json beside it: the project's own path (empty for an untitled
// one), when the copy was written, and the process and host that wrote it. KEY is a hash of the
// project's absolute path, or "untitled-PID". A copy outlives a crash; a clean close or a save
// removes it. The next start offers the copies whose writer is gone (pending()).
// A RecoveryStore is a value over its folder; write() may run on a worker thread (it touches
// only the files of its key), the rest on the GUI thread.

#include "common/expected.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace planner {
struct ProjectData;
}

namespace app {

struct RecoveryEntry
{
    QString key;
    QString projectFile; // the recovery copy (a project file)
    QString originalPath; // where the project lives; empty: it was never saved
    QDateTime writtenAt; // when the copy was written (UTC)
    qint64 pid = 0; // the process that wrote it
    QString host;
};

class RecoveryStore
{
public:
    // The folder of this user: QStandardPaths::AppDataLocation + "/recovery".
    static QString defaultFolder();
    explicit RecoveryStore(QString folder = defaultFolder());

    QString folder() const { return m_folder; }
    // The key of a project path; this process's "untitled-PID" for an empty one.
    static QString keyFor(const QString &projectPath);

    // Writes the copy and its note; the error names the file and the reason.
    energize::Status write(const QString &key, const QString &originalPath,
                           const planner::ProjectData &data) const;
    // Removes a copy and its note, if present.
    void remove(const QString &key) const;
    // Every readable copy whose writer is no longer running on this host (or ran elsewhere),
    // newest first. Copies of running processes (another window, this one) are left out.
    QList<RecoveryEntry> pending() const;

private:
    QString m_folder;
};

// True while a process with that id runs on this machine.
bool isProcessRunning(qint64 pid);

} // namespace app
