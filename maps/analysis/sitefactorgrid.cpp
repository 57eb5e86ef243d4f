// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/analysis/sitefactorgrid.h"

#include "maps/analysis/cellcentres.h"
#include "maps/analysis/nearestpoints.h"
#include "maps/analysis/sitefactorgridburn.h"
#include "maps/analysis/sitefactorgridframe.h"
#include "maps/analysis/slope.h"
#include "maps/raster/rasterreader.h"

#include <QCryptographicHash>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace maps {

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// The slope raster of a DEM, made once per DEM file and kept in GDAL's memory file system.
Expected<RasterLayerPtr> slopeLayerOf(const RasterLayerPtr &dem, const RasterJobControl &control)
{
    static std::mutex mutex;
    static std::map<QString, RasterLayerPtr> cache;
    const QFileInfo info(dem->path());
    const QString key = dem->path() + QLatin1Char('|')
            + QString::number(info.lastModified().toMSecsSinceEpoch()) + QLatin1Char('|')
            + QString::number(info.size());
    std::lock_guard lock(mutex);
    if (auto it = cache.find(key); it != cache.end())
        return it->second;
    const QString name = QString::fromLatin1(
            QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex());
    auto layer = Slope::computeToFile(
            dem, QStringLiteral("/vsimem/energize-slope-%1.tif").arg(name), control);
    if (!layer)
        return layer.error();
    cache.emplace(key, *layer);
    return *layer;
}

// Reads a layer onto the grid with its own interpolation: the layer's pixels under the grid read
// once, the grid's rows sampled on the control's threads.
Status readOnto(const RasterLayerPtr &layer, const RasterGrid &grid, Interpolation how, float *out,
                const RasterJobControl &control, const std::uint8_t *only)
{
    auto reader = RasterReader::create(layer);
    if (!reader)
        return reader.error();
    return reader->readInto(grid, how, out, std::numeric_limits<std::int64_t>::max(), &control,
                            only);
}

Interpolation naturalInterpolation(const RasterLayer &layer)
{
    return layer.isCategorical() ? Interpolation::Nearest : Interpolation::Bilinear;
}

// Raster values where the raster has them, the polygon values elsewhere (`polygons`: some
// polygon layer gave values; without one the raster is read straight into `values`).
Status overlayRaster(const RasterLayerPtr &layer, const RasterGrid &grid,
                     std::vector<float> &values, bool polygons, const RasterJobControl &control,
                     const std::uint8_t *only)
{
    if (!layer)
        return done();
    const Interpolation how = naturalInterpolation(*layer);
    if (!polygons)
        return readOnto(layer, grid, how, values.data(), control, only);
    const std::unique_ptr<float[]> raster(new float[values.size()]); // every cell is written
    if (auto read = readOnto(layer, grid, how, raster.get(), control, only); !read)
        return read;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isnan(raster[i]))
            values[i] = raster[i];
    }
    return done();
}

} // namespace

