// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The open project: its file, its sites, its undo stack and its change notifications. Lives on
// the GUI thread; views subscribe to the signals and read from the document, they never own its
// data. Edits go through the undo facades (sitecommands.h, layercommands.h, plancommands.h,
// scoringcommands.h, comparisoncommands.h), which call the mutators below.

#include "common/expected.h"
#include "planner/core/site/layerref.h"
#include "planner/core/site/planheadline.h"
#include "planner/core/site/scoringoverrides.h"
#include "planner/core/site/site.h"
#include "planner/store/savedcomparison.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUndoStack>

#include <optional>
#include <vector>

namespace planner {

// Declared only: their headers include <compare>, which moc cannot parse.
struct BuildPlan;
struct ProjectData;

class Document : public QObject
{
    Q_OBJECT
public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    QString filePath() const { return m_filePath; }
    // The file's base name; for an unsaved document its name (setName), else "Untitled".
    QString displayName() const;
    // The project's name, saved with it (an unsaved demo is "Texas demo region"). Not an undo
    // step: it is metadata, and the window title follows it (filePathChanged is emitted).
    void setName(const QString &name);
    bool isModified() const { return !m_undo.isClean(); }
    QUndoStack *undoStack() { return &m_undo; }

    const std::vector<Site> &sites() const { return m_sites; }
    std::optional<Site> site(std::int64_t id) const;
    int indexOfSite(std::int64_t id) const; // -1 when absent

    // Layers in drawing order: the first is drawn first (at the bottom).
    const std::vector<LayerRef> &layers() const { return m_layers; }
    std::optional<LayerRef> layer(std::int64_t id) const;
    int indexOfLayer(std::int64_t id) const; // -1 when absent

    // The named build plans, in the Plans panel's order. A site without a plan is evaluated
    // with the application's default plan.
    const std::vector<BuildPlan> &plans() const { return m_plans; }
    std::optional<BuildPlan> plan(std::int64_t id) const;
    int indexOfPlan(std::int64_t id) const; // -1 when absent

    // What the project changes in the bundled score settings; empty: the defaults.
    const ScoringOverrides &scoring() const { return m_scoring; }

    // What the comparison view shows (plans, baseline, hidden figures); empty: its defaults.
    const SavedComparison &comparison() const { return m_comparison; }

    // What the last load() read but ignored (bad values in the file), one message each.
    QStringList loadWarnings() const { return m_loadWarnings; }

    // Replaces the document by an empty, unnamed project.
    void clear();
    // Loads a project; on failure the error says why and this stays unchanged.
    energize::Status load(const QString &path);
    // Saves to path (a GeoPackage); on failure the previous file stays as it was.
    // headlines: the figures of the file's `plans` layer, one per plan (see planheadline.h);
    // a plan without one gets NULL attributes.
    energize::Status save(const QString &path, const std::vector<PlanHeadline> &headlines = {});
    // A copy of everything save() writes, named as a save to path would name it: a snapshot
    // that another thread may write (autosave) while the document goes on changing.
    ProjectData snapshot(const QString &path,
                         const std::vector<PlanHeadline> &headlines = {}) const;
    // Loads a recovery copy (see app/recoverystore.h) as the project at originalPath (empty:
    // untitled): its file path is originalPath and it is modified, so the user decides whether
    // to save it over the original. On failure this stays unchanged.
    energize::Status restore(const QString &recoveryFile, const QString &originalPath);

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
    std::int64_t allocatePlanId() { return m_nextPlanId++; }
    void insertPlan(int index, const BuildPlan &plan);
    void removePlanAt(int index);
    void replacePlan(const BuildPlan &plan);
    void movePlan(int from, int to);
    void setScoring(const ScoringOverrides &scoring);
    void setComparison(const SavedComparison &comparison);

signals:
    void changed();
    void sitesReset();
    void siteAboutToBeInserted(int index);
    void siteInserted(int index);
    void siteAboutToBeRemoved(int index);
    void siteRemoved(int index);
    void siteChanged(int index);
    void plansReset();
    void planAboutToBeInserted(int index);
    void planInserted(int index);
    void planAboutToBeRemoved(int index);
    void planRemoved(int index);
    void planChanged(int index); // its name, site or what is built
    void planAboutToBeMoved(int from, int to);
    void planMoved(int from, int to);
    // The scoring overrides changed: an edit, an undo, or another project (load, clear).
    void scoringChanged();
    // The comparison view's choice changed (an edit, an undo, load, clear). Not followed by
    // changed(): no figure of any plan depends on it.
    void comparisonChanged();
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
    std::vector<BuildPlan> m_plans;
    std::int64_t m_nextPlanId = 1;
    ScoringOverrides m_scoring;
    SavedComparison m_comparison;
    QStringList m_loadWarnings;
    QUndoStack m_undo;
};

} // namespace planner
