// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Exact Euclidean distance transform of a target mask (Felzenszwalb & Huttenlocher's lower
// envelope of parabolas along rows, after an exact per-column scan), with different pixel
// sizes across and along rows. Distances are between pixel centres; targets get 0.
// The east-west pixel size may change by row (geographic grids): each output row uses its own,
// which is exact for the metric d² = (Δrow·dy)² + (Δcol·dx(row of the output pixel))².
// The grid is worked in horizontal bands, on all cores: a first pass finds, per column, the
// nearest target rows above and below each band, so that every band is then finished on its
// own (columns, then rows) while it is still in cache, and can be handed on (written to a file)
// without a whole-grid output buffer.
// Threading: runs on the control's threads and blocks; a pure function of its inputs.

#include "maps/raster/rastertilerunner.h"

#include <cstdint>
#include <functional>

namespace maps {

class ProximityTransform
{
public:
    // Takes the finished rows [row, row + rows) (row-major, stride = width). Called from
    // worker threads, concurrently for different bands; the pointer is valid during the call.
    using BandSink = std::function<Status(int row, int rows, const float *distances)>;

    // mask[width * height]: non-zero = target. dxOfRow(row) and dy in output distance units.
    // out[width * height] receives the distance per pixel, NaN where there is no target at all
    // or the distance exceeds limit.
    static Status distances(const std::uint8_t *mask, int width, int height,
                            const std::function<double(int row)> &dxOfRow, double dy, float limit,
                            float *out, const RasterJobControl &control = {});

    // The same, band by band of bandHeight rows, into per-worker buffers handed to sink.
    static Status distances(const std::uint8_t *mask, int width, int height,
                            const std::function<double(int row)> &dxOfRow, double dy, float limit,
                            int bandHeight, const BandSink &sink,
                            const RasterJobControl &control = {});
};

} // namespace maps
