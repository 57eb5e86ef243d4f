// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What `energize layers list` and `add` say about a layer: role, kind, coordinate system, size,
// the fields its voltage, name, capacity, owner and status are read from, and its problems.
// Plain values made from a layer reference and what loading it gave; any thread.

#include "app/maplayers.h"

#include <QJsonObject>

#include <utility>
#include <vector>

namespace app {

struct LayerFieldInfo
{
    QString purpose; // "voltage", "name", …, "voltage_unit"
    QString field; // empty: none
    bool chosen = false; // the user's choice, not a guess
    QString reason;
};

struct LayerInfo
{
    QString name;
    QString source;
    QString role; // the user's, else the guess
    QString kind; // "vector (lines)", "raster", "grid case"
    QString crs;
    QString size; // "224 features", "2048 x 1024 pixels"
    qint64 features = -1; // vector layers
    int width = 0, height = 0; // rasters
    std::vector<LayerFieldInfo> fields; // vector layers
    // Vector layers with a voltage field: features per voltage class, highest class first, and
    // how many have no readable voltage; with a capacity field, the total and how many count.
    std::vector<std::pair<QString, qint64>> voltageClasses;
    qint64 unknownVoltage = 0;
    double capacityMw = 0.0;
    qint64 withCapacity = 0;
    bool hasVoltageField = false, hasCapacityField = false;
    QStringList problems; // why it did not load, load warnings, chosen fields it lacks
};

// loaded: the layer as MapLayers or loadLayer() gave it; null while it has not loaded.
LayerInfo describeLayer(const planner::LayerRef &ref, const LoadedLayer *loaded);
QJsonObject layerInfoJson(const LayerInfo &info);
// The headline figures as one line ("voltages: 345 kV (300-449) 12, unknown 3; capacity:
// 1,200 MW in 4 features"); empty for a layer without voltage or capacity fields.
QString layerFigures(const LayerInfo &info);

// A field the user chose that the loaded layer does not have, as a message; empty when none.
QString unknownChosenField(const LoadedLayer &loaded);

} // namespace app
