// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/maplayers.h"

#include "app/gridstyle.h"
#include "app/landcoverlegend.h"
#include "app/layerstyles.h"
#include "maps/io/sourceprobe.h"
#include "maps/vector/vectorloader.h"
#include "planner/session/document.h"
#include "planner/store/layerpaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace app {
namespace {

constexpr const char *kMapCrs = "EPSG:3857";

// Source, layer, role, locations and field choices decide what is loaded; name, visibility, opacity
// and style only change how it is drawn.
bool sameData(const planner::LayerRef &a, const planner::LayerRef &b)
{
    return a.source == b.source && a.layerName == b.layerName && a.role == b.role && a.crs == b.crs
            && a.locations == b.locations && a.fields == b.fields;
}

QString resolved(const std::string &source, const QString &baseDir)
{
    QString path = QString::fromStdString(source);
    if (QFileInfo(path).isRelative() && !baseDir.isEmpty())
        path = QDir(baseDir).filePath(path);
    return path;
}

std::shared_ptr<LoadedLayer> missingFile(const planner::LayerRef &ref, const QString &path)
{
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

maps::FieldChoices fieldChoices(const planner::LayerRef &ref)
{
    maps::FieldChoices out;
    for (const auto &[purpose, field] : ref.fields)
        out.insert(QString::fromStdString(purpose), QString::fromStdString(field));
    return out;
}

bool isGridCase(const planner::LayerRef &ref)
{
    return ref.role == kGridCaseRole
            || QFileInfo(QString::fromStdString(ref.source))
                       .suffix()
                       .compare(QLatin1String("m"), Qt::CaseInsensitive)
            == 0;
}

namespace {

// A grid case: the case and its bus-location table, placed and studied; drawn and scored as
// two parts, its branches (below) and its substations.
std::shared_ptr<const LoadedLayer> loadGridCase(const planner::LayerRef &ref, const QString &path,
                                                const QString &baseDir,
                                                const GridLoadProgress &progress)
{
    auto out = std::make_shared<LoadedLayer>();
    out->ref = ref;
    if (ref.locations.empty()) {
        out->state = LoadedLayer::State::Failed;
        out->needsLocations = true;
        out->error = QCoreApplication::translate("app::MapLayers",
                                                 "%1 holds no coordinates: choose its "
                                                 "bus-location table (a CSV with bus, lat and "
                                                 "lon columns)")
                             .arg(QFileInfo(path).fileName());
        return out;
    }
    const QString locations = resolved(ref.locations, baseDir);
    if (!QFileInfo::exists(locations)) {
        auto missing = missingFile(ref, locations);
        missing->locationsMissing = true;
        missing->error = QCoreApplication::translate("app::MapLayers",
                                                     "Bus-location table not found: %1 — use "
                                                     "Locate… to choose where it is now")
                                 .arg(QDir::toNativeSeparators(missing->lookedFor));
        return missing;
    }
    auto grid = loadGridLayer(QString::fromStdString(ref.name), path, locations, progress);
    if (!grid)
        return failed(ref, grid.error());
    out->grid = *grid;
    for (const maps::VectorLayer *v : {&(*grid)->branchLayer(), &(*grid)->substationLayer()}) {
        auto projected = maps::ProjectedLayer::make(*v, kMapCrs);
        if (!projected)
            return failed(ref, projected.error());
        auto part = std::make_shared<LoadedLayer>();
        part->ref = ref;
        part->ref.name = v->name().toStdString();
        part->ref.role = maps::roleName(v->role()).toStdString();
        part->state = LoadedLayer::State::Ready;
        part->vector = *v;
        part->projected = *projected;
        part->grid = *grid;
        out->parts.push_back(std::move(part));
    }
    out->state = LoadedLayer::State::Ready;
    return out;
}

} // namespace

std::shared_ptr<const LoadedLayer> loadLayer(const planner::LayerRef &ref, const QString &baseDir,
                                             const GridLoadProgress &progress)
{
    const QString path = resolved(ref.source, baseDir);
    if (planner::isLocalLayerPath(path.toStdString()) && !QFileInfo::exists(path))
        return missingFile(ref, path);
    if (isGridCase(ref))
        return loadGridCase(ref, path, baseDir, progress);
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
        // A palette that matches a land-cover legend file (ESA WorldCover, CORINE, …) makes a
        // land-cover raster, where the map layer's own guess knows only NLCD's.
        if (!role && out->raster->role() == maps::LayerRole::Unknown
            && !out->raster->colorTable().empty()) {
            if (const QString legend = matchingLegend(*out->raster); !legend.isEmpty())
                out->raster = out->raster->withRole(
                        maps::LayerRole::LandCover,
                        QStringLiteral("a colour table that matches the land-cover legend %1")
                                .arg(legend));
        }
    } else {
        maps::LoadOptions options;
        options.role = role;
        options.assumedCrs = QString::fromStdString(ref.crs);
        options.fields = fieldChoices(ref);
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
    for (auto *watcher : std::as_const(m_loads)) {
        watcher->cancel(); // a grid study stops at its next progress report
        watcher->waitForFinished();
    }
}

std::vector<std::shared_ptr<const GridLayerData>> MapLayers::gridLayers() const
{
    std::vector<std::shared_ptr<const GridLayerData>> out;
    for (const planner::LayerRef &ref : m_doc->layers()) {
        auto loaded = m_layers.value(ref.id);
        if (loaded && loaded->state == LoadedLayer::State::Ready && loaded->grid)
            out.push_back(loaded->grid);
    }
    return out;
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
    connect(watcher, &QFutureWatcherBase::progressTextChanged, this,
            [this, id](const QString &text) {
                m_progress.insert(id, text);
                emit layerStateChanged(id);
            });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id] {
        m_loads.remove(id);
        m_progress.remove(id);
        watcher->deleteLater();
        auto wanted = m_doc->layer(id);
        if (!wanted)
            return;
        if (watcher->future().resultCount() == 0 || !sameData(watcher->result()->ref, *wanted)) {
            startLoad(*wanted); // changed (or stopped) while loading: load again
            return;
        }
        m_layers.insert(id, watcher->result());
        emit layerStateChanged(id);
        rebuildScene();
    });
    using Promise = QPromise<std::shared_ptr<const LoadedLayer>>;
    watcher->setFuture(QtConcurrent::run([ref, baseDir](Promise &promise) {
        constexpr int kSteps = 1000;
        promise.setProgressRange(0, kSteps);
        auto progress = [&promise](const QString &what, double fraction) {
            if (promise.isCanceled())
                return false;
            const int step = int(std::clamp(fraction, 0.0, 1.0) * kSteps);
            promise.setProgressValueAndText(
                    step, QStringLiteral("%1 (%2 %)").arg(what).arg(step * 100 / kSteps));
            return true;
        };
        promise.addResult(loadLayer(ref, baseDir, progress));
    }));
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
        for (const auto &part : loaded->parts) {
            const maps::LayerRole role = part->vector->role();
            scene->entries.push_back(
                    {part,
                     ref.visible,
                     ref.opacity,
                     gridPartStyle(*loaded->grid, role, vectorStyleFrom(style, role)),
                     {}});
        }
        if (!loaded->parts.empty())
            continue;
        const maps::LayerRole role =
                loaded->vector ? loaded->vector->role() : maps::LayerRole::Unknown;
        scene->entries.push_back({loaded, ref.visible, ref.opacity, vectorStyleFrom(style, role),
                                  rasterStyleFrom(style)});
    }
    m_scene = std::move(scene);
    emit sceneChanged();
}

} // namespace app
