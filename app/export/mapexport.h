// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The map as a picture for slides and documents: the area in view drawn from the project's
// layers as the report draws it (vector layers as vectors, raster layers warped for the picture,
// the sites, scale bar, north arrow, attribution line), as PNG (at twice the size, for print) or
// SVG (vectors, rasters embedded). Calling thread; reads the immutable scene.

#include "app/report/reportmap.h"
#include "common/expected.h"

#include <QSize>
#include <QString>

namespace app {

// The format by the suffix (.png, .svg); errors name the path.
energize::Status exportMap(const QString &path, const report::MapPicture &map, QSize size);

} // namespace app
