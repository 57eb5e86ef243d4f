// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The loaded data behind the document's layer references: it follows the document, loads each
// layer in a worker (vector layers are indexed and projected for drawing there too; a grid case
// is read, placed and studied for N-1 headroom there), and keeps its state (loading with
// progress, ready, failed with a message). A layer that fails never touches the rest of the
// project. Renders and site scoring read immutable snapshots (scene()); GUI thread only.

#include "app/gridlayer.h"
#include "maps/raster/rasterlayer.h"
#include "maps/render/imagery.h"
#include "maps/render/layerstyle.h"
#include "maps/render/projectedlayer.h"
#include "maps/vector/vectorlayer.h"
#include "planner/core/site/layerref.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

namespace planner {
class Document;
}

namespace app {

struct LoadedLayer
{
    enum class State { Loading, Ready, Failed };
    planner::LayerRef ref; // as it was when loaded
    State state = State::Loading;
    QString error;
    bool needsCrs = false; // the source has no coordinate system: ask the user for one
    bool missing = false; // the file is not where the project says (Failed; see lookedFor)
    QString lookedFor; // the absolute path that was tried, when missing
    bool locationsMissing = false; // what is missing is a grid case's bus-location table
    bool needsLocations = false; // a grid case without a bus-location table: ask for one
    std::optional<maps::VectorLayer> vector;
    std::shared_ptr<const maps::ProjectedLayer> projected; // in EPSG:3857, for drawing
    maps::RasterLayerPtr raster;
    // A grid case: its study, and what the scene draws and scores of it, its branches and its
    // substations, each a LoadedLayer with `vector`, `projected` and this `grid` set.
    std::shared_ptr<const GridLayerData> grid;
    std::vector<std::shared_ptr<const LoadedLayer>> parts;
};

// The role a grid case layer has in its LayerRef ("grid case"); a source ending in .m is one too.
inline constexpr char kGridCaseRole[] = "grid case";
bool isGridCase(const planner::LayerRef &ref);
// A layer's stored field choices as the vector loader takes them.
maps::FieldChoices fieldChoices(const planner::LayerRef &ref);

// What a render or a scorer needs, frozen: layers in drawing order with their style.
struct MapScene
{
    struct Entry
    {
        std::shared_ptr<const LoadedLayer> layer;
        bool visible = true;
        double opacity = 1.0;
        maps::LayerStyle vectorStyle;
        maps::ImageryStyle rasterStyle;
    };
    std::vector<Entry> entries;
};

class MapLayers : public QObject
{
    Q_OBJECT
public:
    explicit MapLayers(planner::Document *doc, QObject *parent = nullptr);
    ~MapLayers() override;

    std::shared_ptr<const LoadedLayer> layer(qint64 id) const { return m_layers.value(id); }
    std::shared_ptr<const MapScene> scene() const { return m_scene; }
    int loadingCount() const;
    // What a loading layer is doing, e.g. "N-1 headroom of every bus: 812 / 2,000 (72 %)";
    // empty when it is not loading or says nothing.
    QString loadProgress(qint64 id) const { return m_progress.value(id); }
    // The grid case layers that are ready, in drawing order (for the site score's headroom).
    std::vector<std::shared_ptr<const GridLayerData>> gridLayers() const;
    // Blocks until no layer is loading (tests and the headless report).
    void waitForLoads();

signals:
    void layerStateChanged(qint64 id);
    void sceneChanged();

private:
    void sync();
    void startLoad(const planner::LayerRef &ref);
    void rebuildScene();

    planner::Document *m_doc;
    QHash<qint64, std::shared_ptr<const LoadedLayer>> m_layers;
    QHash<qint64, QFutureWatcher<std::shared_ptr<const LoadedLayer>> *> m_loads;
    QHash<qint64, QString> m_progress;
    std::shared_ptr<const MapScene> m_scene = std::make_shared<MapScene>();
};

// Loads one layer reference; blocking, for a worker thread. Relative sources are taken from
// baseDir (the project file's folder). Progress is reported by grid cases (their headroom study
// takes seconds); returning false from it cancels the load (the layer then fails).
std::shared_ptr<const LoadedLayer> loadLayer(const planner::LayerRef &ref, const QString &baseDir,
                                             const GridLoadProgress &progress = {});

} // namespace app
