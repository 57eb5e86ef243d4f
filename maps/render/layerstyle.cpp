// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/render/layerstyle.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace maps {

LayerStyle defaultStyle(LayerRole role)
{
    LayerStyle s;
    switch (role) {
    case LayerRole::TransmissionLines:
        s.width = 1.2;
        break;
    case LayerRole::Substations:
        s.stroke = QColor(40, 40, 40);
        break;
    case LayerRole::PowerPlants:
        s.stroke = QColor(120, 60, 0);
        s.fill = QColor(250, 170, 40, 220);
        s.byVoltage = false;
        s.byCapacity = true;
        s.pointSize = 4.0;
        break;
    case LayerRole::FloodZones:
        s.stroke = QColor(30, 90, 200, 200);
        s.fill = QColor(60, 130, 230, 90);
        s.byVoltage = false;
        break;
    case LayerRole::ProtectedAreas:
        s.stroke = QColor(30, 120, 50, 200);
        s.fill = QColor(60, 170, 80, 70);
        s.byVoltage = false;
        break;
    case LayerRole::LandCover:
    case LayerRole::LandPrice:
    case LayerRole::Climate:
        s.stroke = QColor(140, 110, 60, 160);
        s.fill = QColor(200, 170, 110, 50);
        s.byVoltage = false;
        break;
    case LayerRole::Boundaries:
        s.stroke = QColor(110, 110, 110);
        s.width = 0.8;
        s.byVoltage = false;
        break;
    default:
        s.byVoltage = false;
        break;
    }
    return s;
}

QColor voltageColor(VoltageClass c)
{
    static const std::array<QColor, kVoltageClassCount> colors{
            QColor(150, 150, 150), // unknown
            QColor(60, 160, 170), // below 115 kV
            QColor(40, 110, 220), // 115-161
            QColor(40, 160, 60), // 230
            QColor(240, 140, 20), // 345
            QColor(220, 40, 40), // 500
            QColor(140, 40, 170), // 765+
    };
    return colors[std::size_t(c)];
}

double voltageWidthFactor(VoltageClass c)
{
    static const std::array<double, kVoltageClassCount> factors{0.8, 0.8, 1.0, 1.3, 1.7, 2.1, 2.6};
    return factors[std::size_t(c)];
}

double capacitySymbolSize(double mw, double baseSize)
{
    if (!(mw > 0.0)) {
        return baseSize;
    }
    return std::clamp(baseSize + std::sqrt(mw) / 3.0, baseSize, 6.0 * baseSize);
}

} // namespace maps
