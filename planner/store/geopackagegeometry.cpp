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
constexpr std::uint32_t kWkbPolygon = 3;

// Offset of the WKB after the GeoPackage header, or an error.
Expected<std::size_t> wkbOffset(const std::string &blob)
{
    if (blob.size() < 8 || blob[0] != 'G' || blob[1] != 'P')
        return Error{"not a GeoPackage geometry"};
    const auto flags = static_cast<std::uint8_t>(blob[3]);
    static constexpr std::size_t envelopeSizes[] = {0, 32, 48, 48, 64};
    const unsigned envelope = (flags >> 1) & 0x07;
    if (envelope >= std::size(envelopeSizes))
        return Error{"invalid GeoPackage envelope code"};
    const std::size_t offset = 8 + envelopeSizes[envelope];
    if (blob.size() < offset + 5)
        return Error{"GeoPackage geometry is truncated"};
    return offset;
}

// Magic "GP", version 0 (GeoPackage 1), flags 0x01: little-endian, no envelope, not empty.
std::string header(std::int32_t srsId)
{
    static constexpr char kHeader[] = {'G', 'P', 0, 0x01};
    std::string out(kHeader, sizeof(kHeader));
    out.reserve(64);
    append(out, srsId);
    return out;
}

} // namespace

std::string encodeGpkgPoint(double x, double y, std::int32_t srsId)
{
    std::string out = header(srsId);
    append(out, std::uint8_t(1)); // WKB little-endian
    append(out, kWkbPoint);
    append(out, x);
    append(out, y);
    return out;
}

std::string encodeGpkgPolygon(const std::vector<std::pair<double, double>> &ring,
                              std::int32_t srsId)
{
    std::string out = header(srsId);
    append(out, std::uint8_t(1));
    append(out, kWkbPolygon);
    append(out, std::uint32_t(1)); // one ring
    append(out, std::uint32_t(ring.size() + 1));
    for (const auto &[x, y] : ring) {
        append(out, x);
        append(out, y);
    }
    if (!ring.empty()) { // close the ring
        append(out, ring.front().first);
        append(out, ring.front().second);
    }
    return out;
}

Expected<std::vector<std::pair<double, double>>> decodeGpkgPointOrPolygon(const std::string &blob)
{
    auto offset = wkbOffset(blob);
    if (!offset)
        return offset.error();
    const std::size_t wkb = *offset;
    const bool little = blob[wkb] == 1;
    const auto type = read<std::uint32_t>(blob, wkb + 1, little);
    std::vector<std::pair<double, double>> points;
    if (type == kWkbPoint) {
        auto p = decodeGpkgPoint(blob);
        if (!p)
            return p.error();
        points.push_back(*p);
        return points;
    }
    if (type != kWkbPolygon)
        return Error{"geometry is neither a point nor a polygon (WKB type " + std::to_string(type)
                     + ")"};
    if (blob.size() < wkb + 13)
        return Error{"GeoPackage polygon is truncated"};
    const auto rings = read<std::uint32_t>(blob, wkb + 5, little);
    const auto count = read<std::uint32_t>(blob, wkb + 9, little);
    if (rings < 1 || count < 4 || blob.size() < wkb + 13 + std::size_t(count) * 16)
        return Error{"GeoPackage polygon is truncated or has no ring"};
    for (std::uint32_t i = 0; i + 1 < count; ++i) { // drop the closing vertex
        const std::size_t at = wkb + 13 + std::size_t(i) * 16;
        points.emplace_back(read<double>(blob, at, little), read<double>(blob, at + 8, little));
    }
    return points;
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
