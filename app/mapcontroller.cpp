// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mapcontroller.h"

#include "app/grididentify.h"
#include "app/gridlegend.h"
#include "app/heatmapjob.h"
#include "app/landcoverlegend.h"
#include "app/layerattribution.h"
#include "app/layerfields.h"
#include "app/layerstyles.h"
#include "app/rasterextent.h"
#include "app/scenerenderer.h"
#include "maps/io/layerrole.h"
#include "maps/io/sourceprobe.h"
#include "maps/raster/rastersampler.h"
#include "planner/session/document.h"
#include "planner/session/layercommands.h"
#include "planner/session/sitecommands.h"
#include "widgets/identifydialog.h"
#include "widgets/layerchooserdialog.h"
#include "widgets/layerpanel.h"
#include "widgets/mapcanvas.h"
#include "widgets/maptool.h"
#include "widgets/pointtool.h"
#include "widgets/polygontool.h"
#include "widgets/scorebreakdown.h"
#include "widgets/sitetool.h"

#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

namespace app {
namespace {

ui::GeoRect geoRectOf(const maps::Bounds &mercator)
{
    const QPointF sw = ui::MapView::toLonLat({mercator.x0, mercator.y0});
    const QPointF ne = ui::MapView::toLonLat({mercator.x1, mercator.y1});
    return {sw.x(), sw.y(), ne.x(), ne.y()};
}

// A loaded layer's extent in Web Mercator metres: its features, a grid case's parts, or a
// raster's extent transformed to the map.
maps::Bounds mapExtentOf(const LoadedLayer &loaded)
{
    maps::Bounds extent;
    if (loaded.projected)
        extent.add(loaded.projected->extent());
    for (const auto &part : loaded.parts)
        extent.add(part->projected->extent());
    if (loaded.raster)
        extent.add(rasterMapExtent(*loaded.raster, QStringLiteral("EPSG:3857")));
    return extent;
}

} // namespace

MapController::MapController(planner::Document *doc, ui::MapCanvas *canvas, ui::LayerPanel *panel,
                             QObject *parent)
    : QObject(parent), m_doc(doc), m_canvas(canvas), m_panel(panel),
      m_layers(new MapLayers(doc, this)), m_siteTool(new ui::SiteTool(canvas)),
      m_addSiteTool(new ui::PointTool(canvas, Qt::CrossCursor)),
      m_identifyTool(new ui::PointTool(canvas, Qt::WhatsThisCursor)),
      m_parcelTool(new ui::PolygonTool(canvas)), m_toolActions(new QActionGroup(this))
{
    m_panelTimer.setSingleShot(true);
    connect(&m_panelTimer, &QTimer::timeout, this, &MapController::updatePanel);
    auto schedulePanel = [this] {
        m_panelTimer.start(0);
    };
    connect(m_layers, &MapLayers::layerStateChanged, this, schedulePanel);
    connect(m_layers, &MapLayers::layerStateChanged, this, [this](qint64 id) {
        auto loaded = m_layers->layer(id);
        if (loaded && loaded->state == LoadedLayer::State::Failed && loaded->needsCrs)
            emit crsNeeded(id, loaded->error);
        if (loaded && loaded->state == LoadedLayer::State::Failed && loaded->needsLocations)
            emit locationsNeeded(id, loaded->error);
    });
    connect(m_layers, &MapLayers::sceneChanged, this, schedulePanel);
    connect(m_layers, &MapLayers::sceneChanged, this, &MapController::updateScene);
    // After a project opens: once the scene holds every layer that loads.
    connect(m_layers, &MapLayers::sceneChanged, this, [this] {
        if (m_zoomWhenLoaded && m_layers->loadingCount() == 0) {
            m_zoomWhenLoaded = false;
            zoomToAll();
        }
    });
    connect(doc, &planner::Document::changed, this, &MapController::updateMarkers);
    connect(doc, &planner::Document::sitesReset, this, &MapController::updateMarkers);

    toolAction("actionSelectTool", tr("&Select and Move Sites"), QKeySequence(tr("S")), m_siteTool)
            ->setChecked(true);
    toolAction("actionAddSiteTool", tr("&Add Site"), QKeySequence(tr("A")), m_addSiteTool);
    toolAction("actionParcelTool", tr("Draw &Parcel"), QKeySequence(tr("P")), m_parcelTool);
    connect(m_parcelTool, &ui::PolygonTool::finished, this, [this](const QList<QPointF> &ring) {
        std::vector<planner::GeoPoint> outline;
        for (const QPointF &p : ring)
            outline.push_back({p.x(), p.y()});
        const qint64 id = planner::commands::addParcelSite(*m_doc, QString(), outline);
        if (id == 0) {
            emit message(tr("A parcel needs at least three points on the map."), 5000);
            return;
        }
        emit siteSelected(id);
    });
    toolAction("actionIdentifyTool", tr("&Identify Features"), QKeySequence(tr("I")),
               m_identifyTool);
    connect(m_identifyTool, &ui::PointTool::clicked, this, [this](double lon, double lat) {
        constexpr double kTolerancePixels = 6.0;
        const double tolerance = m_canvas->view().groundMetresPerPixel(lat) * kTolerancePixels;
        if (!m_identifyDialog)
            m_identifyDialog = new ui::IdentifyDialog(m_canvas->window());
        m_identifyDialog->showResults(lon, lat, identifyAt(lon, lat, tolerance));
    });
    canvas->setTool(m_siteTool);

    connect(m_addSiteTool, &ui::PointTool::clicked, this, [this](double lon, double lat) {
        const qint64 id = planner::commands::addSite(*m_doc, QString(), lon, lat);
        if (id == 0) {
            emit message(tr("A site needs a location on the map."), 5000);
            return;
        }
        m_canvas->setSelectedSite(id);
        emit siteSelected(id);
    });
    connect(m_siteTool, &ui::SiteTool::selected, this, &MapController::siteSelected);
    connect(m_siteTool, &ui::SiteTool::dragged, this, &MapController::siteDragged);
    connect(m_siteTool, &ui::SiteTool::dragCancelled, this, [this](qint64 id) {
        updateMarkers();
        emit siteDragEnded(id);
    });
    connect(m_siteTool, &ui::SiteTool::dropped, this, [this](qint64 id, double lon, double lat) {
        // Exactly one undo command per drag, made on release.
        if (!planner::commands::moveSite(*m_doc, id, lon, lat))
            updateMarkers();
        emit siteDragEnded(id);
    });

    connect(panel, &ui::LayerPanel::filesDropped, this, &MapController::addLayerFiles);
    connect(canvas, &ui::MapCanvas::filesDropped, this, &MapController::addLayerFiles);
    connect(panel, &ui::LayerPanel::removeRequested, this,
            [this](qint64 id) { planner::commands::removeLayer(*m_doc, id); });
    connect(panel, &ui::LayerPanel::moveRequested, this,
            [this](qint64 id, int index) { planner::commands::moveLayer(*m_doc, id, index); });
    connect(panel, &ui::LayerPanel::zoomToLayerRequested, this, &MapController::zoomToLayer);
    connect(panel, &ui::LayerPanel::locateRequested, this, &MapController::locateLayer);
    connect(panel, &ui::LayerPanel::locationsRequested, this, &MapController::chooseLayerLocations);
    connect(panel, &ui::LayerPanel::fieldsRequested, this, [this](qint64 id) {
        if (auto loaded = m_layers->layer(id))
            editLayerFields(*m_doc, *loaded, m_panel);
    });
    connect(panel, &ui::LayerPanel::visibilityChangeRequested, this,
            [this](qint64 id, bool visible) {
                if (auto ref = m_doc->layer(id)) {
                    ref->visible = visible;
                    planner::commands::updateLayer(*m_doc, *ref);
                }
            });
    connect(panel, &ui::LayerPanel::opacityChangeRequested, this,
            [this](qint64 id, double opacity) {
                if (auto ref = m_doc->layer(id)) {
                    ref->opacity = opacity;
                    planner::commands::updateLayer(*m_doc, *ref);
                }
            });
    connect(panel, &ui::LayerPanel::styleChangeRequested, this,
            [this](qint64 id, const QString &key, const QVariant &value) {
                if (auto ref = m_doc->layer(id)) {
                    ref->style = withStyleValue(QString::fromStdString(ref->style), key, value)
                                         .toStdString();
                    planner::commands::updateLayer(*m_doc, *ref);
                }
            });
    connect(panel, &ui::LayerPanel::roleChangeRequested, this,
            [this](qint64 id, const QString &role) {
                if (auto ref = m_doc->layer(id)) {
                    ref->role = role.toStdString();
                    planner::commands::updateLayer(*m_doc, *ref);
                }
            });
    updateScene();
    updateMarkers();
    updatePanel();
}

QAction *MapController::toolAction(const QString &name, const QString &text,
                                   const QKeySequence &key, QObject *tool)
{
    auto *action = new QAction(text, m_toolActions);
    action->setObjectName(name);
    action->setCheckable(true);
    action->setShortcut(key);
    connect(action, &QAction::triggered, this,
            [this, tool] { m_canvas->setTool(static_cast<ui::MapTool *>(tool)); });
    return action;
}

namespace {

bool isCaseFile(const QString &path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("m"), Qt::CaseInsensitive) == 0;
}

// A CSV whose header names a bus, a latitude and a longitude column: a bus-location table.
bool isBusLocationTable(const QString &path)
{
    if (QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) != 0)
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QStringList header = QString::fromUtf8(file.readLine()).trimmed().toLower().split(',');
    for (QString &h : header)
        h = h.trimmed().remove('"');
    auto has = [&](std::initializer_list<const char *> names) {
        return std::any_of(names.begin(), names.end(),
                           [&](const char *n) { return header.contains(QLatin1String(n)); });
    };
    return has({"bus", "bus_id", "bus_i"}) && has({"lat", "latitude"})
            && has({"lon", "lng", "longitude"});
}

} // namespace