Expected<SiteFactorGrid> SiteFactorGrid::compute(const SiteFactorGridInputs &inputs,
                                                 const RasterGrid &grid,
                                                 const SiteFactorGridRequest &request,
                                                 const RasterJobControl &control)
{
    if (grid.isEmpty())
        return fail(QStringLiteral("the grid has no cells"));
    SiteFactorGrid out;
    out.grid = grid;
    const std::size_t cells = std::size_t(grid.pixelCount());
    auto metric = GridMetric::of(grid);
    if (!metric)
        return metric.error();
    FactorGridFrame frame(inputs, grid, request, control, std::move(*metric));
    // Substations: a margin that covers the distance past which nothing changes, if it can.
    const int margin =
            std::clamp(int(std::ceil(request.hvSubstationCapKm * 1000.0 / frame.finestMetres)) + 2,
                       1, std::max(1, request.maxMarginPixels));
    const RasterGrid extended = withMargin(grid, margin);
    auto burner = GridBurner::create(extended);
    if (!burner)
        return burner.error();

    if (request.hvSubstationKm) {
        const KvFilter filter{request.hvSubstationKv};
        std::vector<std::uint8_t> mask(std::size_t(extended.pixelCount()));
        bool any = false;
        const auto substations = frame.layersOf(LayerRole::Substations);
        for (const VectorLayer *layer : substations) {
            any = burner->burn(layer->features(), mask.data(), [&](int f) {
                return filter.matches(layer->features().kv[f]);
            }) || any;
        }
        out.hvSubstationKm.assign(cells, kNaN);
        if (any) {
            auto metres = distancesMetres(mask, extended, margin, frame.metric, grid, frame.next());
            if (!metres)
                return metres.error();
            const double capMetres = request.hvSubstationCapKm * 1000.0;
            const double reachMetres = request.hvSubstationReachKm * 1000.0;
            const double nearAll = frame.reach(0, 0, margin); // the least reach of any cell
            // Per row, below which distance a cell is well within the reach (not near it).
            std::vector<double> withinReach(std::size_t(grid.height));
            for (int r = 0; r < grid.height; ++r)
                withinReach[std::size_t(r)] = reachMetres > 0.0
                        ? frame.belowMost(r, reachMetres)
                        : std::numeric_limits<double>::infinity();
            const float *metresOf = metres->data();
            auto status = forCellTiles(
                    grid, frame.next(),
                    [&](int r, int c, const CellCentres &centres) -> std::optional<LonLat> {
                        const std::size_t i = std::size_t(r) * grid.width + c;
                        double d = metresOf[i];
                        // About as far as the reach: which side of it must be exact.
                        const bool band = frame.exact(i) && !(d < withinReach[std::size_t(r)])
                                && frame.nearReach(r, d, reachMetres);
                        // Within the margin of every cell: no need to work out this one's.
                        if (d <= nearAll && !band) {
                            out.hvSubstationKm[i] = float(d / 1000.0);
                            return std::nullopt;
                        }
                        const double far = frame.reach(c, r, margin);
                        bool ask = false;
                        if (band && d <= far) {
                            ask = true;
                        } else if (std::isnan(d) || d > far) {
                            // A substation outside the margin may be nearer than any inside,
                            // but not nearer than `far`: past the cap (or where the score
                            // cannot depend on it) that is all it takes.
                            if (capMetres <= far || !frame.exact(i))
                                d = std::max(far, capMetres);
                            else
                                ask = true;
                        }
                        if (ask) {
                            if (auto p = centres.at(c, r))
                                return p;
                        }
                        out.hvSubstationKm[i] = onSideOf(d / 1000.0, request.hvSubstationReachKm);
                        return std::nullopt;
                    },
                    [&](const std::vector<std::size_t> &cells, const std::vector<LonLat> &at) {
                        // The nearest substation of any layer (NaN: none at all).
                        std::vector<Hit> hits;
                        std::vector<double> found;
                        const std::size_t n = cells.size();
                        hits.resize(n);
                        found.assign(n, NAN);
                        for (const VectorLayer *layer : substations) {
                            layer->nearestDistances(at.data(), n, filter, hits.data());
                            for (std::size_t k = 0; k < n; ++k) {
                                if (hits[k].feature >= 0 && !(hits[k].distanceM >= found[k]))
                                    found[k] = hits[k].distanceM;
                            }
                        }
                        for (std::size_t k = 0; k < n; ++k)
                            out.hvSubstationKm[cells[k]] =
                                    onSideOf(found[k] / 1000.0, request.hvSubstationReachKm);
                    });
            if (!status)
                return status.error();
        }
    }

    if (request.lineKv) {
        if (auto s = computeLineFactors(frame, out); !s)
            return s.error();
    }

    // Polygon layers first; rasters of the same quantity override them where they have values.
    auto polygonValues = [&](LayerRole role, std::vector<float> &values) {
        values.assign(cells, kNaN);
        bool any = false;
        for (const VectorLayer *layer : frame.layersOf(role)) {
            if (layer->features().kind != GeometryKind::Polygon)
                continue;
            any = true;
            burner->fillValues(layer->features(), margin, values.data(),
                               [&](int f) { return layer->features().value[f]; });
        }
        return any;
    };
    // Cells whose raster values are needed (exactWhere), or every cell.
    const std::uint8_t *only = request.exactWhere.empty() ? nullptr : request.exactWhere.data();
    if (request.landClass) {
        const bool polygons = polygonValues(LayerRole::LandCover, out.landClass);
        if (auto s = overlayRaster(inputs.landCover, grid, out.landClass, polygons, frame.next(),
                                   only);
            !s)
            return s.error();
    }
    if (request.landPrice) {
        const bool polygons = polygonValues(LayerRole::LandPrice, out.landPrice);
        if (auto s = overlayRaster(inputs.landPrice, grid, out.landPrice, polygons, frame.next(),
                                   only);
            !s)
            return s.error();
    }
    if (request.meanTemperatureC) {
        const bool polygons = polygonValues(LayerRole::Climate, out.meanTemperatureC);
        if (auto s = overlayRaster(inputs.meanTemperature, grid, out.meanTemperatureC, polygons,
                                   frame.next(), only);
            !s)
            return s.error();
    }
    if (request.slopeDeg) {
        out.slopeDeg.assign(cells, kNaN);
        if (inputs.elevation) {
            auto slope = slopeLayerOf(inputs.elevation, frame.next());
            if (!slope)
                return slope.error();
            if (auto s = readOnto(*slope, grid, Interpolation::Nearest, out.slopeDeg.data(),
                                  frame.next(), only);
                !s)
                return s.error();
        }
    }
    if (request.floodZone) {
        const auto zones = frame.layersOf(LayerRole::FloodZones);
        bool polygons = false;
        std::vector<float> flags(cells, kNaN);
        for (const VectorLayer *layer : zones) {
            const FeatureStore &s = layer->features();
            if (s.kind != GeometryKind::Polygon)
                continue;
            polygons = true;
            burner->fillValues(s, margin, flags.data(), [&](int f) {
                return (s.flags[f] & FeatureStore::kHazard) ? 1.0f : kNaN;
            });
        }
        if (polygons) {
            out.floodZone.assign(cells, 0);
            for (std::size_t i = 0; i < cells; ++i)
                out.floodZone[i] = flags[i] == 1.0f ? 1 : 0;
        }
    }
    if (request.nearestPointValue) {
        if (inputs.valuePoints.size() != inputs.pointValues.size())
            return fail(QObject::tr("site factors: %1 value points but %2 values")
                                .arg(inputs.valuePoints.size())
                                .arg(inputs.pointValues.size()));
        out.nearestPointValue.assign(cells, kNaN);
        if (request.nearestPointKm)
            out.nearestPointKm.assign(cells, kNaN);
        if (!inputs.valuePoints.empty()) {
            const NearestPoints points(inputs.valuePoints);
            // Cells with a centre on the Earth, and only those that must be exact.
            auto asked = [&](std::size_t i, const LonLat &p) {
                return !std::isnan(p.lon) && frame.exact(i);
            };
            // On a Web Mercator grid the cells' Earth-centred points come from one sine and
            // cosine per column and per row (the same points as toEcef's).
            std::optional<EcefProduct> product;
            if (auto centres = CellCentres::of(grid); centres && !centres->rowLatitudes().empty())
                product.emplace(centres->columnLongitudes(), centres->rowLatitudes());
            // Queries go in square tiles of cells (a band's rows by as many columns), so that
            // the sphere bounding each tile, and the points it keeps, stay small.
            auto status = forRowBands(
                    grid, frame.next(), [&](int r0, int r1, const CellCentres &centres) {
                        const int rows = r1 - r0;
                        std::vector<LonLat> band(std::size_t(rows) * grid.width);
                        for (int r = r0; r < r1; ++r)
                            centres.row(r, band.data() + std::size_t(r - r0) * grid.width);
                        // Tiles of about 256 cells (the block nearestForCells bounds by one
                        // sphere), asked 16 tiles at a time (the points kept for a call bound
                        // those kept for each of its tiles).
                        const int tileCols = std::max(1, std::min(grid.width, 256 / rows));
                        const int callCols = 16 * tileCols;
                        std::vector<LonLat> where;
                        std::vector<Ecef> whereEcef;
                        std::vector<int> nearest;
                        std::vector<double> metres;
                        for (int s0 = 0; s0 < grid.width; s0 += callCols) {
                            const int s1 = std::min(grid.width, s0 + callCols);
                            where.clear();
                            whereEcef.clear();
                            for (int c0 = s0; c0 < s1; c0 += tileCols) {
                                for (int r = 0; r < rows; ++r) {
                                    const LonLat *line = band.data() + std::size_t(r) * grid.width;
                                    const std::size_t first = std::size_t(r0 + r) * grid.width;
                                    for (int c = c0; c < std::min(s1, c0 + tileCols); ++c) {
                                        if (!asked(first + std::size_t(c), line[c]))
                                            continue;
                                        where.push_back(line[c]);
                                        if (product)
                                            whereEcef.push_back(product->at(std::size_t(c),
                                                                            std::size_t(r0 + r)));
                                    }
                                }
                            }
                            nearest.resize(where.size());
                            metres.resize(request.nearestPointKm ? where.size() : 0);
                            double *km = request.nearestPointKm ? metres.data() : nullptr;
                            const double exactM = request.nearestPointReachKm * 1000.0;
                            if (product)
                                points.nearestForCells(where.data(), whereEcef.data(), where.size(),
                                                       nearest.data(), km, exactM);
                            else
                                points.nearestForCells(where.data(), where.size(), nearest.data(),
                                                       km, exactM);
                            std::size_t k = 0;
                            for (int c0 = s0; c0 < s1; c0 += tileCols) {
                                for (int r = 0; r < rows; ++r) {
                                    const LonLat *line = band.data() + std::size_t(r) * grid.width;
                                    const std::size_t first = std::size_t(r0 + r) * grid.width;
                                    float *dst = out.nearestPointValue.data() + first;
                                    for (int c = c0; c < std::min(s1, c0 + tileCols); ++c) {
                                        if (!asked(first + std::size_t(c), line[c]))
                                            continue;
                                        if (request.nearestPointKm)
                                            out.nearestPointKm[first + std::size_t(c)] =
                                                    onSideOf(metres[k] / 1000.0,
                                                             request.nearestPointReachKm);
                                        const int i = nearest[k++];
                                        if (i >= 0)
                                            dst[c] = inputs.pointValues[std::size_t(i)];
                                    }
                                }
                            }
                        }
                    });
            if (!status)
                return status.error();
        }
    }
    if (RasterTileRunner::cancelled(control))
        return RasterTileRunner::cancelledError();
    return out;
}

} // namespace maps
