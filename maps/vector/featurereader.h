// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads an OGR layer into a FeatureStore: geometries flattened to parts and transformed to WGS84
// lon/lat, voltage/capacity/label/price attributes normalised. Internal to maps/; runs on the
// caller's thread with the caller's dataset.

#include "maps/io/expected.h"
#include "maps/vector/featurestore.h"
#include "maps/vector/fieldmapping.h"

#include <ogrsf_frmts.h>

#include <QStringList>

#include <atomic>
#include <functional>

namespace maps {

struct ReadPlan
{
    GeometryKind kind = GeometryKind::None;
    int voltageField = -1;
    VoltageUnit voltageUnit = VoltageUnit::Kilovolts; // of plain numbers in voltageField
    int capacityField = -1;
    int labelField = -1;
    int valueField = -1; // numeric attribute kept in FeatureStore::value
    int hazardField = -1; // SFHA_TF (T/F) or FLD_ZONE (A*, V* are hazards)
    OGRCoordinateTransformation *transform = nullptr; // null when the source is WGS84 lon/lat
};

struct ReadReport
{
    std::size_t skippedEmpty = 0; // null or empty geometries
    std::size_t skippedKind = 0; // geometry of another dimension than the layer's
    std::size_t skippedInvalid = 0; // non-finite coordinates or a failed transformation
    std::size_t skippedOutOfRange = 0; // lon/lat outside the globe: the CRS is probably wrong
};

// Fills `store` (its kind must be set). Returns false when cancelled.
bool readFeatures(OGRLayer &layer, const ReadPlan &plan, FeatureStore &store, ReadReport &report,
                  const std::function<void(double)> &progress, const std::atomic<bool> *cancel);

// The kind of the first non-empty geometry, for layers whose declared type is "Unknown".
GeometryKind kindOfGeometryType(OGRwkbGeometryType type);
GeometryKind sniffKind(OGRLayer &layer);

} // namespace maps
