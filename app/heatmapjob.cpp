// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/heatmapjob.h"

#include "app/scoreraster.h"
#include "planner/core/scoring/scoremodel.h"
#include "widgets/scorebreakdown.h"

#include <QObject>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <thread>
#include <vector>

namespace app {

namespace {

constexpr int kAlpha = 170;
constexpr int kRampSteps = 1024; // colours of the ramp, finer than the eye sees

const std::array<QRgb, kRampSteps + 1> &ramp()
{
    static const std::array<QRgb, kRampSteps + 1> colours = [] {
        std::array<QRgb, kRampSteps + 1> out{};
        for (int i = 0; i <= kRampSteps; ++i) {
            QColor c = ui::scoreColour(double(i) / kRampSteps, false);
            c.setAlpha(kAlpha);
            out[std::size_t(i)] = c.rgba();
        }
        return out;
    }();
    return colours;
}

} // namespace

maps::RasterGrid heatmapGrid(const ui::MapView &view, int cellPixels)
{
    const int cell = std::max(1, cellPixels);
    const QRectF extent = view.mapExtent(); // EPSG:3857 metres
    maps::RasterGrid grid;
    grid.crsWkt = QStringLiteral("EPSG:3857");
    grid.width = std::max(1, view.size().width() / cell);
    grid.height = std::max(1, view.size().height() / cell);
    const double size = view.metresPerPixel() * cell;
    grid.originX = extent.left();
    grid.originY = extent.bottom(); // the north edge
    grid.pixelWidth = size;
    grid.pixelHeight = -size;
    return grid;
}

QRgb heatmapColour(float score)
{
    if (score == planner::CellScorer::kExcluded)
        return qRgba(200, 30, 30, 150);
    if (std::isnan(score))
        return qRgba(0, 0, 0, 0);
    // Half away from zero as std::lround, in double where score * steps + 0.5 is exact.
    const double x = std::max(0.0, double(score) * kRampSteps);
    const int i = std::min(int(x + 0.5), kRampSteps);
    return ramp()[std::size_t(i)];
}

ui::LegendSection heatmapLegend()
{
    ui::LegendSection s;
    s.title = QObject::tr("Suitability heatmap: site score");
    s.symbol = ui::LegendSection::Symbol::Square;
    auto opaque = [](QRgb c) {
        return QColor(qRed(c), qGreen(c), qBlue(c));
    };
    for (int points : {100, 75, 50, 25, 0})
        s.entries.append({opaque(heatmapColour(float(points) / 100.0f)),
                          QObject::tr("%1 / 100").arg(points)});
    s.entries.append(
            {opaque(heatmapColour(planner::CellScorer::kExcluded)), QObject::tr("excluded")});
    s.note = QObject::tr("Uncoloured: a weighted factor has no data there.");
    return s;
}

HeatmapResult computeHeatmap(const HeatmapRequest &request, const std::atomic<bool> &cancel,
                             const std::function<void(int, int)> &progress)
{
    HeatmapResult result;
    const maps::RasterGrid grid = heatmapGrid(request.view, request.cellPixels);
    const int cols = grid.width, rows = grid.height;
    result.cells = cols * rows;
    const QPointF nw = ui::MapView::toLonLat({grid.originX, grid.originY});
    const QPointF se = ui::MapView::toLonLat(
            {grid.originX + cols * grid.pixelWidth, grid.originY + rows * grid.pixelHeight});
    result.extent = {nw.x(), se.y(), se.x(), nw.y()};

    maps::RasterJobControl control;
    control.cancel = &cancel;
    if (progress)
        control.progress = [&](double fraction) {
            progress(int(fraction * 1000.0), 1000);
        };
    auto scores = scoreRaster(*request.scene, request.model, grid, control);
    result.cancelled = cancel;
    if (!scores) {
        if (!result.cancelled)
            result.error = maps::errorText(scores.error());
        return result;
    }
    result.image = QImage(cols, rows, QImage::Format_ARGB32);
    result.scores.assign(std::size_t(cols) * rows, std::numeric_limits<float>::quiet_NaN());
    // Colours and the 0-100 scores, rows split between the cores (each counts its own cells).
    const int threads = std::clamp(maps::RasterTileRunner::threadCount(control), 1, rows);
    std::vector<int> scored(std::size_t(threads), 0), excluded(std::size_t(threads), 0);
    uchar *const bits = result.image.bits(); // detached here, once, not by each thread
    const qsizetype stride = result.image.bytesPerLine();
    auto colour = [&](int t) {
        const int first = int(std::int64_t(rows) * t / threads);
        const int last = int(std::int64_t(rows) * (t + 1) / threads);
        for (int r = first; r < last; ++r) {
            auto *line = reinterpret_cast<QRgb *>(bits + r * stride);
            const float *in = scores->scores.data() + std::size_t(r) * cols;
            float *out = result.scores.data() + std::size_t(r) * cols;
            for (int c = 0; c < cols; ++c) {
                const float s = in[c];
                line[c] = heatmapColour(s);
                if (s == planner::CellScorer::kExcluded) {
                    out[c] = 0.0f;
                    ++excluded[std::size_t(t)];
                } else if (!std::isnan(s)) {
                    out[c] = s * 100.0f;
                    ++scored[std::size_t(t)];
                }
            }
        }
    };
    {
        std::vector<std::thread> pool;
        for (int t = 1; t < threads; ++t)
            pool.emplace_back(colour, t);
        colour(0);
        for (std::thread &t : pool)
            t.join();
    }
    for (int t = 0; t < threads; ++t) {
        result.scored += scored[std::size_t(t)];
        result.excluded += excluded[std::size_t(t)];
    }
    if (progress)
        progress(1000, 1000);
    return result;
}

} // namespace app
