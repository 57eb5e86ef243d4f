// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Strong unit types for quantities that are easy to mix up (MW vs MVA vs kW, USD vs USD/MWh,
// months vs weeks). Plain values: trivially copyable, no allocation, safe on any thread.
// Arithmetic is allowed only between like units; a ratio of like units is a plain double.

#include <compare>

namespace planner {

template<typename Tag>
class Quantity
{
public:
    constexpr Quantity() = default;
    constexpr explicit Quantity(double value) : m_value(value) {}

    constexpr double value() const { return m_value; }

    constexpr Quantity operator+(Quantity o) const { return Quantity(m_value + o.m_value); }
    constexpr Quantity operator-(Quantity o) const { return Quantity(m_value - o.m_value); }
    constexpr Quantity operator-() const { return Quantity(-m_value); }
    constexpr Quantity operator*(double k) const { return Quantity(m_value * k); }
    constexpr Quantity operator/(double k) const { return Quantity(m_value / k); }
    constexpr double operator/(Quantity o) const { return m_value / o.m_value; }
    constexpr Quantity &operator+=(Quantity o)
    {
        m_value += o.m_value;
        return *this;
    }
    constexpr Quantity &operator-=(Quantity o)
    {
        m_value -= o.m_value;
        return *this;
    }
    constexpr auto operator<=>(const Quantity &) const = default;

private:
    double m_value = 0.0;
};

template<typename Tag>
constexpr Quantity<Tag> operator*(double k, Quantity<Tag> q)
{
    return q * k;
}

struct KilowattTag;
struct MegawattTag;
struct MegavoltAmpereTag;
struct KilovoltTag;
struct UsdTag;
struct UsdPerMwhTag;
struct MonthsTag;
struct KilometresTag;
struct HectaresTag;
struct MegawattHourTag;
struct CelsiusTag;
struct SquareMetreTag;
struct CubicMetreTag;
struct MetreTag;
struct UsdPerHectareTag;

using Kilowatts = Quantity<KilowattTag>;
using Megawatts = Quantity<MegawattTag>;
using MegavoltAmperes = Quantity<MegavoltAmpereTag>;
using Kilovolts = Quantity<KilovoltTag>;
using Usd = Quantity<UsdTag>;
using UsdPerMwh = Quantity<UsdPerMwhTag>;
using Months = Quantity<MonthsTag>;
using Kilometres = Quantity<KilometresTag>;
using Hectares = Quantity<HectaresTag>;
using MegawattHours = Quantity<MegawattHourTag>;
// A temperature on the Celsius scale (differences are taken on value(), in kelvin).
using Celsius = Quantity<CelsiusTag>;
using SquareMetres = Quantity<SquareMetreTag>;
using CubicMetres = Quantity<CubicMetreTag>;
using Metres = Quantity<MetreTag>;
using UsdPerHectare = Quantity<UsdPerHectareTag>;

// Hours in a (non-leap) year, the basis of annual energy and economizer hours.
inline constexpr double kHoursPerYear = 8760.0;
// Square metres in a hectare (definition).
inline constexpr double kSquareMetresPerHectare = 10000.0;

constexpr Megawatts toMegawatts(Kilowatts kw)
{
    return Megawatts(kw.value() / 1000.0);
}
constexpr Kilowatts toKilowatts(Megawatts mw)
{
    return Kilowatts(mw.value() * 1000.0);
}

constexpr Hectares toHectares(SquareMetres area)
{
    return Hectares(area.value() / kSquareMetresPerHectare);
}

namespace literals {
constexpr Megawatts operator""_MW(long double v)
{
    return Megawatts(static_cast<double>(v));
}
constexpr Megawatts operator""_MW(unsigned long long v)
{
    return Megawatts(static_cast<double>(v));
}
constexpr Kilowatts operator""_kW(long double v)
{
    return Kilowatts(static_cast<double>(v));
}
constexpr Kilowatts operator""_kW(unsigned long long v)
{
    return Kilowatts(static_cast<double>(v));
}
} // namespace literals

} // namespace planner
