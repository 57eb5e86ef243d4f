// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/savecommand.h"

#include "app/demoproject.h"
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
    QString path;
    bool demo = false;
    for (const QString &a : args) {
        if (a == QLatin1String("--demo"))
            demo = true;
        else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            out << usage;
            return 0;
        } else if (!a.startsWith("--") && path.isEmpty())
            path = a;
        else {
            err << "energize save: unexpected argument '" << a << "'\n" << usage;
            return 2;
        }
    }
    if (!demo || path.isEmpty()) {
        err << "energize save: give --demo and the file to write\n" << usage;
        return 2;
    }
    planner::Document doc;
    DemoRegion region;
    QString error;
    if (!loadDemoRegion(doc, &region, &error)) {
        err << "energize save: " << error << "\n";
        return 1;
    }
    MapLayers layers(&doc);
    layers.waitForLoads();
    ScoringSettings scoring(&doc);
    if (!scoring.isValid()) {
        err << "energize save: " << scoring.error() << "\n";
        return 1;
    }
    auto catalogs = planner::loadCatalogs(defaultResourcePath("catalog").toStdString());
    if (!catalogs) {
        err << "energize save: " << QString::fromStdString(catalogs.error().message) << "\n";
        return 1;
    }
    SiteAnalyzer analyzer(*layers.scene(), scoring.model());
    const auto headlines = planHeadlines(doc, analyzer, *catalogs, scoring.model().market);
    if (!doc.save(path, &error, headlines)) {
        err << "energize save: " << error << "\n";
        return 1;
    }
    out << path << "\n";
    return 0;
}

} // namespace app
