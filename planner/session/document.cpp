// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/session/document.h"

#include "planner/core/common/version.h"
#include "planner/core/site/buildplan.h"
#include "planner/core/site/planheadline.h"
#include "planner/store/projectfile.h"

#include <QFileInfo>

#include <algorithm>

namespace planner {

Document::Document(QObject *parent) : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

Document::~Document()
{
    // The undo stack's destructor reports a clean state change: nobody may hear it, least of
    // all an owner that is itself half destroyed (a main window deleting its children).
    QObject::disconnect(&m_undo, nullptr, this, nullptr);
}

QString Document::displayName() const
{
    if (m_filePath.isEmpty())
        return m_name.isEmpty() ? tr("Untitled") : m_name;
    return QFileInfo(m_filePath).completeBaseName();
}

void Document::setName(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    emit filePathChanged(m_filePath);
}

std::optional<Site> Document::site(std::int64_t id) const
{
    const int index = indexOfSite(id);
    if (index < 0)
        return std::nullopt;
    return m_sites[static_cast<std::size_t>(index)];
}

int Document::indexOfSite(std::int64_t id) const
{
    auto it = std::find_if(m_sites.begin(), m_sites.end(),
                           [id](const Site &s) { return s.id == id; });
    return it == m_sites.end() ? -1 : static_cast<int>(it - m_sites.begin());
}

std::optional<LayerRef> Document::layer(std::int64_t id) const
{
    const int index = indexOfLayer(id);
    if (index < 0)
        return std::nullopt;
    return m_layers[static_cast<std::size_t>(index)];
}

int Document::indexOfLayer(std::int64_t id) const
{
    auto it = std::find_if(m_layers.begin(), m_layers.end(),
                           [id](const LayerRef &l) { return l.id == id; });
    return it == m_layers.end() ? -1 : static_cast<int>(it - m_layers.begin());
}

std::optional<BuildPlan> Document::plan(std::int64_t id) const
{
    const int index = indexOfPlan(id);
    if (index < 0)
        return std::nullopt;
    return m_plans[static_cast<std::size_t>(index)];
}

int Document::indexOfPlan(std::int64_t id) const
{
    auto it = std::find_if(m_plans.begin(), m_plans.end(),
                           [id](const BuildPlan &p) { return p.id == id; });
    return it == m_plans.end() ? -1 : static_cast<int>(it - m_plans.begin());
}

void Document::clear()
{
    m_undo.clear();
    m_name.clear();
    m_sites.clear();
    m_nextSiteId = 1;
    m_layers.clear();
    m_nextLayerId = 1;
    m_plans.clear();
    m_nextPlanId = 1;
    m_scoring = {};
    m_comparison = {};
    m_loadWarnings.clear();
    setFilePath(QString());
    emit sitesReset();
    emit layersReset();
    emit plansReset();
    emit scoringChanged();
    emit comparisonChanged();
    emit changed();
}

energize::Status Document::load(const QString &path)
{
    auto data = loadProjectFile(path.toStdString());
    if (!data)
        return data.error();
    m_undo.clear();
    m_name = QString::fromStdString(data->info.name);
    m_sites = std::move(data->sites);
    m_nextSiteId = data->nextSiteId;
    m_layers = std::move(data->layers);
    m_nextLayerId = data->nextLayerId;
    m_plans = std::move(data->plans);
    m_nextPlanId = data->nextPlanId;
    m_scoring = std::move(data->scoring);
    m_comparison = std::move(data->comparison);
    m_loadWarnings.clear();
    for (const std::string &warning : data->warnings)
        m_loadWarnings.append(QString::fromStdString(warning));
    setFilePath(path);
    emit sitesReset();
    emit layersReset();
    emit plansReset();
    emit scoringChanged();
    emit comparisonChanged();
    emit changed();
    return energize::done();
}

ProjectData Document::snapshot(const QString &path,
                               const std::vector<PlanHeadline> &headlines) const
{
    ProjectData data;
    data.info.name = (m_name.isEmpty() ? QFileInfo(path).completeBaseName() : m_name).toStdString();
    data.sites = m_sites;
    data.nextSiteId = m_nextSiteId;
    data.layers = m_layers;
    data.nextLayerId = m_nextLayerId;
    data.plans = m_plans;
    data.nextPlanId = m_nextPlanId;
    data.headlines = headlines;
    data.scoring = m_scoring;
    data.comparison = m_comparison;
    return data;
}

energize::Status Document::save(const QString &path, const std::vector<PlanHeadline> &headlines)
{
    const ProjectData data = snapshot(path, headlines);
    auto info = saveProjectFile(path.toStdString(), data, engineVersion());
    if (!info)
        return info.error();
    m_name = QString::fromStdString(data.info.name);
    m_undo.setClean();
    setFilePath(path);
    return energize::done();
}

energize::Status Document::restore(const QString &recoveryFile, const QString &originalPath)
{
    if (energize::Status loaded = load(recoveryFile); !loaded)
        return loaded;
    setFilePath(originalPath);
    m_undo.resetClean(); // no state of the stack matches a file on disk
    return energize::done();
}

void Document::insertSite(int index, const Site &site)
{
    emit siteAboutToBeInserted(index);
    m_sites.insert(m_sites.begin() + index, site);
    m_nextSiteId = std::max(m_nextSiteId, site.id + 1);
    emit siteInserted(index);
    emit changed();
}

void Document::removeSiteAt(int index)
{
    emit siteAboutToBeRemoved(index);
    m_sites.erase(m_sites.begin() + index);
    emit siteRemoved(index);
    emit changed();
}

void Document::replaceSite(const Site &site)
{
    const int index = indexOfSite(site.id);
    if (index < 0)
        return;
    m_sites[static_cast<std::size_t>(index)] = site;
    emit siteChanged(index);
    emit changed();
}

void Document::insertLayer(int index, const LayerRef &layer)
{
    emit layerAboutToBeInserted(index);
    m_layers.insert(m_layers.begin() + index, layer);
    m_nextLayerId = std::max(m_nextLayerId, layer.id + 1);
    emit layerInserted(index);
    emit changed();
}

void Document::removeLayerAt(int index)
{
    emit layerAboutToBeRemoved(index);
    m_layers.erase(m_layers.begin() + index);
    emit layerRemoved(index);
    emit changed();
}

void Document::replaceLayer(const LayerRef &layer)
{
    const int index = indexOfLayer(layer.id);
    if (index < 0)
        return;
    m_layers[static_cast<std::size_t>(index)] = layer;
    emit layerChanged(index);
    emit changed();
}

void Document::moveLayer(int from, int to)
{
    emit layerAboutToBeMoved(from, to);
    LayerRef moving = std::move(m_layers[static_cast<std::size_t>(from)]);
    m_layers.erase(m_layers.begin() + from);
    m_layers.insert(m_layers.begin() + to, std::move(moving));
    emit layerMoved(from, to);
    emit changed();
}

void Document::insertPlan(int index, const BuildPlan &plan)
{
    emit planAboutToBeInserted(index);
    m_plans.insert(m_plans.begin() + index, plan);
    m_nextPlanId = std::max(m_nextPlanId, plan.id + 1);
    emit planInserted(index);
    emit changed();
}

void Document::removePlanAt(int index)
{
    emit planAboutToBeRemoved(index);
    m_plans.erase(m_plans.begin() + index);
    emit planRemoved(index);
    emit changed();
}

void Document::replacePlan(const BuildPlan &plan)
{
    const int index = indexOfPlan(plan.id);
    if (index < 0)
        return;
    m_plans[static_cast<std::size_t>(index)] = plan;
    emit planChanged(index);
    emit changed();
}

void Document::movePlan(int from, int to)
{
    emit planAboutToBeMoved(from, to);
    BuildPlan moving = std::move(m_plans[static_cast<std::size_t>(from)]);
    m_plans.erase(m_plans.begin() + from);
    m_plans.insert(m_plans.begin() + to, std::move(moving));
    emit planMoved(from, to);
    emit changed();
}

void Document::setScoring(const ScoringOverrides &scoring)
{
    if (scoring == m_scoring)
        return;
    m_scoring = scoring;
    emit scoringChanged();
    emit changed();
}

void Document::setComparison(const SavedComparison &comparison)
{
    if (comparison == m_comparison)
        return;
    m_comparison = comparison;
    emit comparisonChanged();
}

void Document::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

} // namespace planner
