// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/analysis/suitabilityregion.h"

#include "maps/raster/rasterfilewriter.h"
#include "maps/raster/rasterreader.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>

namespace maps {

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// A criterion's normalisation in a form the pixel loop can run fast.
struct CompiledCriterion
{
    const SuitabilityCriterion *criterion = nullptr;
    float share = 0.0f; // weight / Σ weights
    // Linear: t = (v - worst) * scale.
    float worst = 0.0f;
    float scale = 1.0f;
    // Categorical: lut[class - lutFirst], NaN for unlisted classes.
    int lutFirst = 0;
    std::vector<float> lut;
    float other = kNaN;

    void accumulate(const float *values, float *score, std::size_t n) const
    {
        if (criterion->kind == SuitabilityCriterion::Kind::Linear) {
            for (std::size_t i = 0; i < n; ++i) {
                float t = (values[i] - worst) * scale;
                t = t < 0.0f ? 0.0f : t; // NaN passes both tests unchanged
                t = t > 1.0f ? 1.0f : t;
                score[i] += share * t;
            }
            return;
        }
        const int size = int(lut.size());
        for (std::size_t i = 0; i < n; ++i) {
            const float v = values[i];
            float s = kNaN;
            if (!std::isnan(v)) {
                const long k = std::lround(v) - lutFirst;
                s = (k >= 0 && k < size) ? lut[std::size_t(k)] : other;
            }
            score[i] += share * s;
        }
    }
};

std::vector<CompiledCriterion> compile(const SuitabilityModel &model)
{
    std::vector<CompiledCriterion> out;
    const double weightSum = model.weightSum();
    for (const auto &c : model.criteria) {
        CompiledCriterion k;
        k.criterion = &c;
        k.share = float(c.weight / weightSum);
        k.worst = float(c.worst);
        k.scale = float(1.0 / (c.best - c.worst));
        if (c.kind == SuitabilityCriterion::Kind::Categorical) {
            k.other = c.otherScore ? float(*c.otherScore) : kNaN;
            if (!c.classScores.empty()) {
                k.lutFirst = c.classScores.begin()->first;
                const long span = long(c.classScores.rbegin()->first) - k.lutFirst + 1;
                k.lut.assign(std::size_t(std::min<long>(span, 1 << 20)), k.other);
                for (const auto &[cls, score] : c.classScores) {
                    if (cls - k.lutFirst < long(k.lut.size())) {
                        k.lut[std::size_t(cls - k.lutFirst)] = float(score);
                    }
                }
            }
        }
        out.push_back(std::move(k));
    }
    return out;
}

// Per-worker GDAL handles and scratch buffers: one tile of values per input, the tile's scores.
struct Worker
{
    std::vector<RasterReader> criteria;
    std::vector<RasterReader> exclusions;
    std::vector<std::vector<float>> criterionValues;
    std::vector<std::vector<float>> exclusionValues;
    std::vector<float> score;
};

Expected<Worker> makeWorker(const SuitabilityModel &model)
{
    Worker w;
    for (const auto &c : model.criteria) {
        auto r = RasterReader::create(c.layer);
        if (!r) {
            return r.error();
        }
        w.criteria.push_back(std::move(*r));
    }
    for (const auto &e : model.exclusions) {
        auto r = RasterReader::create(e.layer);
        if (!r) {
            return r.error();
        }
        w.exclusions.push_back(std::move(*r));
    }
    w.criterionValues.resize(w.criteria.size());
    w.exclusionValues.resize(w.exclusions.size());
    return w;
}

// Marks excluded[i] where the exclusion applies to values[i]; same rule as
// SuitabilityExclusion::excludes(), with thresholds compared in double as there.
void markExcluded(const SuitabilityExclusion &e, const float *values, std::uint8_t *excluded,
                  std::size_t n)
{
    const double threshold = e.threshold;
    switch (e.rule) {
    case SuitabilityExclusion::Rule::Above:
        for (std::size_t i = 0; i < n; ++i) {
            excluded[i] |= std::uint8_t(double(values[i]) > threshold);
        }
        return;
    case SuitabilityExclusion::Rule::Below:
        for (std::size_t i = 0; i < n; ++i) {
            excluded[i] |= std::uint8_t(double(values[i]) < threshold);
        }
        return;
    case SuitabilityExclusion::Rule::InClasses:
        for (std::size_t i = 0; i < n; ++i) {
            excluded[i] |= std::uint8_t(e.excludes(values[i]));
        }
        return;
    }
}

// Pixels per pass of the score loop: the score and exclusion slices stay in L1/L2 while each
// input is streamed through once.
constexpr std::size_t kChunk = 4096;

using TileSink = std::function<Status(const RasterTile &, const float *)>;

Status run(const SuitabilityModel &model, const RasterGrid &grid, const RasterJobControl &control,
           const TileSink &sink)
{
    auto valid = model.validate();
    if (!valid) {
        return valid;
    }
    const std::vector<CompiledCriterion> compiled = compile(model);
    std::vector<std::optional<Worker>> workers(std::size_t(RasterTileRunner::threadCount(control)));
    const auto [tileWidth, tileHeight] = SuitabilityRegion::tileSize(grid);
    return RasterTileRunner::run(
            grid.width, grid.height, tileWidth, tileHeight, control,
            [&](const RasterTile &tile, int index) -> Status {
                auto &slot = workers[std::size_t(index)];
                if (!slot) {
                    auto made = makeWorker(model);
                    if (!made) {
                        return made.error();
                    }
                    slot.emplace(std::move(*made));
                }
                Worker &w = *slot;
                const RasterGrid sub = grid.subGrid(tile.col, tile.row, tile.width, tile.height);
                const std::size_t n = std::size_t(sub.pixelCount());
                // Read every input for the tile first, then score it in one pass of chunks.
                for (std::size_t i = 0; i < compiled.size(); ++i) {
                    auto &values = w.criterionValues[i];
                    values.resize(n);
                    auto read = w.criteria[i].readInto(sub, compiled[i].criterion->interpolation(),
                                                       values.data());
                    if (!read) {
                        return read;
                    }
                }
                for (std::size_t i = 0; i < model.exclusions.size(); ++i) {
                    auto &values = w.exclusionValues[i];
                    values.resize(n);
                    auto read =
                            w.exclusions[i].readInto(sub, Interpolation::Nearest, values.data());
                    if (!read) {
                        return read;
                    }
                }
                w.score.resize(n);
                std::uint8_t excluded[kChunk];
                for (std::size_t at = 0; at < n; at += kChunk) {
                    const std::size_t count = std::min(kChunk, n - at);
                    float *score = w.score.data() + at;
                    std::fill_n(score, count, 0.0f);
                    for (std::size_t i = 0; i < compiled.size(); ++i) {
                        compiled[i].accumulate(w.criterionValues[i].data() + at, score, count);
                    }
                    if (model.exclusions.empty()) {
                        continue;
                    }
                    std::fill_n(excluded, count, std::uint8_t(0));
                    for (std::size_t i = 0; i < model.exclusions.size(); ++i) {
                        markExcluded(model.exclusions[i], w.exclusionValues[i].data() + at,
                                     excluded, count);
                    }
                    for (std::size_t p = 0; p < count; ++p) {
                        score[p] = excluded[p] ? SuitabilityModel::kExcluded : score[p];
                    }
                }
                return sink(tile, w.score.data());
            });
}

} // namespace

