// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Distance to the nearest feature of a vector layer, as a GeoTIFF over an area of the map: the
// grid is laid out in the UTM zone of the area's centre (so pixels are square metres and the
// distances are metres), the work runs in a worker on all cores with progress and cancel, and
// the file is written tile by tile (maps::Proximity). GUI thread only; the owner adds the file
// as a layer when it is done.

#include "maps/io/expected.h"
#include "maps/raster/rastergrid.h"

#include <QFutureWatcher>
#include <QObject>
#include <QRectF>

#include <atomic>
#include <memory>

class QProgressDialog;
class QWidget;

namespace app {

struct DistanceRasterRequest
{
    QString source; // the vector datasource
    QString layerName; // the layer inside it; empty: the first
    QRectF lonLatExtent; // x = longitude, y = latitude (degrees)
    double pixelMetres = 0.0;
    QString outputPath; // a .tif
};

// The grid of `extent` in the UTM zone of its centre; an error when the extent is empty, not
// on Earth, or would need more than `maxPixels` pixels at that size.
maps::Expected<maps::RasterGrid> distanceGrid(const QRectF &lonLatExtent, double pixelMetres,
                                              std::int64_t maxPixels = std::int64_t(400) << 20);

// A pixel size of a round number of metres that gives about `pixels` along the longer side.
double suggestedPixelMetres(const QRectF &lonLatExtent, int pixels = 2000);

class BackgroundJob;

class DistanceRasterController : public QObject
{
    Q_OBJECT
public:
    // Progress shows in a dialog with a Cancel button over `dialogParent`.
    explicit DistanceRasterController(QWidget *dialogParent, QObject *parent = nullptr);
    ~DistanceRasterController() override;

    // Starts the job; an error when the request is refused before any work.
    maps::Status start(const DistanceRasterRequest &request);
    bool isRunning() const;
    void cancel();

signals:
    // `error` is empty on success; a cancelled job removes its partial file.
    void finished(const QString &outputPath, const QString &error, const maps::RasterGrid &grid);

private:
    BackgroundJob *m_job; // a child: cancelled and waited for when this is destroyed
    DistanceRasterRequest m_request;
    maps::RasterGrid m_grid;
};

} // namespace app
