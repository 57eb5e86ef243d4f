// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/headlessproject.h"

#include "app/demoproject.h"

namespace app {

std::optional<HeadlessProject> openHeadlessProject(const QString &command, const QString &path,
                                                   bool demo, QTextStream &err)
{
    HeadlessProject p;
    p.doc = std::make_unique<planner::Document>();
    energize::Status opened;
    if (demo) {
        DemoRegion region;
        opened = loadDemoRegion(*p.doc, &region);
        p.bounds = region.bounds;
    } else if (path.isEmpty()) {
        err << "energize " << command << ": give a project file or --demo\n";
        return std::nullopt;
    } else {
        opened = p.doc->load(path);
    }
    if (!opened) {
        err << "energize " << command << ": " << QString::fromStdString(opened.error().message)
            << "\n";
        return std::nullopt;
    }
    p.layers = std::make_unique<MapLayers>(p.doc.get());
    p.layers->waitForLoads();
    p.scoring = std::make_unique<ScoringSettings>(p.doc.get());
    if (!p.scoring->isValid()) {
        err << "energize " << command << ": " << p.scoring->error() << "\n";
        return std::nullopt;
    }
    return p;
}

} // namespace app
