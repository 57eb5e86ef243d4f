// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/analysis/suitabilitypoint.h"

namespace maps {

Expected<SuitabilityPointEvaluator> SuitabilityPointEvaluator::create(const SuitabilityModel &model,
                                                                      const QString &queryCrsWkt)
{
    auto valid = model.validate();
    if (!valid) {
        return valid.error();
    }
    SuitabilityPointEvaluator evaluator;
    evaluator.m_model = model;
    for (const auto &c : model.criteria) {
        auto sampler = RasterSampler::create(c.layer, queryCrsWkt);
        if (!sampler) {
            return sampler.error();
        }
        evaluator.m_criterionSamplers.push_back(std::move(*sampler));
    }
    for (const auto &e : model.exclusions) {
        auto sampler = RasterSampler::create(e.layer, queryCrsWkt);
        if (!sampler) {
            return sampler.error();
        }
        evaluator.m_exclusionSamplers.push_back(std::move(*sampler));
    }
    return evaluator;
}

SuitabilityScore SuitabilityPointEvaluator::evaluate(double x, double y)
{
    SuitabilityScore result;
    const double weightSum = m_model.weightSum();
    double score = 0.0;
    bool complete = true;
    for (std::size_t i = 0; i < m_model.criteria.size(); ++i) {
        const SuitabilityCriterion &c = m_model.criteria[i];
        CriterionContribution part;
        part.name = c.name;
        part.weightShare = c.weight / weightSum;
        part.value = m_criterionSamplers[i].sample(x, y, c.interpolation());
        if (part.value) {
            part.normalised = c.normalise(*part.value);
        }
        if (part.normalised) {
            part.contribution = part.weightShare * *part.normalised;
            score += *part.contribution;
        } else {
            complete = false;
            result.missing << (part.value ? QStringLiteral("%1: class %2 has no score")
                                                    .arg(c.name)
                                                    .arg(std::lround(*part.value))
                                          : QStringLiteral("%1: no value here").arg(c.name));
        }
        result.criteria.push_back(std::move(part));
    }
    for (std::size_t i = 0; i < m_model.exclusions.size(); ++i) {
        const SuitabilityExclusion &e = m_model.exclusions[i];
        // Exclusions apply to the pixel under the site, never to a blend of neighbours.
        const auto value = m_exclusionSamplers[i].sample(x, y, Interpolation::Nearest);
        if (!value) {
            result.missing << QStringLiteral("%1: no value here").arg(e.name);
        } else if (e.excludes(*value)) {
            result.excluded = true;
            result.exclusionReasons << e.reason(*value);
        }
    }
    if (!result.excluded && complete) {
        result.score = score;
    }
    return result;
}

} // namespace maps
