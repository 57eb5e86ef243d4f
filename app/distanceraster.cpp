// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/distanceraster.h"

#include "app/backgroundjob.h"

#include "maps/analysis/proximity.h"
#include "maps/geo/crstransform.h"

#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QPointer>
#include <QProgressDialog>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

namespace app {

maps::Expected<maps::RasterGrid> distanceGrid(const QRectF &lonLatExtent, double pixelMetres,
                                              std::int64_t maxPixels)
{
    const QRectF e = lonLatExtent.normalized();
    if (e.isEmpty() || !std::isfinite(e.left()) || !std::isfinite(e.right()))
        return maps::fail(QObject::tr("The area is empty: zoom to where the raster should be."));
    if (e.top() < -80.0 || e.bottom() > 84.0)
        return maps::fail(QObject::tr("Distance rasters are laid out in UTM, which covers "
                                      "latitudes 80° S to 84° N: zoom into that band."));
    if (!(pixelMetres > 0.0) || !std::isfinite(pixelMetres))
        return maps::fail(QObject::tr("The pixel size must be a positive number of metres."));
    const QPointF centre = e.center();
    const int zone = std::clamp(int(std::floor((centre.x() + 180.0) / 6.0)) + 1, 1, 60);
    const QString crs = QStringLiteral("EPSG:%1").arg((centre.y() >= 0.0 ? 32600 : 32700) + zone);
    auto toUtm = maps::CrsTransform::fromLonLat(crs);
    if (!toUtm)
        return toUtm.error();
    // The projected extent of the area: its outline sampled densely, since UTM bends it.
    double minX = INFINITY, minY = INFINITY, maxX = -INFINITY, maxY = -INFINITY;
    constexpr int kSteps = 32;
    for (int i = 0; i <= kSteps; ++i) {
        const double t = double(i) / kSteps;
        for (const QPointF &p : {QPointF(e.left() + t * e.width(), e.top()),
                                 QPointF(e.left() + t * e.width(), e.bottom()),
                                 QPointF(e.left(), e.top() + t * e.height()),
                                 QPointF(e.right(), e.top() + t * e.height())}) {
            if (auto q = toUtm->apply(p)) {
                minX = std::min(minX, q->x());
                maxX = std::max(maxX, q->x());
                minY = std::min(minY, q->y());
                maxY = std::max(maxY, q->y());
            }
        }
    }
    if (!(maxX > minX && maxY > minY))
        return maps::fail(QObject::tr("The area cannot be projected to %1.").arg(crs));
    maps::RasterGrid grid;
    grid.crsWkt = crs;
    grid.pixelWidth = pixelMetres;
    grid.pixelHeight = -pixelMetres;
    grid.originX = std::floor(minX / pixelMetres) * pixelMetres;
    grid.originY = std::ceil(maxY / pixelMetres) * pixelMetres;
    const double w = std::ceil((maxX - grid.originX) / pixelMetres);
    const double h = std::ceil((grid.originY - minY) / pixelMetres);
    if (w * h > double(maxPixels) || w > 1e6 || h > 1e6)
        return maps::fail(QObject::tr("%1 × %2 pixels of %3 m is too large (at most %4 million "
                                      "pixels): choose larger pixels or a smaller area.")
                                  .arg(w, 0, 'f', 0)
                                  .arg(h, 0, 'f', 0)
                                  .arg(pixelMetres)
                                  .arg(maxPixels / 1000000));
    grid.width = int(w);
    grid.height = int(h);
    return grid;
}

double suggestedPixelMetres(const QRectF &lonLatExtent, int pixels)
{
    const QRectF e = lonLatExtent.normalized();
    const double metresPerDegree = 111320.0;
    const double across = std::max(e.width() * std::cos(e.center().y() * M_PI / 180.0), e.height())
            * metresPerDegree;
    const double raw = std::max(1.0, across / std::max(1, pixels));
    // 1, 2 or 5 times a power of ten.
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        if (raw <= step * power)
            return step * power;
    }
    return 10.0 * power;
}

DistanceRasterController::DistanceRasterController(QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_job(new BackgroundJob(dialogParent, this))
{
    connect(m_job, &BackgroundJob::finished, this,
            [this](const QString &error) { emit finished(m_request.outputPath, error, m_grid); });
}

DistanceRasterController::~DistanceRasterController() = default;

bool DistanceRasterController::isRunning() const
{
    return m_job->isRunning();
}

maps::Status DistanceRasterController::start(const DistanceRasterRequest &request)
{
    auto busy = [] {
        return maps::fail(tr("A distance raster is being made already."));
    };
    if (isRunning())
        return busy();
    auto grid = distanceGrid(request.lonLatExtent, request.pixelMetres);
    if (!grid)
        return grid.error();
    if (request.outputPath.isEmpty())
        return maps::fail(tr("No output file was given."));
    m_request = request;
    m_grid = *grid;
    const QString label =
            tr("Measuring the distance to %1 on %2 × %3 pixels…")
                    .arg(request.layerName.isEmpty() ? QFileInfo(request.source).fileName()
                                                     : request.layerName)
                    .arg(m_grid.width)
                    .arg(m_grid.height);
    const maps::RasterGrid jobGrid = m_grid;
    const DistanceRasterRequest job = request;
    const bool started =
            m_job->start(tr("Distance Raster"), label,
                         [job, jobGrid](const maps::RasterJobControl &control) -> QString {
                             maps::ProximityOptions options;
                             options.layerName = job.layerName;
                             const maps::Status status = maps::Proximity::writeGeoTiff(
                                     job.source, jobGrid, job.outputPath, options, control);
                             if (status)
                                 return QString();
                             QFile::remove(job.outputPath); // nothing half-written is left behind
                             return status.error().code == maps::ErrorCode::Cancelled
                                     ? tr("Cancelled: no file was written.")
                                     : maps::errorText(status.error());
                         });
    if (!started)
        return busy();
    return maps::done();
}

void DistanceRasterController::cancel()
{
    m_job->cancel();
}

} // namespace app
