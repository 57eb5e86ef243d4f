// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/analysis/sitefactorgridburn.h"

#include "maps/geo/crstransform.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace maps {

namespace {

// Liang-Barsky: the part [t0, t1] of the segment from (c0, r0) by (dc, dr) inside [0, w] x [0, h];
// false when none is.
bool clip(double c0, double r0, double dc, double dr, int w, int h, double &t0, double &t1)
{
    t0 = 0.0;
    t1 = 1.0;
    const double p4[4] = {-dc, dc, -dr, dr};
    const double q4[4] = {c0, w - c0, r0, h - r0};
    for (int k = 0; k < 4; ++k) {
        if (p4[k] == 0.0) {
            if (q4[k] < 0.0)
                return false;
            continue;
        }
        const double t = q4[k] / p4[k];
        if (p4[k] < 0.0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    return true;
}

// Distance in cells from p to the straight line through a and b (to a when they coincide).
double offLine(double pc, double pr, double ac, double ar, double bc, double br)
{
    const double dc = bc - ac, dr = br - ar;
    const double length = std::hypot(dc, dr);
    if (!(length > 0.0))
        return std::hypot(pc - ac, pr - ar);
    return std::abs((pc - ac) * dr - (pr - ar) * dc) / length;
}

} // namespace

Expected<GridBurner> GridBurner::create(const RasterGrid &grid)
{
    auto t = CrsTransform::fromLonLat(grid.crsWkt);
    if (!t)
        return t.error();
    const bool webMercator = !grid.crsWkt.isEmpty()
            && CrsTransform::sameCrs(grid.crsWkt, QStringLiteral("EPSG:3857"));
    return GridBurner(grid, std::move(*t), webMercator);
}

void GridBurner::toCells(std::vector<double> &x, std::vector<double> &y) const
{
    const std::size_t n = x.size();
    if (m_webMercator) {
        // EPSG:3857 is a sphere of WGS 84's semi-major axis (as CellCentres inverts it).
        constexpr double kRadians = std::numbers::pi / 180.0;
        for (std::size_t i = 0; i < n; ++i) {
            const double lat = std::clamp(y[i], -89.9, 89.9) * kRadians;
            x[i] = kWgs84A * x[i] * kRadians;
            y[i] = kWgs84A * std::log(std::tan(std::numbers::pi / 4.0 + lat / 2.0));
        }
    } else if (n > 0) {
        std::vector<int> ok(n, 1);
        m_toGrid.apply(x.data(), y.data(), int(n), ok.data());
        for (std::size_t i = 0; i < n; ++i) {
            if (!ok[i] || !std::isfinite(x[i]) || !std::isfinite(y[i]))
                x[i] = y[i] = NAN;
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        x[i] = (x[i] - m_grid.originX) / m_grid.pixelWidth;
        y[i] = (y[i] - m_grid.originY) / m_grid.pixelHeight;
    }
}

const GridBurner::Projected &GridBurner::project(const FeatureStore &store)
{
    if (auto it = m_cells.find(&store); it != m_cells.end())
        return it->second;
    Projected out;
    const std::size_t n = store.vertices.size();
    out.columns.resize(n);
    out.rows.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        out.columns[i] = store.vertices[i].lon;
        out.rows[i] = store.vertices[i].lat;
    }
    toCells(out.columns, out.rows);
    if (store.kind == GeometryKind::Line || store.kind == GeometryKind::Polygon)
        followEdges(store, out);
    return m_cells.emplace(&store, std::move(out)).first->second;
}

void GridBurner::followEdges(const FeatureStore &store, Projected &out) const
{
    // A piece of an edge: from chord parameter t0 to t1, with its ends on the grid.
    struct Piece
    {
        std::uint32_t feature, a, b; // the edge from vertex a to vertex b
        double t0, t1;
        std::array<double, 4> cells;
    };
    const bool ring = store.kind == GeometryKind::Polygon;
    std::vector<Piece> pending, done;
    for (std::size_t f = 0; f < store.featureCount(); ++f) {
        for (std::uint32_t p = store.featureParts[f]; p < store.featureParts[f + 1]; ++p) {
            const std::uint32_t first = store.partStarts[p], last = store.partStarts[p + 1];
            if (last - first < 2)
                continue;
            for (std::uint32_t v = first; v + (ring ? 0 : 1) < last; ++v) {
                const std::uint32_t b = v + 1 < last ? v + 1 : first;
                const std::array<double, 4> ends{out.columns[v], out.rows[v], out.columns[b],
                                                 out.rows[b]};
                if (std::isnan(ends[0]) || std::isnan(ends[2]))
                    continue;
                pending.push_back({std::uint32_t(f), v, b, 0.0, 1.0, ends});
            }
        }
    }
    // Halve the pieces whose middle on the Earth lies off their straight line on the grid, all
    // pieces of a round projected together; a piece a cell long or less is straight enough.
    std::vector<double> x, y;
    for (int round = 0; round < 30 && !pending.empty(); ++round) {
        std::vector<Piece> split;
        x.clear();
        y.clear();
        for (const Piece &piece : pending) {
            const auto &c = piece.cells;
            if (round > 0 && std::hypot(c[2] - c[0], c[3] - c[1]) <= 1.0) {
                done.push_back(piece);
                continue;
            }
            const LonLat &va = store.vertices[piece.a];
            const LonLat &vb = store.vertices[piece.b];
            const LonLat mid = fromEcef(edgePoint(toEcef(va.lon, va.lat), toEcef(vb.lon, vb.lat),
                                                  (piece.t0 + piece.t1) / 2.0));
            split.push_back(piece);
            x.push_back(mid.lon);
            y.push_back(mid.lat);
        }
        toCells(x, y);
        pending.clear();
        for (std::size_t i = 0; i < split.size(); ++i) {
            const Piece &piece = split[i];
            const auto &c = piece.cells;
            if (std::isnan(x[i]) || offLine(x[i], y[i], c[0], c[1], c[2], c[3]) <= kPathTolerance) {
                done.push_back(piece);
                continue;
            }
            const double tm = (piece.t0 + piece.t1) / 2.0;
            pending.push_back(
                    {piece.feature, piece.a, piece.b, piece.t0, tm, {c[0], c[1], x[i], y[i]}});
            pending.push_back(
                    {piece.feature, piece.a, piece.b, tm, piece.t1, {x[i], y[i], c[2], c[3]}});
        }
    }
    done.insert(done.end(), pending.begin(), pending.end());
    std::stable_sort(done.begin(), done.end(),
                     [](const Piece &l, const Piece &r) { return l.feature < r.feature; });
    out.featurePieces.assign(store.featureCount() + 1, 0);
    out.pieces.reserve(done.size());
    for (const Piece &piece : done) {
        out.pieces.push_back(piece.cells);
        ++out.featurePieces[piece.feature + 1];
    }
    for (std::size_t f = 0; f < store.featureCount(); ++f)
        out.featurePieces[f + 1] += out.featurePieces[f];
}

bool GridBurner::burn(const FeatureStore &store, std::uint8_t *mask,
                      const std::function<bool(int)> &keep)
{
    const Projected &cells = project(store);
    const int w = m_grid.width, h = m_grid.height;
    bool any = false;
    auto set = [&](int c, int r) {
        if (c < 0 || r < 0 || c >= w || r >= h)
            return;
        mask[std::size_t(r) * std::size_t(w) + std::size_t(c)] = 1;
        any = true;
    };
    for (std::size_t f = 0; f < store.featureCount(); ++f) {
        if (!keep(int(f)))
            continue;
        for (std::uint32_t p = store.featureParts[f]; p < store.featureParts[f + 1]; ++p) {
            const std::uint32_t first = store.partStarts[p], last = store.partStarts[p + 1];
            if (store.kind != GeometryKind::Point && last - first > 1)
                continue; // burnt by its pieces below
            for (std::uint32_t v = first; v < last; ++v) {
                const double c = cells.columns[v], r = cells.rows[v];
                if (c >= 0.0 && r >= 0.0 && c < w && r < h)
                    set(int(c), int(r));
            }
        }
        if (cells.featurePieces.empty())
            continue;
        for (std::uint32_t k = cells.featurePieces[f]; k < cells.featurePieces[f + 1]; ++k) {
            const auto &piece = cells.pieces[k];
            const double c0 = piece[0], r0 = piece[1];
            const double dc = piece[2] - c0, dr = piece[3] - r0;
            double t0 = 0.0, t1 = 1.0;
            if (!clip(c0, r0, dc, dr, w, h, t0, t1))
                continue;
            // Every cell the piece passes through (Amanatides and Woo's traversal), from the
            // cell of its first point inside the grid to the cell of its last.
            const double x0 = c0 + dc * t0, y0 = r0 + dr * t0;
            const double x1 = c0 + dc * t1, y1 = r0 + dr * t1;
            int cx = std::clamp(int(std::floor(x0)), 0, w - 1);
            int cy = std::clamp(int(std::floor(y0)), 0, h - 1);
            const int ex = std::clamp(int(std::floor(x1)), 0, w - 1);
            const int ey = std::clamp(int(std::floor(y1)), 0, h - 1);
            const int stepX = ex > cx ? 1 : -1, stepY = ey > cy ? 1 : -1;
            const double ax = x1 - x0, ay = y1 - y0;
            double nextX = ax != 0.0 ? ((stepX > 0 ? cx + 1 : cx) - x0) / ax : INFINITY;
            double nextY = ay != 0.0 ? ((stepY > 0 ? cy + 1 : cy) - y0) / ay : INFINITY;
            const double deltaX = ax != 0.0 ? std::abs(1.0 / ax) : INFINITY;
            const double deltaY = ay != 0.0 ? std::abs(1.0 / ay) : INFINITY;
            set(cx, cy);
            for (int steps = std::abs(ex - cx) + std::abs(ey - cy); steps > 0; --steps) {
                if (cy == ey || (cx != ex && nextX < nextY)) {
                    cx += stepX;
                    nextX += deltaX;
                } else {
                    cy += stepY;
                    nextY += deltaY;
                }
                set(cx, cy);
            }
        }
    }
    if (store.kind == GeometryKind::Polygon) {
        std::vector<float> inside(std::size_t(w) * std::size_t(h),
                                  std::numeric_limits<float>::quiet_NaN());
        fillValues(store, 0, inside.data(), [&](int f) { return keep(f) ? 1.0f : NAN; });
        for (std::size_t i = 0; i < inside.size(); ++i) {
            if (inside[i] == 1.0f) {
                mask[i] = 1;
                any = true;
            }
        }
    }
    return any;
}

void GridBurner::fillValues(const FeatureStore &store, int margin, float *values,
                            const std::function<float(int)> &valueOf)
{
    if (store.kind != GeometryKind::Polygon)
        return;
    const Projected &cells = project(store);
    const std::vector<double> &cx = cells.columns;
    const std::vector<double> &cy = cells.rows;
    const int w = m_grid.width - 2 * margin, h = m_grid.height - 2 * margin;
    if (w <= 0 || h <= 0)
        return;
    std::vector<std::uint8_t> written(std::size_t(w) * std::size_t(h), 0);
    std::vector<double> crossings;
    for (std::size_t f = 0; f < store.featureCount(); ++f) {
        const float value = valueOf(int(f));
        if (std::isnan(value))
            continue;
        const std::uint32_t v0 = store.partStarts[store.featureParts[f]];
        const std::uint32_t v1 = store.partStarts[store.featureParts[f + 1]];
        double top = INFINITY, bottom = -INFINITY;
        for (std::uint32_t v = v0; v < v1; ++v) {
            top = std::min(top, cy[v] - margin);
            bottom = std::max(bottom, cy[v] - margin);
        }
        const int rowFirst = std::max(0, int(std::ceil(top - 0.5)));
        const int rowLast = std::min(h - 1, int(std::floor(bottom - 0.5)));
        for (int r = rowFirst; r <= rowLast; ++r) {
            const double y = r + 0.5 + margin;
            crossings.clear();
            for (std::uint32_t p = store.featureParts[f]; p < store.featureParts[f + 1]; ++p) {
                const std::uint32_t first = store.partStarts[p], last = store.partStarts[p + 1];
                for (std::uint32_t i = first, j = last - 1; i < last; j = i++) {
                    const double ya = cy[i], yb = cy[j];
                    if ((ya > y) != (yb > y))
                        crossings.push_back(cx[i] + (y - ya) / (yb - ya) * (cx[j] - cx[i]));
                }
            }
            std::sort(crossings.begin(), crossings.end());
            for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
                const int c0 = std::max(0, int(std::ceil(crossings[k] - margin - 0.5)));
                const int c1 = std::min(w - 1, int(std::ceil(crossings[k + 1] - margin - 0.5)) - 1);
                for (int c = c0; c <= c1; ++c) {
                    const std::size_t i = std::size_t(r) * std::size_t(w) + std::size_t(c);
                    if (!written[i]) {
                        values[i] = value;
                        written[i] = 1;
                    }
                }
            }
        }
    }
}

} // namespace maps
