// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/scoreraster.h"

#include "app/siteanalyzer.h"
#include "app/sitefactorvalues.h"
#include "maps/analysis/sitefactorgrid.h"
#include "maps/geo/crstransform.h"
#include "maps/io/rastererrortrap.h"
#include "planner/core/scoring/scoremodel.h"

#include <gdal_priv.h>

#include <QFile>
#include <QThread>

#include <cmath>
#include <optional>
#include <thread>

namespace app {

maps::Expected<ScoreRaster> scoreRaster(const MapScene &scene, const ScoringModel &model,
                                        const maps::RasterGrid &grid,
                                        const maps::RasterJobControl &control)
{
    const auto grids = sceneGrids(scene);
    const planner::ScoreModel score = scoreModelFor(model, grids);
    maps::SiteFactorGridInputs inputs = siteFactorInputs(scene);
    if (const ScoringFactor *headroom = model.factor("grid_headroom"))
        headroomValuePoints(grids, headroom->minKv, inputs);
    // Each pass computes only where the cells can still be scored after the ones before (every
    // weighted factor so far has a value; every cell if the pass can exclude): first the factors
    // read off nearest pixels and polygons, then the interpolated rasters, then the factors asked
    // cell by cell (the distances, exact there, and the nearest grid bus's headroom).
    const maps::SiteFactorGridRequest all = gridRequest(score);
    maps::SiteFactorGridRequest none = all;
    none.hvSubstationKm = none.lineKv = none.slopeDeg = none.landClass = none.landPrice =
            none.meanTemperatureC = none.floodZone = none.nearestPointValue = none.nearestPointKm =
                    false;
    maps::SiteFactorGridRequest nearest = none, interpolated = none, perCell = none;
    nearest.landClass = all.landClass;
    nearest.slopeDeg = all.slopeDeg;
    nearest.floodZone = all.floodZone;
    interpolated.landPrice = all.landPrice;
    interpolated.meanTemperatureC = all.meanTemperatureC;
    perCell.hvSubstationKm = all.hvSubstationKm;
    perCell.lineKv = all.lineKv;
    perCell.nearestPointValue = all.nearestPointValue;
    perCell.nearestPointKm = all.nearestPointKm;
    // The passes report the thirds of the progress.
    auto third = [&](int which) {
        maps::RasterJobControl c = control;
        if (control.progress)
            c.progress = [report = control.progress, which](double f) {
                report((which + f) / 3.0);
            };
        return c;
    };
    auto factors = maps::SiteFactorGrid::compute(inputs, grid, nearest, third(0));
    if (!factors)
        return factors.error();
    // A later pass on the cells it must compute; nullopt when it has nothing to compute.
    auto pass = [&](maps::SiteFactorGridRequest request,
                    int which) -> std::optional<maps::Expected<maps::SiteFactorGrid>> {
        if (!(request.hvSubstationKm || request.lineKv || request.landPrice
              || request.meanTemperatureC || request.nearestPointValue))
            return std::nullopt;
        request.exactWhere = cellsForNextPass(score, *factors, request);
        return maps::SiteFactorGrid::compute(inputs, grid, request, third(which));
    };
    if (auto second = pass(interpolated, 1)) {
        if (!*second)
            return second->error();
        factors->landPrice = std::move((*second)->landPrice);
        factors->meanTemperatureC = std::move((*second)->meanTemperatureC);
    }
    if (auto last = pass(perCell, 2)) {
        if (!*last)
            return last->error();
        factors->hvSubstationKm = std::move((*last)->hvSubstationKm);
        factors->lineKv = std::move((*last)->lineKv);
        factors->lineKm = std::move((*last)->lineKm);
        factors->nearestPointValue = std::move((*last)->nearestPointValue);
        factors->nearestPointKm = std::move((*last)->nearestPointKm);
    }
    ScoreRaster out;
    out.grid = grid;
    out.scores.resize(std::size_t(grid.pixelCount()));
    const std::vector<const float *> columns = scoreColumns(score, *factors);
    const std::vector<const float *> distances = scoreDistanceColumns(score, *factors);
    const planner::CellScorer scorer(score);
    // Rows split between the cores; each thread offsets the column pointers to its rows.
    const int threads = std::max(1, maps::RasterTileRunner::threadCount(control));
    const int rowsEach = (grid.height + threads - 1) / threads;
    auto work = [&](int t) {
        const int first = t * rowsEach;
        const int last = std::min(grid.height, first + rowsEach);
        if (first >= last)
            return;
        const std::size_t offset = std::size_t(first) * grid.width;
        std::vector<const float *> mine(columns.size()), mineKm(columns.size());
        for (std::size_t k = 0; k < columns.size(); ++k) {
            mine[k] = columns[k] ? columns[k] + offset : nullptr;
            mineKm[k] = distances[k] ? distances[k] + offset : nullptr;
        }
        const unsigned char *flood =
                factors->floodZone.empty() ? nullptr : factors->floodZone.data() + offset;
        scorer.score(mine.data(), flood, std::size_t(last - first) * grid.width,
                     out.scores.data() + offset, mineKm.data());
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work, t);
    work(0);
    for (std::thread &t : pool)
        t.join();
    if (maps::RasterTileRunner::cancelled(control))
        return maps::RasterTileRunner::cancelledError();
    return out;
}

maps::Expected<maps::RasterGrid> regionGrid(const MapScene &scene, double west, double south,
                                            double east, double north, std::optional<double> metres,
                                            std::int64_t maxCells)
{
    if (!(east > west && north > south))
        return maps::fail(QObject::tr("the box %1,%2,%3,%4 is empty: give west,south,east,north")
                                  .arg(west)
                                  .arg(south)
                                  .arg(east)
                                  .arg(north));
    // The finest raster: the smallest cell in ground metres at the box's centre.
    QString crs = QStringLiteral("EPSG:3857");
    double cell = metres.value_or(0.0);
    double finest = INFINITY;
    for (const MapScene::Entry &entry : scene.entries) {
        const maps::RasterLayerPtr &raster = entry.layer->raster;
        if (!raster)
            continue;
        const maps::RasterGrid &g = raster->grid();
        double size = std::abs(g.pixelWidth);
        if (g.isGeographic())
            size *= 111320.0 * std::cos((south + north) / 2.0 * M_PI / 180.0);
        if (size < finest) {
            finest = size;
            crs = g.crsWkt;
            if (!metres)
                cell = std::abs(g.pixelWidth);
        }
    }
    if (metres && std::isfinite(finest)) {
        // Metres in the finest raster's CRS; degrees for a geographic one.
        maps::RasterGrid probe;
        probe.crsWkt = crs;
        if (probe.isGeographic())
            cell = *metres / (111320.0 * std::cos((south + north) / 2.0 * M_PI / 180.0));
    }
    if (!(cell > 0.0) || !std::isfinite(cell))
        return maps::fail(QObject::tr("no raster layer gives a resolution: pass one in metres"));
    auto toGrid = maps::CrsTransform::fromLonLat(crs);
    if (!toGrid)
        return toGrid.error();
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (int i = 0; i <= 8; ++i) {
        for (int j = 0; j <= 8; ++j) {
            double x = west + (east - west) * i / 8.0, y = south + (north - south) * j / 8.0;
            if (!toGrid->apply(x, y))
                continue;
            x0 = std::min(x0, x);
            x1 = std::max(x1, x);
            y0 = std::min(y0, y);
            y1 = std::max(y1, y);
        }
    }
    if (!(x1 > x0 && y1 > y0))
        return maps::fail(
                QObject::tr("the box lies outside the coordinate system of %1").arg(crs.left(40)));
    maps::RasterGrid grid = maps::RasterGrid::covering(QRectF(x0, y0, x1 - x0, y1 - y0), cell, crs);
    if (grid.pixelCount() > maxCells) {
        const double factor = std::sqrt(double(grid.pixelCount()) / double(maxCells));
        return maps::fail(QObject::tr("%1 × %2 cells is more than %3 million: choose a coarser "
                                      "resolution (at least %4 times the cell size) or a "
                                      "smaller box")
                                  .arg(grid.width)
                                  .arg(grid.height)
                                  .arg(maxCells >> 20)
                                  .arg(std::ceil(factor * 10.0) / 10.0));
    }
    return grid;
}

maps::Status writeScoreCog(const ScoreRaster &raster, const QString &path)
{
    const maps::RasterGrid &grid = raster.grid;
    if (raster.scores.size() != std::size_t(grid.pixelCount()) || grid.isEmpty())
        return maps::fail(QObject::tr("there are no scores to write"));
    maps::RasterErrorTrap trap;
    GDALDriver *mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDriver *cog = GetGDALDriverManager()->GetDriverByName("COG");
    if (!mem || !cog)
        return maps::fail(QObject::tr("this GDAL has no COG driver (GDAL 3.1 or later needed)"));
    std::unique_ptr<GDALDataset> source(
            mem->Create("", grid.width, grid.height, 1, GDT_Float32, nullptr));
    if (!source)
        return maps::fail(trap.explain(QObject::tr("cannot hold the scores in memory")));
    const auto gt = grid.geoTransform();
    double transform[6];
    std::copy(gt.begin(), gt.end(), transform);
    source->SetGeoTransform(transform);
    OGRSpatialReference srs;
    if (maps::CrsTransform::parseCrs(srs, grid.crsWkt))
        source->SetSpatialRef(&srs);
    GDALRasterBand *band = source->GetRasterBand(1);
    band->SetNoDataValue(NAN);
    band->SetDescription("site score 0-100 (0 = excluded by a hard rule)");
    std::vector<float> values(raster.scores.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        const float s = raster.scores[i];
        values[i] = s == planner::CellScorer::kExcluded ? 0.0f : s * 100.0f;
    }
    if (band->RasterIO(GF_Write, 0, 0, grid.width, grid.height, values.data(), grid.width,
                       grid.height, GDT_Float32, 0, 0, nullptr)
        != CE_None)
        return maps::fail(trap.explain(QObject::tr("cannot hold the scores in memory")));
    const QString temporary = path + QStringLiteral(".part");
    const char *options[] = {"COMPRESS=DEFLATE", "PREDICTOR=YES", "BLOCKSIZE=256",
                             "OVERVIEW_RESAMPLING=NEAREST", nullptr};
    std::unique_ptr<GDALDataset> written(
            cog->CreateCopy(temporary.toUtf8().constData(), source.get(), FALSE,
                            const_cast<char **>(options), nullptr, nullptr));
    if (!written) {
        QFile::remove(temporary);
        return maps::fail(trap.explain(QObject::tr("%1: cannot write the file").arg(path)));
    }
    written.reset();
    QFile::remove(path);
    if (!QFile::rename(temporary, path))
        return maps::fail(QObject::tr("%1: cannot replace the file").arg(path));
    return maps::done();
}

} // namespace app
