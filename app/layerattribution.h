// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The map's attribution line, made from the project's layers: the demo region's line (which
// names what is synthetic) only while a layer of the demo folder is in the project, and the
// files of the user's own layers, so that a real-data project never claims to be the demo.
// A pure function; any thread.

#include "planner/core/site/layerref.h"

#include <QString>

#include <vector>

namespace app {

// demoDir: the folder of the bundled demo region (empty: none); demoAttribution: its line.
QString layerAttribution(const std::vector<planner::LayerRef> &layers, const QString &demoDir,
                         const QString &demoAttribution);

} // namespace app
