// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/analysis/sitefactorgridframe.h"

#include "maps/analysis/proximitytransform.h"
#include "maps/geo/crstransform.h"
#include "maps/geo/geodesic.h"
#include "maps/raster/rasterpixelspacing.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <mutex>
#include <numbers>
#include <optional>

namespace maps {

namespace {

Expected<GridMetric> metricOf(const RasterGrid &grid);

bool sameGrid(const RasterGrid &a, const RasterGrid &b)
{
    return a.crsWkt == b.crsWkt && a.originX == b.originX && a.originY == b.originY
            && a.pixelWidth == b.pixelWidth && a.pixelHeight == b.pixelHeight && a.width == b.width
            && a.height == b.height;
}

} // namespace

Expected<GridMetric> GridMetric::of(const RasterGrid &grid)
{
    // The passes of one heatmap, and its stages, ask for the same grid's metric: the last few
    // are kept (a row's length takes two transforms and a geodesic, a few milliseconds a grid).
    static std::mutex mutex;
    static std::deque<std::pair<RasterGrid, GridMetric>> kept;
    {
        std::lock_guard lock(mutex);
        for (const auto &[g, m] : kept) {
            if (sameGrid(g, grid))
                return m;
        }
    }
    auto made = metricOf(grid);
    if (!made)
        return made;
    std::lock_guard lock(mutex);
    kept.emplace_front(grid, *made);
    if (kept.size() > 4)
        kept.pop_back();
    return made;
}

namespace {

Expected<GridMetric> metricOf(const RasterGrid &grid)
{
    GridMetric m;
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
    m.latitude.resize(m.eastWest.size());
    for (int r = 0; r < grid.height; ++r) {
        const auto a = toLonLat->applyToLonLat(grid.pixelToMap(col, r + 0.5));
        const auto b = toLonLat->applyToLonLat(grid.pixelToMap(col + 1.0, r + 0.5));
        if (!a || !b)
            return fail(QStringLiteral("the grid reaches outside its coordinate system"));
        m.eastWest[std::size_t(r)] = geodesicDistance(a->lon, a->lat, b->lon, b->lat);
        m.latitude[std::size_t(r)] = a->lat;
    }
    const double units = std::abs(grid.pixelWidth);
    m.webMercator = !grid.crsWkt.isEmpty()
            && CrsTransform::sameCrs(grid.crsWkt, QStringLiteral("EPSG:3857")) && units > 0.0
            && std::abs(std::abs(grid.pixelHeight) - units) <= 1e-12 * units;
    if (m.webMercator)
        m.cellUnits = units;
    return m;
}

} // namespace

RasterGrid withMargin(const RasterGrid &grid, int margin)
{
    return grid.subGrid(-margin, -margin, grid.width + 2 * margin, grid.height + 2 * margin);
}

Status distanceRows(const std::vector<std::uint8_t> &mask, const RasterGrid &extended, int margin,
                    const GridMetric &metric, const RasterGrid &grid,
                    const RasterJobControl &control, const DistanceRowSink &sink)
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

Expected<std::vector<float>> distancesMetres(const std::vector<std::uint8_t> &mask,
                                             const RasterGrid &extended, int margin,
                                             const GridMetric &metric, const RasterGrid &grid,
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

float nudgedToSideOf(double km, double reachKm)
{
    float f = float(km);
    if (km > reachKm) {
        while (!(double(f) > reachKm))
            f = std::nextafter(f, INFINITY);
    } else {
        while (double(f) > reachKm)
            f = std::nextafter(f, -INFINITY);
    }
    return f;
}

FactorGridFrame::FactorGridFrame(const SiteFactorGridInputs &inputs, const RasterGrid &grid,
                                 const SiteFactorGridRequest &request,
                                 const RasterJobControl &control, GridMetric metric)
    : inputs(inputs), grid(grid), request(request), metric(std::move(metric)),
      finestMetres(std::min(
              *std::min_element(this->metric.eastWest.begin(), this->metric.eastWest.end()),
              this->metric.geographic ? this->metric.northSouth
                                      : std::numeric_limits<double>::infinity())),
      cells(std::size_t(grid.pixelCount())), m_control(control),
      m_stages((request.hvSubstationKm ? 2 : 0) + (request.lineKv ? 4 : 0) + request.landClass
               + request.landPrice + request.meanTemperatureC + 2 * request.slopeDeg
               + request.nearestPointValue + 1)
{
    m_halfDiagonal.resize(std::size_t(grid.height));
    for (int r = 0; r < grid.height; ++r)
        m_halfDiagonal[std::size_t(r)] = diagonal(r) / 2.0;
    if (!this->metric.webMercator)
        return;
    // RowBounds (sitefactorgridframe.h) from WGS 84's radii of curvature at each row.
    const double e2 = kWgs84F * (2.0 - kWgs84F);
    const double p = this->metric.cellUnits;
    m_rows.resize(std::size_t(grid.height));
    for (int r = 0; r < grid.height; ++r) {
        const double s = this->metric.eastWest[std::size_t(r)];
        const double phi = this->metric.latitude[std::size_t(r)] * std::numbers::pi / 180.0;
        const double sinPhi = std::abs(std::sin(phi));
        const double w = 1.0 - e2 * sinPhi * sinPhi;
        const double kE = std::cos(phi) / std::sqrt(w);
        const double kN = (1.0 - e2) * std::cos(phi) / (w * std::sqrt(w));
        RowBounds &b = m_rows[std::size_t(r)];
        b.latitudePerMetre = p / (s * kWgs84A);
        b.latitudePerTrueMetre = 1.0 / (kWgs84A * (1.0 - e2));
        b.cosLat = std::cos(phi);
        b.sinLat = sinPhi;
        b.scale = kE * p / s;
        b.maxScaleSlope = sinPhi / std::sqrt(1.0 - e2) * p / s;
        b.minScale = kN * p / s;
        b.minScaleSlope = p / s / std::pow(1.0 - e2, 1.5);
    }
}

double FactorGridFrame::diagonal(int r) const
{
    const double ew = metric.eastWest[std::size_t(r)];
    return 1.01 * std::hypot(ew, metric.geographic ? metric.northSouth : ew);
}

double FactorGridFrame::belowMost(int r, double metres) const
{
    if (!(most(r, 0.0) < metres))
        return -std::numeric_limits<double>::infinity();
    double lo = 0.0, hi = std::max(metres, 1.0);
    while (most(r, hi) < metres && std::isfinite(hi))
        hi *= 2.0;
    // most(r, lo) < metres throughout.
    for (int k = 0; k < 80 && hi - lo > 1e-9 * hi; ++k) {
        const double mid = 0.5 * (lo + hi);
        if (most(r, mid) < metres)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

FactorGridFrame::LeastBound FactorGridFrame::leastBound(int r, double upTo) const
{
    LeastBound b;
    b.halfDiagonal = m_halfDiagonal[std::size_t(r)];
    b.upTo = upTo;
    // (d - h) * s with s at most least()'s own factor for any d <= upTo; the relative 1e-12 covers
    // the rounding of 1 / kScaleSlack against least()'s division by it.
    const double scale = m_rows.empty() ? 1.0 / kScaleSlack : leastScale(r, upTo);
    b.scale = scale * (1.0 - 1e-12);
    if (!(b.scale > 0.0))
        b.upTo = -1.0; // no use (and below h a negative scale would bound from above)
    return b;
}

std::vector<const VectorLayer *> FactorGridFrame::layersOf(LayerRole role) const
{
    std::vector<const VectorLayer *> found;
    for (const VectorLayer &v : inputs.vectors) {
        if (v.isValid() && v.role() == role)
            found.push_back(&v);
    }
    return found;
}

RasterJobControl FactorGridFrame::next()
{
    RasterJobControl c = m_control;
    if (m_control.progress) {
        const int k = std::min(m_stage++, m_stages - 1);
        c.progress = [report = m_control.progress, k, stages = m_stages](double f) {
            report((k + std::clamp(f, 0.0, 1.0)) / stages);
        };
    }
    return c;
}

} // namespace maps
