// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/analysis/sitefactorgrid.h"

#include "maps/analysis/cellcentres.h"
#include "maps/analysis/nearestpoints.h"
#include "maps/analysis/proximitytransform.h"
#include "maps/analysis/sitefactorgridburn.h"
#include "maps/analysis/slope.h"
#include "maps/geo/crstransform.h"
#include "maps/geo/geodesic.h"
#include "maps/raster/rasterpixelspacing.h"
#include "maps/raster/rasterreader.h"

#include <QCryptographicHash>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace maps {

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kUnknownKv = -1.0F; // how the index stores an unknown voltage

// Metres per pixel: geographic grids east-west per row and north-south; projected grids one
// (conformal) scale per row from geodesic lengths between neighbouring pixel centres.
struct Metric
{
    bool geographic = false;
    std::vector<double> eastWest; // per row
    double northSouth = 1.0; // geographic grids

    static Expected<Metric> of(const RasterGrid &grid)
    {
        Metric m;
        m.geographic = grid.isGeographic();
        m.eastWest.resize(std::size_t(std::max(0, grid.height)));
        if (m.geographic) {
            const RasterPixelSpacing spacing(grid);
            for (int r = 0; r < grid.height; ++r)
                m.eastWest[std::size_t(r)] = spacing.metresAt(r).first;
            m.northSouth = spacing.metresAt(grid.height / 2).second;
            return m;
        }
        auto toLonLat = CrsTransform::toLonLat(grid.crsWkt);
        if (!toLonLat)
            return toLonLat.error();
        const double col = grid.width / 2.0;
        for (int r = 0; r < grid.height; ++r) {
            const auto a = toLonLat->applyToLonLat(grid.pixelToMap(col, r + 0.5));
            const auto b = toLonLat->applyToLonLat(grid.pixelToMap(col + 1.0, r + 0.5));
            if (!a || !b)
                return fail(QStringLiteral("the grid reaches outside its coordinate system"));
            m.eastWest[std::size_t(r)] = geodesicDistance(a->lon, a->lat, b->lon, b->lat);
        }
        return m;
    }
};

RasterGrid withMargin(const RasterGrid &grid, int margin)
{
    return grid.subGrid(-margin, -margin, grid.width + 2 * margin, grid.height + 2 * margin);
}

// Distances in metres from the cells of `grid` to the burnt pixels of a mask on the grid with a
// margin (NaN where the mask is empty), handed on row by row: sink(row, distances, scale) gets
// the grid's row `row` as distances[c] * scale metres, concurrently for different rows.
using DistanceRowSink = std::function<void(int row, const float *distances, float scale)>;

Status distanceRows(const std::vector<std::uint8_t> &mask, const RasterGrid &extended, int margin,
                    const Metric &metric, const RasterGrid &grid, const RasterJobControl &control,
                    const DistanceRowSink &sink)
{
    auto rowMetres = [&](int extendedRow) {
        const int r = std::clamp(extendedRow - margin, 0, grid.height - 1);
        return metric.eastWest[std::size_t(r)];
    };
    auto bands = [&](int row, int rows, const float *distances) -> Status {
        for (int er = std::max(row, margin); er < std::min(row + rows, margin + grid.height);
             ++er) {
            const int r = er - margin;
            const float scale = metric.geographic ? 1.0f : float(metric.eastWest[std::size_t(r)]);
            sink(r, distances + std::size_t(er - row) * extended.width + margin, scale);
        }
        return done();
    };
    constexpr int kBand = 64;
    return metric.geographic
            ? ProximityTransform::distances(mask.data(), extended.width, extended.height, rowMetres,
                                            metric.northSouth, std::numeric_limits<float>::max(),
                                            kBand, bands, control)
            : ProximityTransform::distances(
                    mask.data(), extended.width, extended.height, [](int) { return 1.0; }, 1.0,
                    std::numeric_limits<float>::max(), kBand, bands, control);
}

// The same distances as one buffer of the grid's cells.
Expected<std::vector<float>> distancesMetres(const std::vector<std::uint8_t> &mask,
                                             const RasterGrid &extended, int margin,
                                             const Metric &metric, const RasterGrid &grid,
                                             const RasterJobControl &control)
{
    std::vector<float> out(std::size_t(grid.pixelCount()));
    auto status = distanceRows(mask, extended, margin, metric, grid, control,
                               [&](int r, const float *d, float scale) {
                                   float *dst = out.data() + std::size_t(r) * grid.width;
                                   for (int c = 0; c < grid.width; ++c)
                                       dst[c] = d[c] * scale;
                               });
    if (!status)
        return status.error();
    return out;
}

