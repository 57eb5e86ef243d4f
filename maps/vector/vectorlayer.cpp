// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/vector/vectorlayer.h"

#include <algorithm>
#include <cmath>

namespace maps {

VectorLayer::VectorLayer(Metadata metadata, std::shared_ptr<const FeatureStore> features,
                         std::shared_ptr<const SpatialIndex> index)
    : m_metadata(std::move(metadata)), m_role(m_metadata.guess.role),
      m_features(std::move(features)), m_index(std::move(index))
{}

std::optional<Hit> VectorLayer::nearest(LonLat q, KvFilter filter, double withinM) const
{
    if (!isValid()) {
        return std::nullopt;
    }
    return m_index->nearest(*m_features, q, filter, withinM);
}

std::optional<Hit> VectorLayer::nearestDistance(LonLat q, KvFilter filter, double withinM) const
{
    if (!isValid()) {
        return std::nullopt;
    }
    return m_index->nearestDistance(*m_features, q, filter, withinM);
}

void VectorLayer::nearestDistances(const LonLat *points, std::size_t n, KvFilter filter,
                                   Hit *hits) const
{
    if (!isValid()) {
        std::fill(hits, hits + n, Hit{-1, NAN, LonLat{NAN, NAN}});
        return;
    }
    m_index->nearestDistances(*m_features, points, n, filter, hits);
}

std::vector<Hit> VectorLayer::within(LonLat q, double radiusM, KvFilter filter) const
{
    if (!isValid()) {
        return {};
    }
    return m_index->within(*m_features, q, radiusM, filter);
}

std::vector<int> VectorLayer::containing(LonLat q) const
{
    if (!isValid()) {
        return {};
    }
    return m_index->containing(*m_features, q);
}

QString VectorLayer::label(int feature) const
{
    if (!isValid() || feature < 0 || std::size_t(feature) >= m_features->featureCount()) {
        return {};
    }
    if (std::size_t(feature) < m_features->labels.size()
        && !m_features->labels[feature].isEmpty()) {
        return m_features->labels[feature];
    }
    return QStringLiteral("#%1").arg(m_features->fids[feature]);
}

} // namespace maps
