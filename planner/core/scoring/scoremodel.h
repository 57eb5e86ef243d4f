// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The site score, as one pure numeric model: the factors a score weighs (how each value maps to
// 0..1, its weight, the values that exclude a site outright) and the flood-zone exclusion.
//   score = Σ wᵢ·sᵢ / Σ wᵢ over the weighted factors, each sᵢ in 0..1,
// unless a factor or the flood rule excludes the site; when a weighted factor has no value the
// site has no score ("no data means no score"), never a partial one.
// scoreSite() explains one place (the drag read-out, the Site Score dock, the CLI, the report);
// CellScorer applies the same rules to many cells at once (the heatmap and the exported raster),
// so every cell's score is the point score of its values. Plain values, no Qt, no I/O; safe to
// copy and to use from any thread.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace planner {

struct ScoreFactor
{
    enum class Kind {
        Linear, // 0 at `worst`, 1 at `best`, clamped; worst > best when lower is better
        Classes, // a score per class code (land cover); unlisted codes have no score
    };

    std::string id; // "hv_substation_distance", "line_voltage", "slope", "land_class", …
    std::string name; // shown to the user
    std::string unit; // of the value, e.g. "km"
    Kind kind = Kind::Linear;
    double worst = 0.0;
    double best = 1.0;
    double weight = 1.0; // >= 0; 0 = shown but not counted
    std::optional<double> excludeAbove; // Linear: a value above this excludes the site
    std::map<int, double> classScores; // Classes: code -> 0..1
    std::map<int, std::string> excludedClasses; // Classes: code -> reason ("open water")
    // For the map side: distance factors count only features at or above this voltage.
    double minKv = 0.0;
    // A distance factor's reach, in km: what it reads (a distance, or a feature's voltage) counts
    // only when the feature lies within this distance; farther, the factor scores 0 ("none within
    // reach"). None: any distance counts.
    std::optional<double> reachKm;

    // Whether a feature found at this distance (km) lies past the reach (false for NaN).
    bool beyondReach(double distanceKm) const { return reachKm && distanceKm > *reachKm; }

    // The 0..1 score of a value; none for NaN or an unlisted class.
    std::optional<double> normalise(double value) const;
    // Whether the value excludes the site (false for NaN).
    bool excludes(double value) const;
};

struct ScoreModel
{
    std::vector<ScoreFactor> factors;
    std::optional<std::string> floodExclusion; // the reason; none: flood zones do not exclude

    // Index of a factor, or -1.
    int indexOf(const std::string &id) const;
    double weightSum() const;
};

// The values at one place, one per factor of the model (NaN = no value there), the distance in
// km at which a distance factor found its feature (NaN or absent: not a distance factor, or
// nothing found), and whether the place lies in a flood zone (none: no flood layer covers it).
struct ScoreInputs
{
    std::vector<double> values;
    std::optional<bool> inFloodZone;
    std::vector<double> distancesKm;
};

struct FactorScore
{
    std::optional<double> value;
    std::optional<double> normalised; // 0..1
    double weightShare = 0.0; // weight / Σ weights
    std::optional<double> contribution; // weightShare × normalised
    bool excludes = false;
    bool beyondReach = false; // the feature lies past the factor's reach: scores 0
};

struct SiteScore
{
    std::optional<double> score; // 0..1; none when excluded or a weighted factor has no value
    bool excluded = false;
    bool complete = true; // every weighted factor has a value
    bool floodExcludes = false;
    std::vector<FactorScore> factors; // one per factor of the model, in its order
};

SiteScore scoreSite(const ScoreModel &model, const ScoreInputs &inputs);

// The model compiled for cells: lookup tables for classes, reciprocal spans for linear factors.
class CellScorer
{
public:
    // The value of an excluded cell (scores are 0..1, NaN = no score).
    static constexpr float kExcluded = -1.0f;

    explicit CellScorer(const ScoreModel &model);

    // values[k]: n values of factor k (nullptr: no layer gives it, i.e. all NaN); flood: n
    // flags (non-zero = inside a flood zone) or nullptr; distancesKm: nullptr, or per factor n
    // distances (or nullptr) for the factors with a reach. Writes n results to out.
    void score(const float *const *values, const unsigned char *flood, std::size_t n, float *out,
               const float *const *distancesKm = nullptr) const;

private:
    struct Compiled
    {
        ScoreFactor factor; // a copy: the scorer does not refer to the model it came from
        int lutFirst = 0; // Classes: tables indexed by code - lutFirst
        std::vector<double> scores; // NaN = unlisted
        std::vector<unsigned char> excluded;
    };
    std::vector<Compiled> m_factors;
    bool m_floodExcludes = false;
};

} // namespace planner
