// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a vector layer is drawn: lines coloured and widened by voltage class, substations sized by
// voltage, power plants by capacity, polygons filled by role. Plain values, any thread.

#include "maps/io/layerrole.h"
#include "maps/vector/voltage.h"

#include <QColor>

namespace maps {

struct LayerStyle
{
    bool visible = true;
    QColor stroke{90, 90, 90};
    QColor fill{0, 0, 0, 0}; // transparent: outline only
    double width = 1.0; // pixels
    double pointSize = 5.0; // pixels, before sizing by voltage or capacity
    bool byVoltage = true; // colour and size lines and points by voltage class
    bool byCapacity = false; // size points by MW (power plants)
};

LayerStyle defaultStyle(LayerRole role);

QColor voltageColor(VoltageClass c);
// Line width multiplier and point size multiplier for a voltage class.
double voltageWidthFactor(VoltageClass c);
// Symbol size in pixels for a plant of `mw` (area grows with capacity).
double capacitySymbolSize(double mw, double baseSize);

} // namespace maps
