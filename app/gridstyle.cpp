// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gridstyle.h"

#include <QCoreApplication>

#include <array>

namespace app {

QColor headroomBinColour(HeadroomBin bin)
{
    // Red (little room) through yellow to green (much room), as in a diverging ColorBrewer
    // scale; grey tones for the substations that have no figure.
    static const std::array<QColor, kHeadroomBinCount> colours{
            QColor(205, 205, 205), // no bus at or above 115 kV
            QColor(45, 45, 45), // not servable
            QColor(215, 48, 39), // below 50 MW
            QColor(252, 141, 89), // 50-200
            QColor(254, 224, 139), // 200-500
            QColor(145, 207, 96), // 500-1,000
            QColor(26, 152, 80), // 1,000 and more
    };
    return colours[std::size_t(bin)];
}

maps::LayerStyle gridPartStyle(const GridLayerData &grid, maps::LayerRole role,
                               maps::LayerStyle base)
{
    if (role == maps::LayerRole::TransmissionLines) {
        base.dashed = true;
        return base;
    }
    if (role != maps::LayerRole::Substations)
        return base;
    base.pointSize = 3.5; // a case has many substations: small symbols, sized by voltage
    if (!grid.substationBins())
        return base;
    base.classes.ofFeature = grid.substationBins();
    base.classes.title =
            QCoreApplication::translate("app::GridLayer", "Substations: N-1 load headroom");
    for (int b = 0; b < kHeadroomBinCount; ++b) {
        base.classes.colours.push_back(headroomBinColour(HeadroomBin(b)));
        base.classes.labels.push_back(headroomBinLabel(HeadroomBin(b)));
    }
    return base;
}

} // namespace app
