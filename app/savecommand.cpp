// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/savecommand.h"

#include "app/commandargs.h"
#include "app/headlessproject.h"
#include "app/maplayers.h"
#include "app/planevaluation.h"
#include "app/scoringmodel.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "planner/core/evaluation/catalogs.h"
#include "planner/session/document.h"

#include <QTextStream>

namespace app {

int runSaveCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const char *usage = "usage: energize save --demo FILE.gpkg\n";
    CommandArgs parsed;
    if (auto stop = parseCommandArgs({"save", {}, {"--demo"}, true, usage}, args, out, err, parsed))
        return *stop;
    const QString path = parsed.positional;
    const bool demo = parsed.has("--demo");
    if (!demo || path.isEmpty()) {
        err << "energize save: give --demo and the file to write\n" << usage;
        return 2;
    }
    auto project = openHeadlessProject("save", QString(), true, err);
    if (!project)
        return 1;
    planner::Document &doc = *project->doc;
    auto catalogs = planner::loadCatalogs(defaultResourcePath("catalog").toStdString());
    if (!catalogs) {
        err << "energize save: " << QString::fromStdString(catalogs.error().message) << "\n";
        return 1;
    }
    SiteAnalyzer analyzer(*project->layers->scene(), project->scoring->model());
    const auto headlines =
            planHeadlines(doc, analyzer, *catalogs, project->scoring->model().market);
    if (const energize::Status saved = doc.save(path, headlines); !saved) {
        err << "energize save: " << QString::fromStdString(saved.error().message) << "\n";
        return 1;
    }
    out << path << "\n";
    return 0;
}

} // namespace app
