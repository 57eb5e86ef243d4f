// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/session/document.h"

#include "planner/core/version.h"
#include "planner/store/projectfile.h"

#include <QFileInfo>

namespace planner {

Document::Document(QObject *parent) : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
    connect(&m_undo, &QUndoStack::indexChanged, this, &Document::changed);
}

QString Document::displayName() const
{
    if (m_filePath.isEmpty())
        return tr("Untitled");
    return QFileInfo(m_filePath).completeBaseName();
}

void Document::clear()
{
    m_undo.clear();
    m_name.clear();
    setFilePath(QString());
    emit changed();
}

bool Document::load(const QString &path, QString *errorMessage)
{
    auto info = readProjectFile(path.toStdString());
    if (!info) {
        if (errorMessage)
            *errorMessage = QString::fromStdString(info.error().message);
        return false;
    }
    m_undo.clear();
    m_name = QString::fromStdString(info->name);
    setFilePath(path);
    emit changed();
    return true;
}

bool Document::save(const QString &path, QString *errorMessage)
{
    const QString name = m_name.isEmpty() ? QFileInfo(path).completeBaseName() : m_name;
    auto info = createProjectFile(path.toStdString(), name.toStdString(), engineVersion());
    if (!info) {
        if (errorMessage)
            *errorMessage = QString::fromStdString(info.error().message);
        return false;
    }
    m_name = name;
    m_undo.setClean();
    setFilePath(path);
    return true;
}

void Document::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

} // namespace planner
