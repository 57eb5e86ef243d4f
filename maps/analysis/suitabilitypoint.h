// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The suitability of one site, explained: its score, each criterion's value, normalised score,
// weight share and contribution, and the exclusions that apply. Built for the live drag: the
// evaluator keeps one cached sampler per layer, so a warm evaluation costs microseconds.
// Threading: one evaluator per thread (it owns GDAL handles). The model's layers are shared.

#include "maps/analysis/suitabilitymodel.h"
#include "maps/raster/rastersampler.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace maps {

struct CriterionContribution
{
    QString name;
    std::optional<double> value; // the raster value at the site
    std::optional<double> normalised; // 0..1
    double weightShare = 0.0; // weight / Σ weights
    std::optional<double> contribution; // weightShare × normalised
};

struct SuitabilityScore
{
    std::optional<double> score; // 0..1; none when excluded or a criterion has no value
    bool excluded = false;
    std::vector<CriterionContribution> criteria;
    QStringList exclusionReasons; // "flood depth 1.2 > 0"
    QStringList missing; // layers without a value here: "land price: no value here"
};

class SuitabilityPointEvaluator
{
public:
    // queryCrsWkt: the CRS of the points passed to evaluate() (the map's); empty = each layer's.
    static Expected<SuitabilityPointEvaluator> create(const SuitabilityModel &model,
                                                      const QString &queryCrsWkt);

    SuitabilityScore evaluate(double x, double y);

    const SuitabilityModel &model() const { return m_model; }

private:
    SuitabilityPointEvaluator() = default;

    SuitabilityModel m_model;
    std::vector<RasterSampler> m_criterionSamplers;
    std::vector<RasterSampler> m_exclusionSamplers;
};

} // namespace maps
