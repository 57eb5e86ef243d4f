// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/proximitytransform.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace maps {

namespace {

constexpr std::int32_t kFar = std::numeric_limits<std::int32_t>::max() / 4;
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// For columns [c0, c1): rows from each pixel to the nearest target in its column (kFar if none),
// by a downward and an upward scan over rows, so memory is walked row by row. The counts are
// parked in the output buffer (same size, bit-cast) until the row pass replaces them.
void columnScan(const std::uint8_t *mask, int width, int height, int c0, int c1, float *parked)
{
    const int n = c1 - c0;
    std::vector<std::int32_t> last(std::size_t(n), -kFar);
    for (int r = 0; r < height; ++r) {
        const std::uint8_t *m = mask + std::size_t(r) * width + c0;
        float *out = parked + std::size_t(r) * width + c0;
        for (int i = 0; i < n; ++i) {
            last[i] = m[i] ? r : last[i];
            out[i] = std::bit_cast<float>(std::min(r - last[i], kFar));
        }
    }
    std::fill(last.begin(), last.end(), kFar + height);
    for (int r = height - 1; r >= 0; --r) {
        const std::uint8_t *m = mask + std::size_t(r) * width + c0;
        float *out = parked + std::size_t(r) * width + c0;
        for (int i = 0; i < n; ++i) {
            last[i] = m[i] ? r : last[i];
            const std::int32_t down = std::bit_cast<std::int32_t>(out[i]);
            out[i] = std::bit_cast<float>(std::min(down, std::min(last[i] - r, kFar)));
        }
    }
}

// One parabola of a row's lower envelope: site column p, f(p) = (rows · dy)², the offset term
// f(p) + w p², and where its stretch of the envelope starts, as num / den with den > 0 (kept as
// a fraction so that building the envelope needs no division).
struct Parabola
{
    double lift;
    double num;
    double den;
    float height;
    int column;
};

// Scratch space of one worker for the row pass.
struct Envelope
{
    std::vector<std::int32_t> rows; // the row's column distances, in rows
    std::vector<Parabola> parabolas;
    std::vector<int> first; // first column each envelope parabola is nearest for

    explicit Envelope(int width)
        : rows(std::size_t(width)), parabolas(std::size_t(width) + 1), first(std::size_t(width) + 2)
    {}

    // One row: d(q) = min_p w (q - p)² + f(p) over the columns p with a target in their column.
    void run(float *row, int width, double dx, double dy, float limit)
    {
        std::memcpy(rows.data(), row, std::size_t(width) * sizeof(float));
        const double w = dx * dx;
        int k = -1;
        for (int q = 0; q < width; ++q) {
            const std::int32_t r = rows[std::size_t(q)];
            if (r >= kFar) {
                continue;
            }
            const double fq = (r * dy) * (r * dy);
            const double gq = fq + w * double(q) * q;
            double sNum = -1.0;
            double sDen = 0.0;
            while (k >= 0) {
                // Intersection with parabola k: (gq - g_p) / (2 w (q - p)).
                const Parabola &top = parabolas[std::size_t(k)];
                sNum = gq - top.lift;
                sDen = 2.0 * w * (q - top.column);
                if (k == 0 || sNum * top.den > top.num * sDen) {
                    break;
                }
                --k;
            }
            ++k;
            parabolas[std::size_t(k)] = k == 0 ? Parabola{gq, -1.0, 0.0, float(fq), q}
                                               : Parabola{gq, sNum, sDen, float(fq), q};
        }
        if (k < 0) {
            std::fill(row, row + width, kNaN);
            return;
        }
        // Parabola j is nearest for columns (start_j, start_j+1]; one division per parabola.
        first[0] = 0;
        for (int j = 1; j <= k; ++j) {
            const Parabola &p = parabolas[std::size_t(j)];
            const double start = std::floor(p.num / p.den) + 1.0;
            first[std::size_t(j)] = int(std::clamp(start, 0.0, double(width)));
        }
        first[std::size_t(k) + 1] = width;
        const float fdx = float(dx);
        for (int j = 0; j <= k; ++j) {
            const int column = parabolas[std::size_t(j)].column;
            const float height = parabolas[std::size_t(j)].height;
            const int end = std::max(first[std::size_t(j)], first[std::size_t(j) + 1]);
            for (int q = first[std::size_t(j)]; q < end; ++q) {
                const float d = float(q - column) * fdx;
                const float distance = std::sqrt(d * d + height);
                row[q] = distance <= limit ? distance : kNaN;
            }
        }
    }
};

} // namespace

RasterStatus ProximityTransform::distances(const std::vector<std::uint8_t> &mask, int width,
                                           int height, const std::function<double(int)> &dxOfRow,
                                           double dy, float limit, float *out,
                                           const RasterJobControl &control)
{
    if (width <= 0 || height <= 0 || mask.size() != std::size_t(width) * height) {
        return Error{QStringLiteral("distance transform: the mask does not match the grid")};
    }
    const int threads = RasterTileRunner::threadCount(control);
    // Column scans in vertical stripes, then rows in horizontal bands, both on all cores.
    const int stripe = std::max(64, (width + threads - 1) / threads);
    RasterJobControl quiet = control;
    quiet.progress = nullptr;
    auto status = RasterTileRunner::run(
            width, 1, stripe, 1, quiet, [&](const RasterTile &tile, int) -> RasterStatus {
                columnScan(mask.data(), width, height, tile.col, tile.col + tile.width, out);
                return std::monostate{};
            });
    if (!status) {
        return status;
    }
    std::vector<Envelope> envelopes(static_cast<std::size_t>(threads), Envelope(width));
    return RasterTileRunner::run(width, height, width, 64, control,
                                 [&](const RasterTile &tile, int worker) -> RasterStatus {
                                     Envelope &envelope = envelopes[std::size_t(worker)];
                                     for (int r = tile.row; r < tile.row + tile.height; ++r) {
                                         envelope.run(out + std::size_t(r) * width, width,
                                                      dxOfRow(r), dy, limit);
                                     }
                                     return std::monostate{};
                                 });
}

} // namespace maps
