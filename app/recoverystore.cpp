// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/recoverystore.h"

#include "planner/core/common/version.h"
#include "planner/store/projectfile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QSysInfo>

#include <algorithm>
#include <cerrno>

#include <signal.h>

namespace app {

namespace {

QString noteFile(const QString &folder, const QString &key)
{
    return folder + "/" + key + ".json";
}

QString copyFile(const QString &folder, const QString &key)
{
    return folder + "/" + key + ".gpkg";
}

} // namespace

bool isProcessRunning(qint64 pid)
{
    if (pid <= 0)
        return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

QString RecoveryStore::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/recovery";
}

RecoveryStore::RecoveryStore(QString folder) : m_folder(std::move(folder))
{}

QString RecoveryStore::keyFor(const QString &projectPath)
{
    if (projectPath.isEmpty())
        return QString("untitled-%1").arg(QCoreApplication::applicationPid());
    const QByteArray absolute = QFileInfo(projectPath).absoluteFilePath().toUtf8();
    return QCryptographicHash::hash(absolute, QCryptographicHash::Sha1).toHex().left(20);
}

energize::Status RecoveryStore::write(const QString &key, const QString &originalPath,
                                      const planner::ProjectData &data) const
{
    if (!QDir().mkpath(m_folder))
        return energize::Error{m_folder.toStdString() + ": cannot create the recovery folder"};
    const QString copy = copyFile(m_folder, key);
    auto saved = planner::saveProjectFile(copy.toStdString(), data, planner::engineVersion());
    if (!saved)
        return saved.error();
    const QJsonObject note{{"original_path", originalPath},
                           {"written_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                           {"pid", QCoreApplication::applicationPid()},
                           {"host", QSysInfo::machineHostName()}};
    QSaveFile file(noteFile(m_folder, key));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(note).toJson()) < 0
        || !file.commit())
        return energize::Error{file.fileName().toStdString() + ": cannot write ("
                               + file.errorString().toStdString() + ")"};
    return energize::done();
}

void RecoveryStore::remove(const QString &key) const
{
    QFile::remove(noteFile(m_folder, key));
    QFile::remove(copyFile(m_folder, key));
}

QList<RecoveryEntry> RecoveryStore::pending() const
{
    QList<RecoveryEntry> entries;
    const QString host = QSysInfo::machineHostName();
    const QStringList notes = QDir(m_folder).entryList({"*.json"}, QDir::Files);
    for (const QString &name : notes) {
        QFile file(m_folder + "/" + name);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject note = QJsonDocument::fromJson(file.readAll()).object();
        RecoveryEntry entry;
        entry.key = QFileInfo(name).completeBaseName();
        entry.projectFile = copyFile(m_folder, entry.key);
        entry.originalPath = note.value("original_path").toString();
        entry.writtenAt = QDateTime::fromString(note.value("written_at").toString(), Qt::ISODate);
        entry.pid = note.value("pid").toInteger();
        entry.host = note.value("host").toString();
        if (!entry.writtenAt.isValid() || !QFileInfo::exists(entry.projectFile))
            continue;
        if (entry.host == host && isProcessRunning(entry.pid))
            continue; // its writer is still at work (another window, or this one)
        entries.append(entry);
    }
    std::sort(entries.begin(), entries.end(), [](const RecoveryEntry &a, const RecoveryEntry &b) {
        return a.writtenAt > b.writtenAt;
    });
    return entries;
}

} // namespace app
