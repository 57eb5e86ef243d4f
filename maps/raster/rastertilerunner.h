// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs work over the tiles of a large grid on all cores, with a cancel flag and progress.
// Threading: run() blocks the calling thread (call it from a worker, never the GUI thread) and
// starts `threads` std::threads. work(tile, worker) is called concurrently for different tiles;
// `worker` in [0, threads) lets the caller keep per-thread state such as GDAL handles.
// progress(fraction) is called from worker threads, one call at a time.

#include "maps/io/expected.h"

#include <atomic>
#include <functional>

namespace maps {

struct RasterTile
{
    int col = 0;
    int row = 0;
    int width = 0;
    int height = 0;
};

struct RasterJobControl
{
    const std::atomic<bool> *cancel = nullptr; // set it to stop early: the job reports Cancelled
    std::function<void(double)> progress; // 0..1, from worker threads, serialised
    int threads = 0; // 0 = one per core
};

class RasterTileRunner
{
public:
    static int threadCount(const RasterJobControl &control);

    // The first failing tile's error stops the others; a cancel gives ErrorCode::Cancelled.
    static Status run(int width, int height, int tileWidth, int tileHeight,
                      const RasterJobControl &control,
                      const std::function<Status(const RasterTile &, int worker)> &work);

    static bool cancelled(const RasterJobControl &control)
    {
        return control.cancel && control.cancel->load(std::memory_order_relaxed);
    }
    static Error cancelledError();
};

} // namespace maps