// Runs fn(firstRow, lastRow, centres) over bands of rows on the control's threads, each thread
// with its own coordinate transform.
Status forRowBands(const RasterGrid &grid, const RasterJobControl &control,
                   const std::function<void(int, int, const CellCentres &)> &fn)
{
    std::vector<std::optional<CellCentres>> perWorker(
            std::size_t(RasterTileRunner::threadCount(control)));
    return RasterTileRunner::run(grid.width, grid.height, grid.width, 16, control,
                                 [&](const RasterTile &tile, int worker) -> Status {
                                     auto &centres = perWorker[std::size_t(worker)];
                                     if (!centres) {
                                         auto made = CellCentres::of(grid);
                                         if (!made)
                                             return made.error();
                                         centres.emplace(std::move(*made));
                                     }
                                     fn(tile.row, tile.row + tile.height, *centres);
                                     return done();
                                 });
}

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
                const RasterJobControl &control)
{
    auto reader = RasterReader::create(layer);
    if (!reader)
        return reader.error();
    return reader->readInto(grid, how, out, std::numeric_limits<std::int64_t>::max(), &control);
}

Interpolation naturalInterpolation(const RasterLayer &layer)
{
    return layer.isCategorical() ? Interpolation::Nearest : Interpolation::Bilinear;
}

// km as a float on the same side of a reach (km; 0 or infinite: none) as the double, so that a
// reach test on the stored float agrees with the site calculator's on the double.
float onSideOf(double km, double reachKm)
{
    float f = float(km);
    if (!(reachKm > 0.0) || !std::isfinite(reachKm) || std::isnan(km))
        return f;
    if (km > reachKm) {
        while (!(double(f) > reachKm))
            f = std::nextafter(f, INFINITY);
    } else {
        while (double(f) > reachKm)
            f = std::nextafter(f, -INFINITY);
    }
    return f;
}

