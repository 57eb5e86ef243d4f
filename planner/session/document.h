// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The open project: its file, its undo stack and its change notifications. Lives on the GUI
// thread; views subscribe to changed() and read from the document, they never own its data.

#include <QObject>
#include <QString>
#include <QUndoStack>

namespace planner {

class Document : public QObject
{
    Q_OBJECT
public:
    explicit Document(QObject *parent = nullptr);

    QString filePath() const { return m_filePath; }
    QString displayName() const;
    bool isModified() const { return !m_undo.isClean(); }
    QUndoStack *undoStack() { return &m_undo; }

    // Replaces the document by an empty, unnamed project.
    void clear();
    // Loads a project; on failure returns false, sets errorMessage and leaves this unchanged.
    bool load(const QString &path, QString *errorMessage);
    // Saves to path (a GeoPackage); on failure the previous file stays as it was.
    bool save(const QString &path, QString *errorMessage);

signals:
    void changed();
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);

private:
    void setFilePath(const QString &path);

    QString m_filePath;
    QString m_name;
    QUndoStack m_undo;
};

} // namespace planner
