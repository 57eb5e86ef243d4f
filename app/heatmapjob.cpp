// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/heatmapjob.h"

#include "app/siteanalyzer.h"
#include "maps/raster/rasterfilewriter.h"

#include <QThread>

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>
#include <vector>

namespace app {

HeatmapResult computeHeatmap(const HeatmapRequest &request, const std::atomic<bool> &cancel,
                             const std::function<void(int, int)> &progress)
{
    HeatmapResult result;
    const ui::MapView &view = request.view;
    const int cell = std::max(1, request.cellPixels);
    const int cols = std::max(1, view.size().width() / cell);
    const int rows = std::max(1, view.size().height() / cell);
    result.cells = cols * rows;
    result.image = QImage(cols, rows, QImage::Format_ARGB32);
    result.image.fill(Qt::transparent);
    result.scores.assign(std::size_t(cols) * rows, std::numeric_limits<float>::quiet_NaN());
    // The image spans exactly cols × rows cells from the top-left of the view.
    const QPointF nw = view.screenToLonLat({0.0, 0.0});
    const QPointF se = view.screenToLonLat({double(cols * cell), double(rows * cell)});
    result.extent = {nw.x(), se.y(), se.x(), nw.y()};

    std::atomic<int> nextRow{0}, doneRows{0}, scored{0}, excluded{0};
    auto worker = [&] {
        SiteAnalyzer analyzer(*request.scene, request.model);
        for (int row = nextRow++; row < rows && !cancel; row = nextRow++) {
            auto *line = reinterpret_cast<QRgb *>(result.image.scanLine(row));
            float *scores = result.scores.data() + std::size_t(row) * cols;
            for (int col = 0; col < cols; ++col) {
                const QPointF p = view.screenToLonLat({(col + 0.5) * cell, (row + 0.5) * cell});
                const SiteAnalysis a = analyzer.analyze(QString(), p.x(), p.y());
                if (a.breakdown.excluded) {
                    line[col] = qRgba(200, 30, 30, 150);
                    scores[col] = 0.0f;
                    ++excluded;
                } else if (a.breakdown.score) {
                    QColor c = ui::scoreColour(a.breakdown.score, false);
                    c.setAlpha(170);
                    line[col] = c.rgba();
                    scores[col] = float(*a.breakdown.score * 100.0);
                    ++scored;
                }
            }
            const int done = ++doneRows;
            if (progress)
                progress(done, rows);
        }
    };
    const int threads = std::max(1, std::min(QThread::idealThreadCount(), rows));
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (std::thread &t : pool)
        t.join();
    result.cancelled = cancel;
    result.scored = scored;
    result.excluded = excluded;
    return result;
}

maps::RasterStatus writeHeatmapGeoTiff(const HeatmapResult &result, const QString &path)
{
    const int cols = result.image.width();
    const int rows = result.image.height();
    if (result.scores.size() != std::size_t(cols) * rows || cols == 0 || rows == 0
        || !result.extent.isValid())
        return maps::Error{QObject::tr("There is no heatmap to export: switch it on (Ctrl+H) and "
                                       "let it finish first.")};
    // Spherical Mercator, as the map view draws it.
    constexpr double kRadius = 6378137.0;
    auto mercatorX = [](double lon) {
        return kRadius * lon * M_PI / 180.0;
    };
    auto mercatorY = [](double lat) {
        return kRadius * std::log(std::tan(M_PI / 4.0 + lat * M_PI / 360.0));
    };
    maps::RasterGrid grid;
    grid.crsWkt = QStringLiteral("EPSG:3857");
    grid.width = cols;
    grid.height = rows;
    grid.originX = mercatorX(result.extent.west);
    grid.originY = mercatorY(result.extent.north);
    grid.pixelWidth = (mercatorX(result.extent.east) - grid.originX) / cols;
    grid.pixelHeight = (mercatorY(result.extent.south) - grid.originY) / rows;
    auto writer = maps::RasterFileWriter::create(path, grid, true);
    if (!writer)
        return writer.error();
    if (auto written = (*writer)->writeWindow(0, 0, cols, rows, result.scores.data()); !written)
        return written;
    return (*writer)->finish();
}

} // namespace app
