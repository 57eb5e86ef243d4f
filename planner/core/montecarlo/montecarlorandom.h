// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Counter-based random numbers for the Monte Carlo: the value for (seed, stream, counter) is a
// fixed function of those three integers (the SplitMix64 finaliser), so results are identical
// on every platform and standard library, and sample k does not depend on how many samples are
// drawn. Stateless; safe on any thread.

#include <cmath>
#include <cstdint>
#include <numbers>

namespace planner {

class CounterRandom
{
public:
    explicit constexpr CounterRandom(std::uint64_t seed) : m_seed(seed) {}

    static constexpr std::uint64_t mix(std::uint64_t z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    constexpr std::uint64_t bits(std::uint64_t stream, std::uint64_t counter) const
    {
        const std::uint64_t key = mix(m_seed ^ mix(stream + kGolden));
        return mix(key + (counter + 1) * kGolden);
    }

    // Uniform on the open interval (0, 1): never exactly 0 or 1, so log() and inverse CDFs are
    // always finite.
    constexpr double uniform(std::uint64_t stream, std::uint64_t counter) const
    {
        return (static_cast<double>(bits(stream, counter) >> 11) + 0.5) * 0x1.0p-53;
    }

    // Standard normal by the Box-Muller transform. Counters 2k and 2k+1 share one pair of
    // uniforms and return its cosine and sine halves, so a caller filling consecutive counters
    // can use normalPair() and pay for one logarithm per two values.
    double normal(std::uint64_t stream, std::uint64_t counter) const
    {
        const auto [c, s] = normalPair(stream, counter / 2);
        return counter % 2 == 0 ? c : s;
    }

    struct NormalPair
    {
        double first;
        double second;
    };
    NormalPair normalPair(std::uint64_t stream, std::uint64_t pair) const
    {
        const double r = std::sqrt(-2.0 * std::log(uniform(stream, 2 * pair)));
        const double angle = 2.0 * std::numbers::pi * uniform(stream, 2 * pair + 1);
        return {r * std::cos(angle), r * std::sin(angle)};
    }

private:
    static constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;
    std::uint64_t m_seed;
};

} // namespace planner
