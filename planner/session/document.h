// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The open project: its file, its sites, its undo stack and its change notifications. Lives on
// the GUI thread; views subscribe to the signals and read from the document, they never own its
// data. Edits go through the undo facades (sitecommands.h, layercommands.h, plancommands.h,
// scoringcommands.h), which call the mutators below.

#include "planner/core/site/layerref.h"
#include "planner/core/site/scoringoverrides.h"
#include "planner/core/site/site.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUndoStack>

#include <optional>
#include <vector>

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

    const std::vector<Site> &sites() const { return m_sites; }
    std::optional<Site> site(std::int64_t id) const;
    int indexOfSite(std::int64_t id) const; // -1 when absent

    // Layers in drawing order: the first is drawn first (at the bottom).
    const std::vector<LayerRef> &layers() const { return m_layers; }
    std::optional<LayerRef> layer(std::int64_t id) const;
    int indexOfLayer(std::int64_t id) const; // -1 when absent

    // The project's plan as the "plan" object of a plan file (JSON text); empty: the default.
    QString planJson() const { return m_planJson; }

    // What the project changes in the bundled score settings; empty: the defaults.
    const ScoringOverrides &scoring() const { return m_scoring; }

    // What the last load() read but ignored (bad values in the file), one message each.
    QStringList loadWarnings() const { return m_loadWarnings; }

    // Replaces the document by an empty, unnamed project.
    void clear();
    // Loads a project; on failure returns false, sets errorMessage and leaves this unchanged.
    bool load(const QString &path, QString *errorMessage);
    // Saves to path (a GeoPackage); on failure the previous file stays as it was.
    bool save(const QString &path, QString *errorMessage);

    // Mutators for undo commands; they emit the matching signal and change nothing else.
    std::int64_t allocateSiteId() { return m_nextSiteId++; }
    void insertSite(int index, const Site &site);
    void removeSiteAt(int index);
    void replaceSite(const Site &site);
    std::int64_t allocateLayerId() { return m_nextLayerId++; }
    void insertLayer(int index, const LayerRef &layer);
    void removeLayerAt(int index);
    void replaceLayer(const LayerRef &layer);
    void moveLayer(int from, int to);
    void setPlanJson(const QString &json);
    void setScoring(const ScoringOverrides &scoring);

signals:
    void changed();
    void sitesReset();
    void siteAboutToBeInserted(int index);
    void siteInserted(int index);
    void siteAboutToBeRemoved(int index);
    void siteRemoved(int index);
    void siteChanged(int index);
    void planChanged();
    // The scoring overrides changed: an edit, an undo, or another project (load, clear).
    void scoringChanged();
    void layersReset();
    void layerAboutToBeInserted(int index);
    void layerInserted(int index);
    void layerAboutToBeRemoved(int index);
    void layerRemoved(int index);
    void layerChanged(int index);
    void layerAboutToBeMoved(int from, int to);
    void layerMoved(int from, int to);
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);

private:
    void setFilePath(const QString &path);

    QString m_filePath;
    QString m_name;
    std::vector<Site> m_sites;
    std::int64_t m_nextSiteId = 1;
    std::vector<LayerRef> m_layers;
    std::int64_t m_nextLayerId = 1;
    QString m_planJson;
    ScoringOverrides m_scoring;
    QStringList m_loadWarnings;
    QUndoStack m_undo;
};

} // namespace planner