std::pair<int, int> SuitabilityRegion::tileSize(const RasterGrid &grid)
{
    return {grid.width <= 16384 ? grid.width : 4096, 256};
}

Expected<RasterBuffer> SuitabilityRegion::evaluate(const SuitabilityModel &model,
                                                   const RasterGrid &grid,
                                                   const RasterJobControl &control,
                                                   std::int64_t maxPixels)
{
    if (grid.isEmpty()) {
        return fail(QStringLiteral("the suitability region is empty"));
    }
    if (grid.pixelCount() > maxPixels) {
        return fail(QStringLiteral("a %1 × %2 suitability raster is too large for memory — "
                                   "write it to a file or use a coarser resolution")
                            .arg(grid.width)
                            .arg(grid.height));
    }
    RasterBuffer out = RasterBuffer::filled(grid);
    auto status = run(model, grid, control, [&](const RasterTile &tile, const float *values) {
        for (int r = 0; r < tile.height; ++r) {
            std::copy_n(values + std::size_t(r) * tile.width, tile.width,
                        &out.at(tile.col, tile.row + r));
        }
        return done();
    });
    if (!status) {
        return status.error();
    }
    return out;
}

Expected<RasterLayerPtr> SuitabilityRegion::evaluateToFile(const SuitabilityModel &model,
                                                           const RasterGrid &grid,
                                                           const QString &path,
                                                           const RasterJobControl &control)
{
    auto writer = RasterFileWriter::create(path, grid);
    if (!writer) {
        return writer.error();
    }
    auto status = run(model, grid, control, [&](const RasterTile &tile, const float *values) {
        return (*writer)->writeWindow(tile.col, tile.row, tile.width, tile.height, values);
    });
    auto finished = (*writer)->finish();
    if (!status) {
        return status.error();
    }
    if (!finished) {
        return finished.error();
    }
    return RasterLayer::open(path, LayerRole::Unknown);
}

} // namespace maps
