// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/raster/rastertilerunner.h"

#include <algorithm>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace maps {

int RasterTileRunner::threadCount(const RasterJobControl &control)
{
    if (control.threads > 0) {
        return control.threads;
    }
    return std::max(1, int(std::thread::hardware_concurrency()));
}

Error RasterTileRunner::cancelledError()
{
    return fail(QStringLiteral("cancelled"), ErrorCode::Cancelled);
}

Status RasterTileRunner::run(int width, int height, int tileWidth, int tileHeight,
                             const RasterJobControl &control,
                             const std::function<Status(const RasterTile &, int worker)> &work)
{
    if (width <= 0 || height <= 0 || tileWidth <= 0 || tileHeight <= 0) {
        return fail(QStringLiteral("nothing to compute: the region is empty"));
    }
    const int tilesX = (width + tileWidth - 1) / tileWidth;
    const int tilesY = (height + tileHeight - 1) / tileHeight;
    const long long total = (long long)tilesX * tilesY;
    std::atomic<long long> next{0};
    std::atomic<long long> done{0};
    std::atomic<bool> failed{false};
    std::mutex mutex;
    std::optional<Error> firstError;

    auto loop = [&](int worker) {
        for (;;) {
            if (failed.load() || cancelled(control)) {
                return;
            }
            const long long i = next.fetch_add(1);
            if (i >= total) {
                return;
            }
            RasterTile tile;
            tile.col = int(i % tilesX) * tileWidth;
            tile.row = int(i / tilesX) * tileHeight;
            tile.width = std::min(tileWidth, width - tile.col);
            tile.height = std::min(tileHeight, height - tile.row);
            Status status = work(tile, worker);
            if (!status) {
                std::lock_guard lock(mutex);
                if (!firstError) {
                    firstError = status.error();
                }
                failed = true;
                return;
            }
            const long long finished = done.fetch_add(1) + 1;
            if (control.progress) {
                std::lock_guard lock(mutex);
                control.progress(double(finished) / double(total));
            }
        }
    };

    const int threads = int(std::min<long long>(threadCount(control), total));
    std::vector<std::thread> pool;
    pool.reserve(std::size_t(threads > 0 ? threads - 1 : 0));
    for (int t = 1; t < threads; ++t) {
        pool.emplace_back(loop, t);
    }
    loop(0);
    for (auto &thread : pool) {
        thread.join();
    }
    if (firstError) {
        return *firstError;
    }
    if (cancelled(control)) {
        return cancelledError();
    }
    return maps::done();
}

} // namespace maps
