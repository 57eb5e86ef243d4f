// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One factor of a suitability score: a raster, how its values map to a 0..1 score, and a weight.
// Linear: 0 at `worst`, 1 at `best`, clamped outside (worst > best means lower is better, e.g.
// land price). Categorical: a score per class (e.g. NLCD codes), `otherScore` for classes not
// listed (none = such pixels have no score). A plain value set by the user; copy freely.

#include "maps/raster/rasterlayer.h"
#include "maps/raster/rastersampler.h"

#include <map>
#include <optional>

namespace maps {

struct SuitabilityCriterion
{
    enum class Kind { Linear, Categorical };

    QString name;
    RasterLayerPtr layer;
    Kind kind = Kind::Linear;
    double worst = 0.0;
    double best = 1.0;
    std::map<int, double> classScores;
    std::optional<double> otherScore;
    double weight = 1.0;

    static SuitabilityCriterion linear(QString name, RasterLayerPtr layer, double worst,
                                       double best, double weight)
    {
        SuitabilityCriterion c;
        c.name = std::move(name);
        c.layer = std::move(layer);
        c.worst = worst;
        c.best = best;
        c.weight = weight;
        return c;
    }
    static SuitabilityCriterion categorical(QString name, RasterLayerPtr layer,
                                            std::map<int, double> scores,
                                            std::optional<double> otherScore, double weight)
    {
        SuitabilityCriterion c;
        c.name = std::move(name);
        c.layer = std::move(layer);
        c.kind = Kind::Categorical;
        c.classScores = std::move(scores);
        c.otherScore = otherScore;
        c.weight = weight;
        return c;
    }

    Interpolation interpolation() const
    {
        return kind == Kind::Categorical || (layer && layer->isCategorical())
                ? Interpolation::Nearest
                : Interpolation::Bilinear;
    }

    // The 0..1 score of a raster value; nullopt for NaN or an unlisted class without otherScore.
    std::optional<double> normalise(double value) const
    {
        if (std::isnan(value)) {
            return std::nullopt;
        }
        if (kind == Kind::Categorical) {
            const auto it = classScores.find(int(std::lround(value)));
            return it != classScores.end() ? std::optional<double>(it->second) : otherScore;
        }
        const double t = (value - worst) / (best - worst);
        return std::clamp(t, 0.0, 1.0);
    }
};

} // namespace maps