// Raster values where the raster has them, the polygon values elsewhere (`polygons`: some
// polygon layer gave values; without one the raster is read straight into `values`).
Status overlayRaster(const RasterLayerPtr &layer, const RasterGrid &grid,
                     std::vector<float> &values, bool polygons, const RasterJobControl &control)
{
    if (!layer)
        return done();
    const Interpolation how = naturalInterpolation(*layer);
    if (!polygons)
        return readOnto(layer, grid, how, values.data(), control);
    const std::unique_ptr<float[]> raster(new float[values.size()]); // every cell is written
    if (auto read = readOnto(layer, grid, how, raster.get(), control); !read)
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
    auto metric = Metric::of(grid);
    if (!metric)
        return metric.error();
    double finestMetres = *std::min_element(metric->eastWest.begin(), metric->eastWest.end());
    if (metric->geographic)
        finestMetres = std::min(finestMetres, metric->northSouth);
    // How far a cell is, at the least, from anything outside a grid extended by `extra` cells:
    // features there cannot be nearer than this.
    auto reach = [&](int c, int r, int extra) {
        const int inside = std::min({c, r, grid.width - 1 - c, grid.height - 1 - r});
        return (extra + inside + 0.5) * finestMetres;
    };
    auto exact = [&](std::size_t i) {
        return request.exactWhere.empty() || request.exactWhere[i] != 0;
    };
    // Substations: a margin that covers the distance past which nothing changes, if it can.
    const int margin =
            std::clamp(int(std::ceil(request.hvSubstationCapKm * 1000.0 / finestMetres)) + 2, 1,
                       std::max(1, request.maxMarginPixels));
    const RasterGrid extended = withMargin(grid, margin);
    auto burner = GridBurner::create(extended);
    if (!burner)
        return burner.error();
    // Lines: the margin need not pass the reach, if there is one.
    const int lineMargin = request.lineReachKm > 0.0
            ? std::clamp(int(std::ceil(request.lineReachKm * 1000.0 / finestMetres)) + 2, 1,
                         std::max(1, request.lineMarginPixels))
            : std::max(1, request.lineMarginPixels);
    // How far a transform distance d (metres, on row r) can be from the true one: the burnt
    // centres lie within half a diagonal of the feature, and the row's scale holds along the
    // way to within 2 %. Returns the diagonal.
    auto diagonal = [&](int r) {
        const double ew = metric->eastWest[std::size_t(r)];
        return 1.01 * std::hypot(ew, metric->geographic ? metric->northSouth : ew);
    };
    auto nearReach = [](double d, double reachMetres, double diag) {
        return reachMetres > 0.0 && d * 1.02 + 2.0 * diag >= reachMetres
                && d / 1.02 - 2.0 * diag <= reachMetres;
    };
    const RasterGrid lineExtended = withMargin(grid, lineMargin);
    auto lineBurner = GridBurner::create(lineExtended);
    if (!lineBurner)
        return lineBurner.error();

    // Progress over the stages of this computation (each reports 0..1 of its own), mapped into
    // one rising fraction.
    const int stages = (request.hvSubstationKm ? 2 : 0) + (request.lineKv ? 4 : 0)
            + request.landClass + request.landPrice + request.meanTemperatureC
            + 2 * request.slopeDeg + request.nearestPointValue + 1;
    int stage = 0;
    auto next = [&] {
        RasterJobControl c = control;
        if (control.progress) {
            const int k = std::min(stage++, stages - 1);
            c.progress = [report = control.progress, k, stages](double f) {
                report((k + std::clamp(f, 0.0, 1.0)) / stages);
            };
        }
        return c;
    };

    auto layersOf = [&](LayerRole role) {
        std::vector<const VectorLayer *> found;
        for (const VectorLayer &v : inputs.vectors) {
            if (v.isValid() && v.role() == role)
                found.push_back(&v);
        }
        return found;
    };

    if (request.hvSubstationKm) {
        const KvFilter filter{request.hvSubstationKv};
        std::vector<std::uint8_t> mask(std::size_t(extended.pixelCount()));
        bool any = false;
        const auto substations = layersOf(LayerRole::Substations);
        for (const VectorLayer *layer : substations) {
            any = burner->burn(layer->features(), mask.data(), [&](int f) {
                return filter.matches(layer->features().kv[f]);
            }) || any;
        }
        out.hvSubstationKm.assign(cells, kNaN);
        if (any) {
            auto metres = distancesMetres(mask, extended, margin, *metric, grid, next());
            if (!metres)
                return metres.error();
            const double capMetres = request.hvSubstationCapKm * 1000.0;
            const double reachMetres = request.hvSubstationReachKm * 1000.0;
            const double nearAll = reach(0, 0, margin); // the least reach of any cell
            auto ask = [&](const LonLat &p) {
                double d = NAN;
                for (const VectorLayer *layer : substations) {
                    if (const auto hit = layer->nearest(p, filter); hit && !(hit->distanceM >= d))
                        d = hit->distanceM;
                }
                return d;
            };
            auto status =
                    forRowBands(grid, next(), [&](int r0, int r1, const CellCentres &centres) {
                        for (int r = r0; r < r1; ++r) {
                            const double diag = diagonal(r);
                            for (int c = 0; c < grid.width; ++c) {
                                const std::size_t i = std::size_t(r) * grid.width + c;
                                double d = (*metres)[i];
                                // About as far as the reach: which side of it must be exact.
                                const bool band = exact(i) && nearReach(d, reachMetres, diag);
                                // Within the margin of every cell: no need to work out this one's.
                                if (d <= nearAll && !band) {
                                    out.hvSubstationKm[i] = float(d / 1000.0);
                                    continue;
                                }
                                const double far = reach(c, r, margin);
                                if (band && d <= far) {
                                    if (const auto p = centres.at(c, r))
                                        d = ask(*p);
                                } else if (std::isnan(d) || d > far) {
                                    // A substation outside the margin may be nearer than any
                                    // inside, but not nearer than `far`: past the cap (or where
                                    // the score cannot depend on it) that is all it takes.
                                    if (capMetres <= far || !exact(i)) {
                                        d = std::max(far, capMetres);
                                    } else if (const auto p = centres.at(c, r)) {
                                        d = ask(*p);
                                    }
                                }
                                out.hvSubstationKm[i] =
                                        onSideOf(d / 1000.0, request.hvSubstationReachKm);
                            }
                        }
                    });
            if (!status)
                return status.error();
        }
    }

    if (request.lineKv) {
        const auto lines = layersOf(LayerRole::TransmissionLines);
        // One distance transform per voltage found on the lines (unknown voltages as one).
        std::map<float, std::vector<std::uint8_t>> masks;
        for (const VectorLayer *layer : lines) {
            const FeatureStore &s = layer->features();
            for (std::size_t f = 0; f < s.featureCount(); ++f) {
                const float kv = std::isnan(s.kv[f]) ? kUnknownKv : s.kv[f];
                auto [it, added] = masks.try_emplace(kv);
                if (added)
                    it->second.assign(std::size_t(lineExtended.pixelCount()), 0);
            }
        }
        out.lineKv.assign(cells, kNaN);
        out.lineKm.assign(cells, kNaN);
        std::vector<float> best(cells, std::numeric_limits<float>::infinity());
        std::vector<float> second(cells, std::numeric_limits<float>::infinity());
        for (auto &[kv, mask] : masks) {
            bool any = false;
            for (const VectorLayer *layer : lines) {
                const FeatureStore &s = layer->features();
                any = lineBurner->burn(s, mask.data(), [&](int f) {
                    return (std::isnan(s.kv[f]) ? kUnknownKv : s.kv[f]) == kv;
                }) || any;
            }
            if (!any)
                continue;
            const float label = kv == kUnknownKv ? kNaN : kv;
            // Each row of distances folded into the nearest and second-nearest voltage as it
            // comes (rows are disjoint between threads).
            auto status = distanceRows(mask, lineExtended, lineMargin, *metric, grid, next(),
                                       [&](int r, const float *row, float scale) {
                                           const std::size_t first = std::size_t(r) * grid.width;
                                           float *b = best.data() + first;
                                           float *s2 = second.data() + first;
                                           float *kvs = out.lineKv.data() + first;
                                           for (int c = 0; c < grid.width; ++c) {
                                               const float d = row[c] * scale;
                                               if (d < b[c]) {
                                                   s2[c] = b[c];
                                                   b[c] = d;
                                                   kvs[c] = label;
                                               } else if (d < s2[c]) {
                                                   s2[c] = d;
                                               }
                                           }
                                       });
            if (!status)
                return status.error();
            mask = {};
        }
        if (!masks.empty()) {
            const double lineNearAll = reach(0, 0, lineMargin);
            const double reachMetres = request.lineReachKm * 1000.0;
            auto status =
                    forRowBands(grid, next(), [&](int r0, int r1, const CellCentres &centres) {
                        for (int r = r0; r < r1; ++r) {
                            // Distances are to burnt cell centres, each within half a cell diagonal
                            // of the line, so two voltages can swap only where their distances
                            // differ by less than a diagonal: there, ask the index.
                            const double ambiguous = diagonal(r);
                            for (int c = 0; c < grid.width; ++c) {
                                const std::size_t i = std::size_t(r) * grid.width + c;
                                const double b = best[i];
                                out.lineKm[i] = std::isfinite(b) ? float(b / 1000.0) : kNaN;
                                if (!exact(i))
                                    continue;
                                // The cheap test first: nearer than the margin of any cell.
                                const bool inside =
                                        b <= lineNearAll || b <= reach(c, r, lineMargin);
                                if (reachMetres > 0.0) {
                                    // Past the reach for sure: the voltage does not count.
                                    const double far = reach(c, r, lineMargin);
                                    const double least = inside
                                            ? b / 1.02 - 2.0 * ambiguous
                                            : std::min(far, b / 1.02 - 2.0 * ambiguous);
                                    if (least > reachMetres) {
                                        out.lineKm[i] =
                                                onSideOf((inside ? b : std::min(far, b)) / 1000.0,
                                                         request.lineReachKm);
                                        continue;
                                    }
                                }
                                const bool band = inside && nearReach(b, reachMetres, ambiguous);
                                if (second[i] - b > ambiguous && inside && !band)
                                    continue;
                                // Farther than the margin (the nearest line may lie outside it),
                                // near the boundary between two voltages, or about as far as the
                                // reach.
                                const auto p = centres.at(c, r);
                                if (!p)
                                    continue;
                                // Inside the margin the nearest line lies within the transform's
                                // distance and a diagonal (with room for the per-row scale): the
                                // index need not look farther.
                                const double bound = inside
                                        ? b * 1.02 + 2.0 * ambiguous
                                        : std::numeric_limits<double>::infinity();
                                // A layer with nothing within the bound holds no nearer line than
                                // the others; only if none does is the bound dropped.
                                auto ask = [&](double within) {
                                    double nearest = std::numeric_limits<double>::infinity();
                                    for (const VectorLayer *layer : lines) {
                                        if (const auto hit = layer->nearest(*p, {}, within);
                                            hit && hit->distanceM < nearest) {
                                            nearest = hit->distanceM;
                                            out.lineKv[i] = layer->features().kv[hit->feature];
                                        }
                                    }
                                    if (std::isfinite(nearest))
                                        out.lineKm[i] =
                                                onSideOf(nearest / 1000.0, request.lineReachKm);
                                    return std::isfinite(nearest);
                                };
                                if (!ask(bound) && std::isfinite(bound))
                                    ask(std::numeric_limits<double>::infinity());
                            }
                        }
                    });
            if (!status)
                return status.error();
        }
    }

    // Polygon layers first; rasters of the same quantity override them where they have values.
    auto polygonValues = [&](LayerRole role, std::vector<float> &values) {
        values.assign(cells, kNaN);
        bool any = false;
        for (const VectorLayer *layer : layersOf(role)) {
            if (layer->features().kind != GeometryKind::Polygon)
                continue;
            any = true;
            burner->fillValues(layer->features(), margin, values.data(),
                               [&](int f) { return layer->features().value[f]; });
        }
        return any;
    };
    if (request.landClass) {
        const bool polygons = polygonValues(LayerRole::LandCover, out.landClass);
        if (auto s = overlayRaster(inputs.landCover, grid, out.landClass, polygons, next()); !s)
            return s.error();
    }
    if (request.landPrice) {
        const bool polygons = polygonValues(LayerRole::LandPrice, out.landPrice);
        if (auto s = overlayRaster(inputs.landPrice, grid, out.landPrice, polygons, next()); !s)
            return s.error();
    }
    if (request.meanTemperatureC) {
        const bool polygons = polygonValues(LayerRole::Climate, out.meanTemperatureC);
        if (auto s = overlayRaster(inputs.meanTemperature, grid, out.meanTemperatureC, polygons,
                                   next());
            !s)
            return s.error();
    }
    if (request.slopeDeg) {
        out.slopeDeg.assign(cells, kNaN);
        if (inputs.elevation) {
            auto slope = slopeLayerOf(inputs.elevation, next());
            if (!slope)
                return slope.error();
            if (auto s =
                        readOnto(*slope, grid, Interpolation::Nearest, out.slopeDeg.data(), next());
                !s)
                return s.error();
        }
    }
    if (request.floodZone) {
        const auto zones = layersOf(LayerRole::FloodZones);
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
            // Queries go in square tiles of cells (a band's rows by as many columns), so that
            // the sphere bounding each tile, and the points it keeps, stay small.
            auto status =
                    forRowBands(grid, next(), [&](int r0, int r1, const CellCentres &centres) {
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
                        std::vector<int> nearest;
                        std::vector<double> metres;
                        for (int s0 = 0; s0 < grid.width; s0 += callCols) {
                            const int s1 = std::min(grid.width, s0 + callCols);
                            where.clear();
                            for (int c0 = s0; c0 < s1; c0 += tileCols) {
                                for (int r = 0; r < rows; ++r) {
                                    const LonLat *line = band.data() + std::size_t(r) * grid.width;
                                    for (int c = c0; c < std::min(s1, c0 + tileCols); ++c) {
                                        if (!std::isnan(line[c].lon))
                                            where.push_back(line[c]);
                                    }
                                }
                            }
                            nearest.resize(where.size());
                            metres.resize(request.nearestPointKm ? where.size() : 0);
                            points.nearestForCells(where.data(), where.size(), nearest.data(),
                                                   request.nearestPointKm ? metres.data() : nullptr,
                                                   request.nearestPointReachKm * 1000.0);
                            std::size_t k = 0;
                            for (int c0 = s0; c0 < s1; c0 += tileCols) {
                                for (int r = 0; r < rows; ++r) {
                                    const LonLat *line = band.data() + std::size_t(r) * grid.width;
                                    const std::size_t first = std::size_t(r0 + r) * grid.width;
                                    float *dst = out.nearestPointValue.data() + first;
                                    for (int c = c0; c < std::min(s1, c0 + tileCols); ++c) {
                                        if (std::isnan(line[c].lon))
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
