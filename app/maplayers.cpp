// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/maplayers.h"

#include "app/layerstyles.h"
#include "maps/io/sourceprobe.h"
#include "maps/vector/vectorloader.h"
#include "planner/session/document.h"
#include "planner/store/layerpaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace app {
namespace {

constexpr const char *kMapCrs = "EPSG:3857";

// Source, layer and role decide what is loaded; name, visibility, opacity and style only
// change how it is drawn.
bool sameData(const planner::LayerRef &a, const planner::LayerRef &b)
{
    return a.source == b.source && a.layerName == b.layerName && a.role == b.role && a.crs == b.crs;
}

std::shared_ptr<LoadedLayer> failed(const planner::LayerRef &ref, const maps::Error &error)
{
    auto out = std::make_shared<LoadedLayer>();
    out->ref = ref;
    out->state = LoadedLayer::State::Failed;
    out->error = maps::errorText(error);
    out->needsCrs = error.code == maps::ErrorCode::MissingCrs;
    return out;
}

} // namespace

std::shared_ptr<const LoadedLayer> loadLayer(const planner::LayerRef &ref, const QString &baseDir)
{
    QString path = QString::fromStdString(ref.source);
    if (QFileInfo(path).isRelative() && !baseDir.isEmpty())
        path = QDir(baseDir).filePath(path);
    if (planner::isLocalLayerPath(path.toStdString()) && !QFileInfo::exists(path)) {
        auto out = std::make_shared<LoadedLayer>();
        out->ref = ref;
        out->state = LoadedLayer::State::Failed;
        out->missing = true;
        out->lookedFor = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
        out->error = QCoreApplication::translate("app::MapLayers",
                                                 "File not found: %1 — use Locate… to choose "
                                                 "where it is now")
                             .arg(QDir::toNativeSeparators(out->lookedFor));
        return out;
    }
    const auto kind = maps::probeSource(path);
    if (!kind)
        return failed(ref, kind.error());
    const QString roleName = QString::fromStdString(ref.role);
    const std::optional<maps::LayerRole> role =
            roleName.isEmpty() ? std::nullopt : std::optional(maps::roleFromName(roleName));
    auto out = std::make_shared<LoadedLayer>();
    out->ref = ref;
    if (*kind == maps::SourceKind::Raster) {
        auto raster = maps::RasterLayer::open(path, role.value_or(maps::LayerRole::Unknown));
        if (!raster)
            return failed(ref, raster.error());
        out->raster = *raster;
    } else {
        maps::LoadOptions options;
        options.role = role;
        options.assumedCrs = QString::fromStdString(ref.crs);
        auto vector = maps::loadVectorLayer({path, QString::fromStdString(ref.layerName)}, options);
        if (!vector)
            return failed(ref, vector.error());
        auto projected = maps::ProjectedLayer::make(*vector, kMapCrs);
        if (!projected)
            return failed(ref, projected.error());
        out->vector = std::move(*vector);
        out->projected = *projected;
    }
    out->state = LoadedLayer::State::Ready;
    return out;
}

MapLayers::MapLayers(planner::Document *doc, QObject *parent) : QObject(parent), m_doc(doc)
{
    using D = planner::Document;
    for (auto signal : {&D::layersReset, &D::changed})
        connect(doc, signal, this, &MapLayers::sync);
    sync();
}

MapLayers::~MapLayers()
{
    for (auto *watcher : std::as_const(m_loads))
        watcher->waitForFinished();
}

int MapLayers::loadingCount() const
{
    return static_cast<int>(m_loads.size());
}

void MapLayers::waitForLoads()
{
    while (!m_loads.isEmpty()) {
        auto it = m_loads.begin();
        it.value()->waitForFinished();
        QCoreApplication::sendPostedEvents(it.value());
        QCoreApplication::processEvents();
    }
}

void MapLayers::sync()
{
    QSet<qint64> present;
    for (const planner::LayerRef &ref : m_doc->layers()) {
        present.insert(ref.id);
        auto current = m_layers.value(ref.id);
        if (!current || !sameData(current->ref, ref))
            startLoad(ref);
    }
    for (auto it = m_layers.begin(); it != m_layers.end();) {
        if (!present.contains(it.key()))
            it = m_layers.erase(it);
        else
            ++it;
    }
    rebuildScene();
}

void MapLayers::startLoad(const planner::LayerRef &ref)
{
    auto loading = std::make_shared<LoadedLayer>();
    loading->ref = ref;
    m_layers.insert(ref.id, loading);
    if (m_loads.contains(ref.id))
        return; // the running load finishes, then sees that its ref is out of date
    const QString baseDir =
            m_doc->filePath().isEmpty() ? QString() : QFileInfo(m_doc->filePath()).absolutePath();
    auto *watcher = new QFutureWatcher<std::shared_ptr<const LoadedLayer>>(this);
    m_loads.insert(ref.id, watcher);
    const qint64 id = ref.id;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id] {
        m_loads.remove(id);
        watcher->deleteLater();
        auto result = watcher->result();
        auto wanted = m_doc->layer(id);
        if (!wanted)
            return;
        if (!sameData(result->ref, *wanted)) {
            startLoad(*wanted); // changed while loading: load again
            return;
        }
        m_layers.insert(id, result);
        emit layerStateChanged(id);
        rebuildScene();
    });
    watcher->setFuture(QtConcurrent::run(loadLayer, ref, baseDir));
    emit layerStateChanged(id);
}

void MapLayers::rebuildScene()
{
    auto scene = std::make_shared<MapScene>();
    for (const planner::LayerRef &ref : m_doc->layers()) {
        auto loaded = m_layers.value(ref.id);
        if (!loaded || loaded->state != LoadedLayer::State::Ready)
            continue;
        const QString style = QString::fromStdString(ref.style);
        const maps::LayerRole role =
                loaded->vector ? loaded->vector->role() : maps::LayerRole::Unknown;
        scene->entries.push_back({loaded, ref.visible, ref.opacity, vectorStyleFrom(style, role),
                                  rasterStyleFrom(style)});
    }
    m_scene = std::move(scene);
    emit sceneChanged();
}

} // namespace app
