// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a project changes in the bundled site-score settings (resources/defaults/
// site-scoring.json): a weight per factor id, a reach per distance factor id and the
// interconnection market. An absent entry means the bundled default, so a project without
// overrides scores with the defaults. The
// planner keeps factor ids as opaque text; the app knows which exist. A plain value, copied
// freely between threads.

#include <cmath>
#include <map>
#include <string>

namespace planner {

struct ScoringOverrides
{
    std::map<std::string, double> weights; // factor id -> weight (finite, >= 0)
    // distance factor id -> reach in km (finite, > 0): past it the factor scores 0
    std::map<std::string, double> reachKm;
    std::string market; // interconnection market id ("ercot", "pjm", …); empty = the default

    bool empty() const { return weights.empty() && reachKm.empty() && market.empty(); }
    bool operator==(const ScoringOverrides &) const = default;
};

// A weight the score can use: finite and not negative.
inline bool isValidScoringWeight(double weight)
{
    return std::isfinite(weight) && weight >= 0.0;
}

// The largest reach a project may set, in km: a quarter of the Earth's circumference, past
// which "distance to the nearest" stops meaning anything on one continent.
inline constexpr double kMaxScoringReachKm = 10000.0;

// A reach the score can use: finite, more than 0 and at most kMaxScoringReachKm.
inline bool isValidScoringReach(double km)
{
    return std::isfinite(km) && km > 0.0 && km <= kMaxScoringReachKm;
}

// A factor or market id: 1-64 characters of letters, digits, '_', '-' and '.'.
inline bool isValidScoringId(const std::string &id)
{
    if (id.empty() || id.size() > 64)
        return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '-' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace planner
