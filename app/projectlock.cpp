// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/projectlock.h"

#include "app/recoverystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QLockFile>

namespace app {

ProjectLock::ProjectLock(QString folder) : m_folder(std::move(folder))
{}

ProjectLock::~ProjectLock() = default;

QString ProjectLock::lockFileOf(const QString &projectPath) const
{
    return m_folder + "/" + RecoveryStore::keyFor(projectPath) + ".lock";
}

std::optional<LockHolder> ProjectLock::heldByOther(const QString &projectPath) const
{
    if (projectPath.isEmpty())
        return std::nullopt;
    if (m_lock && m_path == projectPath)
        return std::nullopt;
    QLockFile probe(lockFileOf(projectPath));
    probe.setStaleLockTime(0); // stale only when its process is gone, never by age
    if (probe.tryLock(0)) {
        probe.unlock();
        return std::nullopt;
    }
    LockHolder holder;
    QString application;
    if (!probe.getLockInfo(&holder.pid, &holder.host, &application))
        return std::nullopt;
    if (holder.pid == QCoreApplication::applicationPid())
        return std::nullopt;
    return holder;
}

bool ProjectLock::acquire(const QString &projectPath)
{
    release();
    if (projectPath.isEmpty() || !QDir().mkpath(m_folder))
        return false;
    auto lock = std::make_unique<QLockFile>(lockFileOf(projectPath));
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0))
        return false;
    m_lock = std::move(lock);
    m_path = projectPath;
    return true;
}

void ProjectLock::release()
{
    m_lock.reset(); // unlocks
    m_path.clear();
}

} // namespace app
