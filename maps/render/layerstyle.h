// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a vector layer is drawn: lines coloured and widened by voltage class, substations sized by
// voltage, power plants by capacity, polygons filled by role. Plain values, any thread.

#include "maps/io/layerrole.h"
#include "maps/vector/voltage.h"

#include <QColor>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace maps {

// Points coloured by a class of their own instead of by voltage (a categorised symbology, such
// as substations by load headroom): feature f is filled with colours[(*ofFeature)[f]], its size
// still set by voltage when byVoltage is on. At most 8 classes. Not used while ofFeature is
// null or does not have one entry per feature. Title and labels are for legends.
struct PointClasses
{
    std::shared_ptr<const std::vector<std::uint8_t>> ofFeature;
    std::vector<QColor> colours;
    std::vector<QString> labels;
    QString title;

    bool appliesTo(std::size_t featureCount) const
    {
        return ofFeature && ofFeature->size() == featureCount && !colours.empty();
    }
};

struct LayerStyle
{
    bool visible = true;
    QColor stroke{90, 90, 90};
    QColor fill{0, 0, 0, 0}; // transparent: outline only
    double width = 1.0; // pixels
    double pointSize = 5.0; // pixels, before sizing by voltage or capacity
    bool byVoltage = true; // colour and size lines and points by voltage class
    bool byCapacity = false; // size points by MW (power plants)
    bool dashed = false; // lines drawn dashed: schematic connections, not routes
    PointClasses classes; // points coloured by class (see above)
};

LayerStyle defaultStyle(LayerRole role);

QColor voltageColor(VoltageClass c);
// Line width multiplier and point size multiplier for a voltage class.
double voltageWidthFactor(VoltageClass c);
// Symbol size in pixels for a plant of `mw` (area grows with capacity).
double capacitySymbolSize(double mw, double baseSize);

} // namespace maps
