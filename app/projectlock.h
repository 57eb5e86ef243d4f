// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Tells two Energize windows apart that open the same project: the first holds a lock file
// (QLockFile: process id, host and application) named after the project's recovery key in the
// recovery folder, so read-only project folders need no write access. A lock whose process is
// gone (a crash, a kill) is stale and taken over. GUI thread; one lock per window.

#include <QString>

#include <memory>
#include <optional>

class QLockFile;

namespace app {

struct LockHolder
{
    qint64 pid = 0;
    QString host;
};

class ProjectLock
{
public:
    explicit ProjectLock(QString folder);
    ~ProjectLock();

    // Who else holds the lock of projectPath: another running process (of this host or another
    // one); nothing when it is free, stale or held by this process.
    std::optional<LockHolder> heldByOther(const QString &projectPath) const;
    // Takes the lock of projectPath (releasing the one held before); false when another process
    // holds it or the folder is not writable, in which case this holds none.
    bool acquire(const QString &projectPath);
    void release();
    QString lockedPath() const { return m_path; }

private:
    QString lockFileOf(const QString &projectPath) const;

    QString m_folder;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace app
