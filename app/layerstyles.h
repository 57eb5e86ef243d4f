// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A layer's drawing style as the project stores it (LayerRef::style, JSON text) and as the map
// draws it: {"ramp": "terrain", "hillshade": true} for rasters, {"colour": "#1f77b4",
// "by_voltage": false} for vector layers. Unknown keys are ignored; an empty style is the
// role's default. Pure functions.

#include "maps/render/imagery.h"
#include "maps/render/layerstyle.h"

#include <QString>

namespace app {

maps::LayerStyle vectorStyleFrom(const QString &json, maps::LayerRole role);
maps::ImageryStyle rasterStyleFrom(const QString &json);

// The same JSON with one key set (value null removes it).
QString withStyleValue(const QString &json, const QString &key, const QVariant &value);

QString rampName(maps::ColourRamp ramp);
maps::ColourRamp rampFromName(const QString &name);

} // namespace app
