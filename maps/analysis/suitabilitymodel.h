// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A weighted multi-criteria suitability model with hard exclusions:
//   score = Σ wᵢ·sᵢ / Σ wᵢ over the criteria (each sᵢ in 0..1), unless an exclusion applies.
// A plain value built from the user's weights and thresholds; evaluate it with
// SuitabilityPointEvaluator (one site, live) or SuitabilityRegion (a raster, on all cores).

#include "maps/analysis/suitabilitycriterion.h"
#include "maps/analysis/suitabilityexclusion.h"
#include "maps/io/expected.h"

#include <vector>

namespace maps {

struct SuitabilityModel
{
    // The value of an excluded pixel in a suitability raster (scores are 0..1, NaN = no value).
    static constexpr float kExcluded = -1.0f;

    std::vector<SuitabilityCriterion> criteria;
    std::vector<SuitabilityExclusion> exclusions;

    double weightSum() const
    {
        double sum = 0.0;
        for (const auto &c : criteria) {
            sum += c.weight;
        }
        return sum;
    }

    // Checks what the user set; the message names the criterion and what to change.
    Status validate() const
    {
        if (criteria.empty()) {
            return fail(QStringLiteral("the suitability model has no criteria — add at least one "
                                       "raster criterion"));
        }
        for (const auto &c : criteria) {
            if (!c.layer) {
                return fail(QStringLiteral("criterion '%1' has no raster layer").arg(c.name));
            }
            if (!(c.weight >= 0.0) || !std::isfinite(c.weight)) {
                return fail(QStringLiteral("criterion '%1': weight must be zero or positive")
                                    .arg(c.name));
            }
            if (c.kind == SuitabilityCriterion::Kind::Linear
                && (!(c.worst != c.best) || !std::isfinite(c.worst) || !std::isfinite(c.best))) {
                return fail(QStringLiteral("criterion '%1': worst and best values must differ")
                                    .arg(c.name));
            }
            if (c.kind == SuitabilityCriterion::Kind::Categorical && c.classScores.empty()
                && !c.otherScore) {
                return fail(QStringLiteral("criterion '%1': give a score to at least one class")
                                    .arg(c.name));
            }
        }
        if (!(weightSum() > 0.0)) {
            return fail(QStringLiteral("all criterion weights are zero — give one a weight"));
        }
        for (const auto &e : exclusions) {
            if (!e.layer) {
                return fail(QStringLiteral("exclusion '%1' has no raster layer").arg(e.name));
            }
        }
        return done();
    }
};

} // namespace maps