int MapController::addLayerFiles(const QStringList &paths)
{
    // One case dropped with one bus-location table: the table is the case's, not a layer.
    QStringList tables;
    if (std::count_if(paths.begin(), paths.end(), isCaseFile) == 1) {
        for (const QString &path : paths) {
            if (isBusLocationTable(path))
                tables << path;
        }
    }
    const QString pairedTable = tables.size() == 1 ? tables.front() : QString();
    int added = 0;
    for (const QString &path : paths) {
        if (path == pairedTable)
            continue;
        planner::LayerRef ref;
        ref.source = QFileInfo(path).absoluteFilePath().toStdString();
        ref.name = QFileInfo(path).completeBaseName().toStdString();
        if (isCaseFile(path)) {
            ref.role = kGridCaseRole;
            if (!pairedTable.isEmpty())
                ref.locations = QFileInfo(pairedTable).absoluteFilePath().toStdString();
        }
        const QStringList layers = isCaseFile(path) ? QStringList{QString()} : layersToAdd(path);
        for (const QString &layer : layers) {
            planner::LayerRef one = ref;
            if (!layer.isEmpty()) {
                one.layerName = layer.toStdString();
                one.name = layer.toStdString();
            }
            if (planner::commands::addLayer(*m_doc, one))
                ++added;
        }
    }
    return added;
}

