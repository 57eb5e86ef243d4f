// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/store/geopackagegeometry.h"

#include <bit>
#include <cstring>

namespace planner {
namespace {

template<typename T>
void append(std::string &out, T value)
{
    static_assert(std::endian::native == std::endian::little, "little-endian hosts only");
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out.append(bytes, sizeof(T));
}

template<typename T>
T read(const std::string &in, std::size_t offset, bool littleEndian)
{
    char bytes[sizeof(T)];
    std::memcpy(bytes, in.data() + offset, sizeof(T));
    if (!littleEndian) {
        for (std::size_t i = 0; i < sizeof(T) / 2; ++i)
            std::swap(bytes[i], bytes[sizeof(T) - 1 - i]);
    }
    T value;
    std::memcpy(&value, bytes, sizeof(T));
    return value;
}

constexpr std::uint32_t kWkbPoint = 1;

} // namespace

std::string encodeGpkgPoint(double x, double y, std::int32_t srsId)
{
    std::string out;
    out.reserve(8 + 21);
    out += "GP";
    out += char(0); // version 1
    out += char(0x01); // flags: little-endian header, no envelope, not empty, standard blob
    append(out, srsId);
    out += char(1); // WKB little-endian
    append(out, kWkbPoint);
    append(out, x);
    append(out, y);
    return out;
}

Expected<std::pair<double, double>> decodeGpkgPoint(const std::string &blob)
{
    if (blob.size() < 8 || blob[0] != 'G' || blob[1] != 'P')
        return Error{"not a GeoPackage geometry"};
    const auto flags = static_cast<std::uint8_t>(blob[3]);
    const bool headerLittle = flags & 0x01;
    static constexpr std::size_t envelopeSizes[] = {0, 32, 48, 48, 64};
    const unsigned envelope = (flags >> 1) & 0x07;
    if (envelope >= std::size(envelopeSizes))
        return Error{"invalid GeoPackage envelope code"};
    (void)headerLittle;
    const std::size_t wkb = 8 + envelopeSizes[envelope];
    if (blob.size() < wkb + 21)
        return Error{"GeoPackage point geometry is truncated"};
    const bool little = blob[wkb] == 1;
    const auto type = read<std::uint32_t>(blob, wkb + 1, little);
    if (type != kWkbPoint)
        return Error{"geometry is not a 2D point (WKB type " + std::to_string(type) + ")"};
    return std::pair{read<double>(blob, wkb + 5, little), read<double>(blob, wkb + 13, little)};
}

} // namespace planner
