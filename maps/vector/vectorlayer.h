// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One loaded vector layer: its features in WGS84 lon/lat, its spatial index and its metadata
// (role, source CRS, load warnings). A cheap-to-copy value: the features and the index are
// shared immutable data, so copies can go to worker threads while the GUI changes the role of
// its own copy. Made by loadVectorLayer() (vectorloader.h).

#include "maps/io/layerrole.h"
#include "maps/vector/featurestore.h"
#include "maps/vector/fieldmapping.h"
#include "maps/vector/spatialindex.h"

#include <QStringList>

#include <limits>
#include <memory>

namespace maps {

class VectorLayer
{
public:
    struct Metadata
    {
        QString name; // layer name as GDAL reports it
        QString source; // the path or connection string it was opened from
        QString sourceCrs; // e.g. "EPSG:32614" or the CRS name when it has no code
        bool crsChosenByUser = false; // the file had none; the user picked sourceCrs
        RoleGuess guess; // what the loader guessed
        QStringList fields; // attribute names of the source
        // Which fields voltages, capacities and labels were read from (guessed or chosen).
        FieldMapping mapping;
        QStringList warnings; // skipped features and similar, for the layer panel
    };

    VectorLayer() = default;
    VectorLayer(Metadata metadata, std::shared_ptr<const FeatureStore> features,
                std::shared_ptr<const SpatialIndex> index);

    const Metadata &metadata() const { return m_metadata; }
    const QString &name() const { return m_metadata.name; }
    LayerRole role() const { return m_role; }
    // The user's choice overrides the guess.
    void setRole(LayerRole role) { m_role = role; }

    const FeatureStore &features() const { return *m_features; }
    std::shared_ptr<const FeatureStore> sharedFeatures() const { return m_features; }
    const SpatialIndex &index() const { return *m_index; }
    std::size_t featureCount() const { return m_features ? m_features->featureCount() : 0; }
    bool isValid() const { return m_features && m_index; }

    // withinM: a bound the caller knows the answer lies within (surface metres); features
    // beyond it are not searched, and none within gives no hit. The answer is the unbounded
    // one whenever it lies within the bound.
    std::optional<Hit> nearest(LonLat q, KvFilter filter = {},
                               double withinM = std::numeric_limits<double>::infinity()) const;
    // The same without the closest point (SpatialIndex::nearestDistance).
    std::optional<Hit>
    nearestDistance(LonLat q, KvFilter filter = {},
                    double withinM = std::numeric_limits<double>::infinity()) const;
    // nearestDistance() for n points at once (SpatialIndex::nearestDistances): hits[k].feature
    // is -1 where there is none.
    void nearestDistances(const LonLat *points, std::size_t n, KvFilter filter, Hit *hits) const;
    std::vector<Hit> within(LonLat q, double radiusM, KvFilter filter = {}) const;
    std::vector<int> containing(LonLat q) const;

    // Display label of a feature, or "#fid" when the layer has no label field.
    QString label(int feature) const;

private:
    Metadata m_metadata;
    LayerRole m_role = LayerRole::Unknown;
    std::shared_ptr<const FeatureStore> m_features;
    std::shared_ptr<const SpatialIndex> m_index;
};

} // namespace maps
