// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/scorebreakdown.h"

#include <QObject>

#include <algorithm>
#include <cmath>

namespace ui {

QColor scoreColour(const std::optional<double> &score, bool excluded)
{
    if (excluded)
        return QColor(200, 30, 30);
    if (!score || !std::isfinite(*score))
        return QColor(140, 140, 140);
    const double s = std::clamp(*score, 0.0, 1.0);
    // Hue 10° (red-orange) to 120° (green).
    return QColor::fromHsvF(static_cast<float>((10.0 + 110.0 * s) / 360.0), 0.85f, 0.85f);
}

QString scoreText(const std::optional<double> &score, bool excluded)
{
    if (excluded)
        return QObject::tr("excluded");
    if (!score || !std::isfinite(*score))
        return QObject::tr("no score");
    return QObject::tr("%1 / 100").arg(std::lround(std::clamp(*score, 0.0, 1.0) * 100.0));
}

} // namespace ui