QStringList MapController::layersToAdd(const QString &path) const
{
    // A raster, a single-layer file, or one GDAL cannot open (its layer then says why).
    const auto kind = maps::probeSource(path);
    if (!kind || *kind != maps::SourceKind::Vector)
        return {QString()};
    const auto infos = maps::describeVectorLayers(path);
    if (!infos || infos->size() <= 1)
        return {QString()};
    if (m_chooseLayers)
        return m_chooseLayers(path, *infos);
    ui::LayerChooserDialog dialog(QFileInfo(path).fileName(), *infos, m_panel);
    return dialog.exec() == QDialog::Accepted ? dialog.chosenLayers() : QStringList();
}

void MapController::chooseLayerLocations(qint64 id)
{
    const auto ref = m_doc->layer(id);
    if (!ref)
        return;
    QString start = QFileInfo(QString::fromStdString(ref->source)).absolutePath();
    if (!QFileInfo(start).isDir())
        start = QDir::homePath();
    const QString path = QFileDialog::getOpenFileName(
            m_panel, tr("Bus Locations of %1").arg(QString::fromStdString(ref->name)), start,
            tr("Bus-location table: bus, lat, lon (*.csv);;All files (*)"));
    if (!path.isEmpty())
        setLayerLocations(id, path);
}

