// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The features of one vector layer in compact arrays, in WGS84 lon/lat degrees (the storage CRS
// of every vector layer, whatever the source CRS). Filled once by the loader, then shared
// read-only between threads through std::shared_ptr<const FeatureStore>.

#include "maps/geo/geodesic.h"
#include "maps/io/layerrole.h"

#include <QString>
#include <QtGlobal>

#include <cstdint>
#include <span>
#include <vector>

namespace maps {

struct FeatureStore
{
    // Per-feature flags.
    static constexpr std::uint8_t kHazard = 1; // flood zone with a real hazard (SFHA, zone A/V)

    GeometryKind kind = GeometryKind::None;
    std::vector<qint64> fids;
    std::vector<float> kv; // voltage in kV, NaN when unknown
    std::vector<float> mw; // capacity in MW, NaN when unknown
    std::vector<float> value; // the layer's main numeric attribute (e.g. land price), or NaN
    std::vector<QString> labels; // empty when the layer has no label field
    std::vector<std::uint8_t> flags;
    // Feature f owns parts [featureParts[f], featureParts[f+1]); part p owns vertices
    // [partStarts[p], partStarts[p+1]). Polygon parts are rings (even-odd rule for holes).
    std::vector<std::uint32_t> featureParts{0};
    std::vector<std::uint32_t> partStarts{0};
    std::vector<LonLat> vertices;

    std::size_t featureCount() const { return fids.size(); }
    std::size_t partCount() const { return partStarts.size() - 1; }

    std::span<const LonLat> part(std::size_t p) const
    {
        return {vertices.data() + partStarts[p], partStarts[p + 1] - partStarts[p]};
    }

    // Appends a part to the feature being built; call endFeature() after its last part.
    void addPart(std::span<const LonLat> points)
    {
        vertices.insert(vertices.end(), points.begin(), points.end());
        partStarts.push_back(static_cast<std::uint32_t>(vertices.size()));
    }

    void endFeature(qint64 fid, float kvValue, float mwValue, float numeric, std::uint8_t flag)
    {
        fids.push_back(fid);
        kv.push_back(kvValue);
        mw.push_back(mwValue);
        value.push_back(numeric);
        flags.push_back(flag);
        featureParts.push_back(static_cast<std::uint32_t>(partCount()));
    }
};

} // namespace maps
