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
};

using LoadProgress = std::function<void(double)>;

Expected<VectorLayer> loadVectorLayer(const VectorSource &source, const LoadOptions &options = {},
                                      const LoadProgress &progress = {},
                                      const std::atomic<bool> *cancel = nullptr);

// Names of the vector layers in a source, for a "choose a layer" dialog.
Expected<QStringList> listVectorLayers(const QString &path, bool allowNetwork = false);

} // namespace maps
