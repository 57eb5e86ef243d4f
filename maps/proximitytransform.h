// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Exact Euclidean distance transform of a target mask (Felzenszwalb & Huttenlocher's lower
// envelope of parabolas along rows, after an exact per-column scan), with different pixel
// sizes across and along rows. Distances are between pixel centres; targets get 0.
// The east-west pixel size may change by row (geographic grids): each output row uses its own,
// which is exact for the metric d² = (Δrow·dy)² + (Δcol·dx(row of the output pixel))².
// Threading: runs on the control's threads and blocks; a pure function of its inputs.

#include "maps/rastertilerunner.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace maps {

class ProximityTransform
{
public:
    // mask[width * height]: non-zero = target. dxOfRow(row) and dy in output distance units.
    // out[width * height] receives the distance per pixel, NaN where there is no target at all
    // or the distance exceeds limit.
    static RasterStatus distances(const std::vector<std::uint8_t> &mask, int width, int height,
                                  const std::function<double(int row)> &dxOfRow, double dy,
                                  float limit, float *out, const RasterJobControl &control = {});
};

} // namespace maps
