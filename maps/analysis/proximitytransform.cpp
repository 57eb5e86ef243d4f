// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/analysis/proximitytransform.h"

#include "maps/raster/pagebuffer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <vector>

namespace maps {

namespace {

// Column distances of kFar rows or more mean "no target in this column".
constexpr std::int32_t kFar = std::numeric_limits<std::int32_t>::max() / 4;
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
// Rows per band when the caller needs no particular height: small enough that a band's column
// distances mostly stay in cache between the column and the row pass (2 MB at 8192 wide).
constexpr int kDefaultBand = 64;

// Per band and column, the last target row above the band (or -kFar) and the first one below
// it (or kFar + height): all a band needs to know of the rest of the grid.
struct BandBounds
{
    int width = 0;
    int bandHeight = 0;
    std::vector<std::int32_t> above;
    std::vector<std::int32_t> below;

    const std::int32_t *aboveOf(int row) const
    {
        return above.data() + std::size_t(row / bandHeight) * width;
    }
    const std::int32_t *belowOf(int row) const
    {
        return below.data() + std::size_t(row / bandHeight) * width;
    }
};

Status findBounds(const std::uint8_t *mask, int width, int height, int bandHeight,
                  const RasterJobControl &control, BandBounds &bounds)
{
    const int bands = (height + bandHeight - 1) / bandHeight;
    bounds.width = width;
    bounds.bandHeight = bandHeight;
    // Each band's own last and first target rows, in parallel...
    bounds.above.assign(std::size_t(bands) * width, -kFar);
    bounds.below.assign(std::size_t(bands) * width, kFar + height);
    RasterJobControl quiet = control;
    quiet.progress = nullptr;
    auto status = RasterTileRunner::run(
            width, height, width, bandHeight, quiet, [&](const RasterTile &tile, int) -> Status {
                const std::size_t band = std::size_t(tile.row / bandHeight);
                std::int32_t *last = bounds.above.data() + band * width;
                std::int32_t *first = bounds.below.data() + band * width;
                for (int r = tile.row; r < tile.row + tile.height; ++r) {
                    const std::uint8_t *m = mask + std::size_t(r) * width;
                    // Targets are sparse: skip eight empty columns at a time.
                    for (int c = 0; c < width; c += 8) {
                        const int n = std::min(8, width - c);
                        std::uint64_t word = 1;
                        if (n == 8) {
                            std::memcpy(&word, m + c, sizeof word);
                        }
                        if (word == 0) {
                            continue;
                        }
                        for (int i = c; i < c + n; ++i) {
                            if (m[i]) {
                                last[i] = r;
                                first[i] = std::min(first[i], r);
                            }
                        }
                    }
                }
                return done();
            });
    if (!status) {
        return status;
    }
    // ...then carried down and up the grid: above = the last of the bands before, below = the
    // first of the bands after.
    std::vector<std::int32_t> carry(std::size_t(width), -kFar);
    for (int b = 0; b < bands; ++b) {
        std::int32_t *last = bounds.above.data() + std::size_t(b) * width;
        for (int c = 0; c < width; ++c) {
            const std::int32_t own = last[c];
            last[c] = carry[c];
            carry[c] = std::max(carry[c], own);
        }
    }
    std::fill(carry.begin(), carry.end(), kFar + height);
    for (int b = bands - 1; b >= 0; --b) {
        std::int32_t *first = bounds.below.data() + std::size_t(b) * width;
        for (int c = 0; c < width; ++c) {
            const std::int32_t own = first[c];
            first[c] = carry[c];
            carry[c] = std::min(carry[c], own);
        }
    }
    return done();
}

// For the rows [r0, r1): rows from each pixel to the nearest target in its column (kFar or more
// if none), by a downward and an upward scan that walk memory row by row.
void columnScan(const std::uint8_t *mask, int width, int r0, int r1, const std::int32_t *above,
                const std::int32_t *below, std::int32_t *carry, std::int32_t *rows)
{
    for (int c = 0; c < width; ++c) {
        carry[c] = r0 - above[c]; // distance at row r0 from the target above, if no nearer one
    }
    for (int r = r0; r < r1; ++r) {
        const std::uint8_t *m = mask + std::size_t(r) * width;
        std::int32_t *out = rows + std::size_t(r - r0) * width;
        for (int c = 0; c < width; ++c) {
            carry[c] = m[c] ? 0 : carry[c];
            out[c] = carry[c];
            ++carry[c];
        }
    }
    for (int c = 0; c < width; ++c) {
        carry[c] = below[c] - (r1 - 1);
    }
    for (int r = r1 - 1; r >= r0; --r) {
        const std::uint8_t *m = mask + std::size_t(r) * width;
        std::int32_t *out = rows + std::size_t(r - r0) * width;
        for (int c = 0; c < width; ++c) {
            carry[c] = m[c] ? 0 : carry[c];
            out[c] = std::min(out[c], carry[c]);
            ++carry[c];
        }
    }
}

// One parabola of a row's lower envelope, in units where the row's pixel width dx is 1 and
// heights are divided by 2 dx²: site column p, lift g(p) = f(p) / (2 dx²) + p² / 2 with
// f(p) = (rows · dy)², and where its stretch of the envelope starts, as num / den with den > 0
// (a fraction, so that building the envelope needs no division).
struct Parabola
{
    double lift;
    double num;
    double den;
    std::int32_t rows;
    int column;
};

// Scratch space of one worker for the row pass.
struct Envelope
{
    std::vector<Parabola> parabolas;

