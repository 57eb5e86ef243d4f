// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The bundled Texas demo region: finds maps/data (or its installed copy), and fills a document
// with its layers, in the manifest's drawing order, a few candidate sites and the build plans
// of demo-plans.json at them. The document is
// left unmodified (nothing to undo) and untitled.

#include "common/expected.h"
#include "widgets/mapview.h"

#include <QString>

namespace planner {
class Document;
}

namespace app {

struct DemoRegion
{
    QString directory; // where demo-layers.json was found
    QString attribution; // the map's attribution line, naming what is synthetic
    ui::GeoRect bounds; // the region's extent in lon/lat
};

// The folder with demo-layers.json: $ENERGIZE_DEMO_DIR, the installed share folder next to the
// executable, or the source tree. Empty when none exists.
QString findDemoDirectory();

// Reads the manifest and fills doc. On failure returns false with a message.
energize::Status loadDemoRegion(planner::Document &doc, DemoRegion *region);

} // namespace app
