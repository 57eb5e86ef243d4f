// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Draws a MapScene for the canvas's view: each visible layer in order, with its opacity.
// Runs in the canvas's render worker; reads only the immutable scene.

#include "app/maplayers.h"
#include "widgets/mapview.h"

#include <QImage>

namespace app {

QImage renderScene(const MapScene &scene, const ui::MapView &view);

} // namespace app
