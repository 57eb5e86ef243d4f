// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A project opened for a headless command (score, heatmap, compare, save): the document (a
// project file or the bundled demo), its layers loaded, and its scoring settings. Errors are
// printed to `err` as "energize <command>: <message>". Calling thread only.

#include "app/maplayers.h"
#include "app/scoringsettings.h"
#include "planner/session/document.h"
#include "widgets/mapview.h"

#include <QStringList>

#include <QTextStream>

#include <memory>
#include <optional>

namespace app {

struct HeadlessProject
{
    std::unique_ptr<planner::Document> doc;
    std::unique_ptr<MapLayers> layers;
    std::unique_ptr<ScoringSettings> scoring; // the project's own weights
    ui::GeoRect bounds; // the demo region's extent; invalid for a project file
    QString attribution; // the demo region's attribution line; empty for a project file
};

// path: a project file, ignored with demo. nullopt after printing why.
std::optional<HeadlessProject> openHeadlessProject(const QString &command, const QString &path,
                                                   bool demo, QTextStream &err);

// "A,B,C" into plan names, for --plans: plan names may hold commas themselves, so at each
// position the longest of `names` that stands there (followed by a comma or the end) is taken;
// otherwise the text up to the next comma (reported as unknown by the caller).
QStringList splitPlanList(const QString &list, const QStringList &names);

} // namespace app