    explicit Envelope(int width) : parabolas(std::size_t(width) + 1) {}

    // One row: d(q) = min_p dx² (q - p)² + f(p) over the columns p with a target in their column.
    void run(const std::int32_t *rows, float *row, int width, double dx, double dy, float limit)
    {
        const double scale = (dy * dy) / (2.0 * dx * dx);
        int k = -1;
        Parabola top{}; // parabolas[k], kept out of memory on the hot path
        for (int q = 0; q < width; ++q) {
            const std::int32_t r = rows[q];
            if (r >= kFar) {
                continue;
            }
            const double lift = double(r) * double(r) * scale + 0.5 * double(q) * double(q);
            double num = -1.0;
            double den = 0.0;
            while (k >= 0) {
                // Where the new parabola meets the top one: (g(q) - g(p)) / (q - p).
                num = lift - top.lift;
                den = double(q - top.column);
                if (k == 0 || num * top.den > top.num * den) {
                    break;
                }
                if (--k >= 0) {
                    top = parabolas[std::size_t(k)];
                }
            }
            ++k;
            top = k == 0 ? Parabola{lift, -1.0, 0.0, r, q} : Parabola{lift, num, den, r, q};
            parabolas[std::size_t(k)] = top;
        }
        if (k < 0) {
            std::fill(row, row + width, kNaN);
            return;
        }
        // Parabola j is nearest for columns (start_j, start_j+1]; one division per parabola.
        const float fdx = float(dx);
        int begin = 0;
        for (int j = 0; j <= k; ++j) {
            const Parabola &p = parabolas[std::size_t(j)];
            int end = width;
            if (j < k) {
                const Parabola &next = parabolas[std::size_t(j) + 1];
                end = int(std::clamp(std::floor(next.num / next.den) + 1.0, 0.0, double(width)));
            }
            const float height = float((p.rows * dy) * (p.rows * dy));
            const int column = p.column;
            for (int q = begin; q < end; ++q) {
                const float d = float(q - column) * fdx;
                const float distance = std::sqrt(d * d + height);
                row[q] = distance <= limit ? distance : kNaN;
            }
            begin = std::max(begin, end);
        }
    }
};

// One worker's buffers, made on its own thread (so their first touch runs in parallel) and
// reused for every band it takes.
struct BandWorker
{
    PageBuffer columnRows; // the band's column distances, in rows
    PageBuffer distances; // the band's result, when it is not written in place
    std::vector<std::int32_t> carry;
    Envelope envelope;

    BandWorker(int width, int bandHeight, bool ownResult)
        : columnRows(std::size_t(width) * bandHeight * sizeof(std::int32_t)),
          distances(ownResult ? std::size_t(width) * bandHeight * sizeof(float) : 0),
          carry(std::size_t(width)), envelope(width)
    {}
};

// Both entry points: a band's distances go to out (when given) or to the worker's own buffer,
// then to sink (when given).
Status transform(const std::uint8_t *mask, int width, int height,
                 const std::function<double(int)> &dxOfRow, double dy, float limit, int bandHeight,
                 const ProximityTransform::BandSink &sink, float *out,
                 const RasterJobControl &control)
{
    const bool ownResult = out == nullptr;
    if (!mask || width <= 0 || height <= 0 || bandHeight <= 0) {
        return fail(QStringLiteral("distance transform: the mask does not match the grid"));
    }
    BandBounds bounds;
    auto status = findBounds(mask, width, height, bandHeight, control, bounds);
    if (!status) {
        return status;
    }
    std::vector<std::unique_ptr<BandWorker>> workers(
            std::size_t(RasterTileRunner::threadCount(control)));
    return RasterTileRunner::run(
            width, height, width, bandHeight, control,
            [&](const RasterTile &tile, int worker) -> Status {
                auto &state = workers[std::size_t(worker)];
                if (!state) {
                    state = std::make_unique<BandWorker>(width, bandHeight, ownResult);
                    if (!state->columnRows || (ownResult && !state->distances)) {
                        return fail(
                                QStringLiteral("distance transform: not enough memory for a band"));
                    }
                }
                const int r0 = tile.row;
                const int r1 = tile.row + tile.height;
                auto *rows = state->columnRows.as<std::int32_t>();
                columnScan(mask, width, r0, r1, bounds.aboveOf(r0), bounds.belowOf(r0),
                           state->carry.data(), rows);
                float *result =
                        ownResult ? state->distances.as<float>() : out + std::size_t(r0) * width;
                for (int r = r0; r < r1; ++r) {
                    state->envelope.run(rows + std::size_t(r - r0) * width,
                                        result + std::size_t(r - r0) * width, width, dxOfRow(r), dy,
                                        limit);
                }
                return sink ? sink(r0, r1 - r0, result) : done();
            });
}

} // namespace

Status ProximityTransform::distances(const std::uint8_t *mask, int width, int height,
                                     const std::function<double(int)> &dxOfRow, double dy,
                                     float limit, float *out, const RasterJobControl &control)
{
    if (!out) {
        return fail(QStringLiteral("distance transform: no output buffer"));
    }
    return transform(mask, width, height, dxOfRow, dy, limit, kDefaultBand, {}, out, control);
}

Status ProximityTransform::distances(const std::uint8_t *mask, int width, int height,
                                     const std::function<double(int)> &dxOfRow, double dy,
                                     float limit, int bandHeight, const BandSink &sink,
                                     const RasterJobControl &control)
{
    return transform(mask, width, height, dxOfRow, dy, limit, bandHeight, sink, nullptr, control);
}

} // namespace maps
