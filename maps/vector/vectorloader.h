// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Opening vector sources with GDAL/OGR: GeoPackage, Shapefile, GeoJSON, KML, FlatGeobuf, CSV
// (lon/lat or WKT columns), PostGIS (PG:, only with allowNetwork) and anything else OGR reads.
// Features are reprojected to WGS84 lon/lat with PROJ and indexed. A layer without a CRS fails
// with ErrorCode::MissingCrs until the user chooses one (LoadOptions::assumedCrs).
// loadVectorLayer() blocks: run it in a worker (QtConcurrent). It is re-entrant (one GDAL
// dataset per call), reports progress in [0, 1] from the calling thread, and stops soon after
// *cancel becomes true.

#include "maps/io/expected.h"
#include "maps/vector/fieldmapping.h"
#include "maps/vector/vectorlayer.h"

#include <atomic>
#include <functional>
#include <optional>

namespace maps {

struct VectorSource
{
    QString path; // file, directory or connection string
    QString layerName; // empty: the only layer of the source
};

struct LoadOptions
{
    QString assumedCrs; // used only when the source has no CRS: "EPSG:4326", WKT, PROJ
    bool allowNetwork = false; // see sourcepolicy.h
    std::optional<LayerRole> role; // the user's role; otherwise guessed
    FieldChoices fields; // the user's field choices; the other purposes are guessed
};

using LoadProgress = std::function<void(double)>;

Expected<VectorLayer> loadVectorLayer(const VectorSource &source, const LoadOptions &options = {},
                                      const LoadProgress &progress = {},
                                      const std::atomic<bool> *cancel = nullptr);

// Names of the vector layers in a source, for a "choose a layer" dialog.
Expected<QStringList> listVectorLayers(const QString &path, bool allowNetwork = false);

// The first `count` features' attribute values as text, one list per field in field order
// (the field picker's preview, and what the field guess looks at), with the field names.
struct FieldSampleTable
{
    QStringList fields;
    FieldSamples values;
};
Expected<FieldSampleTable> sampleVectorFields(const VectorSource &source, int count = 200,
                                              bool allowNetwork = false);

// What a layer chooser shows of each layer of a source: its name, geometry and feature count
// (-1 when the driver cannot count without reading every feature).
struct VectorLayerInfo
{
    QString name;
    GeometryKind kind = GeometryKind::None; // None: a table without geometry
    qint64 featureCount = -1;
};
Expected<QList<VectorLayerInfo>> describeVectorLayers(const QString &path,
                                                      bool allowNetwork = false);

} // namespace maps