bool MapController::setLayerLocations(qint64 id, const QString &path)
{
    if (path.isEmpty())
        return false;
    const std::string table = QDir::cleanPath(QFileInfo(path).absoluteFilePath()).toStdString();
    if (!planner::commands::setLayerLocations(*m_doc, id, table))
        return false;
    emit message(tr("Bus locations now read from %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MapController::setLayerCrs(qint64 id, const QString &crs)
{
    auto ref = m_doc->layer(id);
    if (!ref || crs.trimmed().isEmpty())
        return false;
    ref->crs = crs.trimmed().toStdString();
    return planner::commands::updateLayer(*m_doc, *ref);
}

void MapController::locateLayer(qint64 id)
{
    const auto ref = m_doc->layer(id);
    if (!ref)
        return;
    const auto loaded = m_layers->layer(id);
    const bool table = loaded && loaded->locationsMissing;
    QString start =
            loaded && loaded->missing ? loaded->lookedFor : QString::fromStdString(ref->source);
    if (!QFileInfo(start).absoluteDir().exists())
        start = m_doc->filePath().isEmpty() ? QDir::homePath()
                                            : QFileInfo(m_doc->filePath()).absolutePath();
    if (table) {
        const QString path = QFileDialog::getOpenFileName(
                m_panel,
                tr("Locate the Bus Locations of %1").arg(QString::fromStdString(ref->name)), start,
                tr("Bus-location table: bus, lat, lon (*.csv);;All files (*)"));
        if (!path.isEmpty())
            setLayerLocations(id, path);
        return;
    }
    const QString path = QFileDialog::getOpenFileName(
            m_panel, tr("Locate %1").arg(QString::fromStdString(ref->name)), start,
            tr("Geodata (*.gpkg *.shp *.geojson *.json *.kml *.fgb *.csv *.tif *.tiff *.vrt "
               "*.m);;All files (*)"));
    if (!path.isEmpty())
        relocateLayer(id, path);
}

bool MapController::relocateLayer(qint64 id, const QString &path)
{
    if (path.isEmpty())
        return false;
    const std::string source = QDir::cleanPath(QFileInfo(path).absoluteFilePath()).toStdString();
    if (!planner::commands::setLayerSource(*m_doc, id, source))
        return false;
    emit message(tr("Layer now read from %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MapController::zoomToLayer(qint64 id)
{
    auto loaded = m_layers->layer(id);
    if (!loaded || loaded->state != LoadedLayer::State::Ready) {
        emit message(tr("The layer is not loaded, so its extent is unknown."), 5000);
        return;
    }
    const maps::Bounds extent = mapExtentOf(*loaded);
    if (!extent.isEmpty())
        m_canvas->zoomTo(geoRectOf(extent));
    else
        emit message(tr("The layer has no extent on the map (no coordinate system)."), 5000);
}

void MapController::zoomToAll()
{
    maps::Bounds all;
    for (const auto &entry : m_layers->scene()->entries) {
        if (entry.visible && entry.layer && entry.layer->state == LoadedLayer::State::Ready)
            all.add(mapExtentOf(*entry.layer));
    }
    if (!all.isEmpty())
        m_canvas->zoomTo(geoRectOf(all));
}

void MapController::zoomToAllWhenLoaded()
{
    m_zoomWhenLoaded = true;
    if (m_layers->loadingCount() == 0) {
        m_zoomWhenLoaded = false;
        zoomToAll();
    }
}

QList<ui::IdentifiedFeature> MapController::identifyAt(double longitude, double latitude,
                                                       double toleranceM) const
{
    QList<ui::IdentifiedFeature> found;
    const auto scene = m_layers->scene();
    for (auto it = scene->entries.rbegin(); it != scene->entries.rend(); ++it) {
        if (!it->visible)
            continue;
        const LoadedLayer &layer = *it->layer;
        const QString name = QString::fromStdString(layer.ref.name);
        if (layer.raster) {
            auto sampler = maps::RasterSampler::create(layer.raster, QStringLiteral("EPSG:4326"));
            if (!sampler)
                continue;
            if (auto value = sampler->sample(longitude, latitude)) {
                QString text = QLocale().toString(*value, 'g', 6);
                // A categorical raster's class name: its own, or its palette's legend (NLCD).
                if (layer.raster->isCategorical()) {
                    const QMap<int, QString> names = landCoverClassNames(*layer.raster);
                    if (names.contains(qRound(*value)))
                        text = QStringLiteral("%1 (%2)").arg(names.value(qRound(*value)), text);
                }
                found.append({name, text, {}});
            }
            continue;
        }
        if (layer.grid) {
            found.append(identifyGridPart(layer, longitude, latitude, toleranceM));
            continue;
        }
        if (!layer.vector)
            continue;
        std::vector<int> features;
        if (layer.vector->features().kind == maps::GeometryKind::Polygon) {
            features = layer.vector->containing({longitude, latitude});
        } else {
            // Every feature within the tolerance, nearest first (points that share a place).
            for (const maps::Hit &hit : layer.vector->within({longitude, latitude}, toleranceM))
                features.push_back(hit.feature);
        }
        for (int f : features) {
            const qint64 fid = layer.vector->features().fids[std::size_t(f)];
            auto attributes = maps::featureAttributes(layer.vector->metadata().source,
                                                      layer.vector->name(), fid);
            // A mapped field says what its raw value reads as: "-999999 (unknown)".
            if (attributes) {
                for (auto &[field, value] : *attributes)
                    value = maps::describeFieldValue(layer.vector->metadata().mapping, field,
                                                     value);
            }
            found.append({name, layer.vector->label(f),
                          attributes ? *attributes
                                     : QList<QPair<QString, QString>>{
                                             {tr("error"), maps::errorText(attributes.error())}}});
        }
    }
    return found;
}

void MapController::setDemoAttribution(const QString &demoDir, const QString &attribution)
{
    m_demoDir = demoDir;
    m_demoAttribution = attribution;
    updateScene();
}

void MapController::updateScene()
{
    m_canvas->setAttribution(layerAttribution(m_doc->layers(), m_demoDir, m_demoAttribution));
    m_canvas->setRenderFunction([scene = m_layers->scene()](const ui::MapView &view) {
        return renderScene(*scene, view);
    });
    updateLegend();
}

void MapController::updateLegend()
{
    QList<ui::LegendSection> sections = gridLegend(*m_layers->scene());
    sections.append(voltageLegend(*m_layers->scene()));
    if (m_heatmapLegend)
        sections.append(heatmapLegend());
    m_canvas->setLegend(sections);
}

void MapController::setHeatmapLegend(bool shown)
{
    m_heatmapLegend = shown;
    updateLegend();
}

void MapController::updateMarkers()
{
    QList<ui::SiteMarker> markers;
    for (const planner::Site &site : m_doc->sites()) {
        QColor colour = ui::scoreColour(std::nullopt, false);
        for (const ui::SiteMarker &old : m_canvas->sites()) {
            if (old.id == site.id)
                colour = old.colour;
        }
        QList<QPointF> outline;
        for (const planner::GeoPoint &p : site.outline)
            outline.append(QPointF(p.longitude, p.latitude));
        markers.append({site.id, QString::fromStdString(site.name), site.longitude, site.latitude,
                        colour, outline});
    }
    m_canvas->setSites(markers);
}

void MapController::updatePanel()
{
    QList<ui::LayerRow> rows;
    for (const planner::LayerRef &ref : m_doc->layers()) {
        ui::LayerRow row;
        row.id = ref.id;
        row.name = QString::fromStdString(ref.name);
        row.visible = ref.visible;
        row.opacity = ref.opacity;
        row.source = QString::fromStdString(ref.source);
        row.role = QString::fromStdString(ref.role);
        row.style = QString::fromStdString(ref.style);
        auto loaded = m_layers->layer(ref.id);
        row.loading = !loaded || loaded->state == LoadedLayer::State::Loading;
        if (row.loading)
            row.progress = m_layers->loadProgress(ref.id);
        if (loaded && loaded->state == LoadedLayer::State::Failed) {
            row.error = loaded->error;
            row.missing = loaded->missing;
            row.lookedFor = QDir::toNativeSeparators(loaded->lookedFor);
            row.needsLocations = loaded->needsLocations;
        }
        if (isGridCase(ref)) {
            row.kind = tr("grid case");
            row.role = QString::fromLatin1(kGridCaseRole);
            row.locations = QString::fromStdString(ref.locations);
        }
        if (loaded && loaded->grid) {
            row.crs = tr("EPSG:4326 (bus-location table)");
            row.detail = loaded->grid->summary();
            row.notes = loaded->grid->notes();
        } else if (loaded && loaded->vector) {
            const auto &meta = loaded->vector->metadata();
            row.kind = tr("vector");
            row.crs = meta.sourceCrs;
            row.detail = tr("%1 features")
                                 .arg(QLocale().toString(
                                         static_cast<qlonglong>(loaded->vector->featureCount())));
            if (row.role.isEmpty())
                row.role = maps::roleName(loaded->vector->role());
        } else if (loaded && loaded->raster) {
            row.kind = tr("raster");
            row.detail = tr("%1 × %2 pixels")
                                 .arg(QLocale().toString(loaded->raster->width()),
                                      QLocale().toString(loaded->raster->height()));
            if (row.role.isEmpty())
                row.role = maps::roleName(loaded->raster->role());
        }
        rows.append(row);
    }
    m_panel->setLayers(rows);
}

} // namespace app
