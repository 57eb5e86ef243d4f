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
        p.attribution = region.attribution;
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
    // What the project file held but could not be used: said on stderr, as the window's status
    // bar says it, so that a script sees it too.
    for (const QString &warning : p.doc->loadWarnings())
        err << "energize " << command << ": " << path << ": " << warning << "\n";
    p.layers = std::make_unique<MapLayers>(p.doc.get());
    p.layers->waitForLoads();
    p.scoring = std::make_unique<ScoringSettings>(p.doc.get());
    if (!p.scoring->isValid()) {
        err << "energize " << command << ": " << p.scoring->error() << "\n";
        return std::nullopt;
    }
    for (const QString &warning : p.scoring->warnings())
        err << "energize " << command << ": " << path << ": " << warning << "\n";
    return p;
}

// Plan names may hold commas themselves ("Temple TPU 200 MW, bridged").
QStringList splitPlanList(const QString &list, const QStringList &names)
{
    QStringList out;
    int at = 0;
    while (at < list.size()) {
        QString found;
        for (const QString &name : names) {
            if (name.size() > found.size() && list.mid(at).startsWith(name)
                && (at + name.size() == list.size() || list.at(at + name.size()) == ','))
                found = name;
        }
        if (found.isEmpty()) {
            const int comma = list.indexOf(',', at);
            found = list.mid(at, comma < 0 ? -1 : comma - at);
        }
        if (!found.isEmpty())
            out << found;
        at += found.size() + 1;
    }
    return out;
}

} // namespace app
