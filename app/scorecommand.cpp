// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/scorecommand.h"

#include "app/commandargs.h"
#include "app/headlessproject.h"
#include "app/maplayers.h"
#include "app/scoreraster.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "planner/session/document.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

namespace app {

namespace {

QJsonValue number(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

} // namespace

int runScoreCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const char *usage = "usage: energize score PROJECT.gpkg|--demo [--site NAME | --at LON,LAT] "
                        "[--json]\n";
    CommandArgs parsed;
    if (auto stop =
                parseCommandArgs({"score", {"--site", "--at"}, {"--demo", "--json"}, true, usage},
                                 args, out, err, parsed))
        return *stop;
    const QString path = parsed.positional, siteName = parsed.value("--site"),
                  at = parsed.value("--at");
    const bool demo = parsed.has("--demo"), json = parsed.has("--json");
    auto project = openHeadlessProject("score", path, demo, err);
    if (!project)
        return 1;
    struct Place
    {
        QString name;
        double lon, lat;
        std::vector<planner::GeoPoint> outline;
    };
    std::vector<Place> places;
    if (!at.isEmpty()) {
        const QStringList parts = at.split(',');
        bool ok1 = false, ok2 = false;
        const double lon = parts.value(0).toDouble(&ok1), lat = parts.value(1).toDouble(&ok2);
        if (parts.size() != 2 || !ok1 || !ok2 || !std::isfinite(lon) || !std::isfinite(lat)
            || std::abs(lat) > 90.0 || std::abs(lon) > 180.0) {
            err << "energize score: --at wants LON,LAT in degrees, e.g. --at -99.5,31.2\n";
            return 2;
        }
        places.push_back({QStringLiteral("%1,%2").arg(lon).arg(lat), lon, lat, {}});
    } else {
        QStringList names;
        for (const planner::Site &s : project->doc->sites()) {
            names << QString::fromStdString(s.name);
            if (siteName.isEmpty() || QString::fromStdString(s.name) == siteName)
                places.push_back(
                        {QString::fromStdString(s.name), s.longitude, s.latitude, s.outline});
        }
        if (places.empty()) {
            err << "energize score: "
                << (siteName.isEmpty() ? QStringLiteral("the project has no sites")
                                       : QStringLiteral("no site '%1'; the sites are: %2")
                                                 .arg(siteName, names.join(", ")))
                << "\n";
            return 1;
        }
    }
    SiteAnalyzer analyzer(*project->layers->scene(), project->scoring->model());
    QJsonArray results;
    for (const Place &place : places) {
        const SiteAnalysis a = analyzer.analyze(place.name, place.lon, place.lat, place.outline);
        const ui::ScoreBreakdown &b = a.breakdown;
        const std::optional<double> score =
                a.score.score ? std::optional<double>(*a.score.score * 100.0) : std::nullopt;
        if (json) {
            QJsonArray factors;
            for (std::size_t i = 0; i < a.score.factors.size(); ++i) {
                const planner::FactorScore &s = a.score.factors[i];
                const ui::FactorRow &row = b.rows.at(qsizetype(i));
                factors.append(QJsonObject{
                        {"id", QString::fromStdString(analyzer.scoreModel().factors[i].id)},
                        {"name", row.factor},
                        {"value", number(s.value)},
                        {"unit", QString::fromStdString(analyzer.scoreModel().factors[i].unit)},
                        {"detail", row.value},
                        {"layer", row.source},
                        {"weight_share", s.weightShare},
                        {"normalised", number(s.normalised)},
                        {"contribution", number(s.contribution)},
                        {"excludes", s.excludes},
                        {"beyond_reach", s.beyondReach},
                        {"reason", row.reason}});
            }
            results.append(
                    QJsonObject{{"site", place.name},
                                {"longitude", place.lon},
                                {"latitude", place.lat},
                                {"score", number(score)},
                                {"excluded", a.score.excluded},
                                {"flood_zone_excludes", a.score.floodExcludes},
                                {"exclusions", QJsonArray::fromStringList(b.exclusionReasons)},
                                {"factors", factors}});
            continue;
        }
        out << place.name
            << QStringLiteral("  (%1, %2)\n").arg(place.lon, 0, 'f', 5).arg(place.lat, 0, 'f', 5);
        for (const ui::FactorRow &row : b.rows) {
            out << QStringLiteral("  %1  %2  weight %3 %  contribution %4%5\n")
                            .arg(row.factor, -28)
                            .arg(row.value, -40)
                            .arg(row.weightShare * 100.0, 5, 'f', 1)
                            .arg(row.contribution
                                         ? QString::number(*row.contribution * 100.0, 'f', 2)
                                         : QStringLiteral("-"))
                            .arg(row.excludes ? QStringLiteral("  EXCLUDES: ") + row.reason
                                              : QString());
            if (!row.source.isEmpty())
                out << "      layer: " << row.source << "\n";
        }
        out << "  score: "
            << (b.excluded      ? QStringLiteral("excluded (%1)").arg(b.exclusionReasons.join("; "))
                        : score ? QString::number(*score, 'f', 2) + " / 100"
                                : QStringLiteral("no score (a weighted factor has no data)"))
            << "\n";
    }
    if (json)
        out << QJsonDocument(results.size() == 1 && !at.isEmpty()
                                     ? QJsonDocument(results.first().toObject())
                                     : QJsonDocument(results))
                        .toJson(QJsonDocument::Indented);
    return 0;
}

int runHeatmapCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const char *usage = "usage: energize heatmap PROJECT.gpkg|--demo --out scores.tif "
                        "[--bbox W,S,E,N] [--resolution METRES]\n";
    CommandArgs parsed;
    if (auto stop = parseCommandArgs(
                {"heatmap", {"--out", "--bbox", "--resolution"}, {"--demo"}, true, usage}, args,
                out, err, parsed))
        return *stop;
    const QString path = parsed.positional, output = parsed.value("--out"),
                  bbox = parsed.value("--bbox"), resolution = parsed.value("--resolution");
    const bool demo = parsed.has("--demo");
    if (output.isEmpty()) {
        err << "energize heatmap: --out FILE.tif is required\n" << usage;
        return 2;
    }
    std::optional<double> metres;
    if (!resolution.isEmpty()) {
        bool ok = false;
        metres = resolution.toDouble(&ok);
        if (!ok || !(*metres > 0.0) || !std::isfinite(*metres)) {
            err << "energize heatmap: --resolution wants a cell size in metres, e.g. 500\n";
            return 2;
        }
    }
    auto project = openHeadlessProject("heatmap", path, demo, err);
    if (!project)
        return 1;
    ui::GeoRect box = project->bounds;
    if (!bbox.isEmpty()) {
        const QStringList p = bbox.split(',');
        bool ok[4] = {};
        for (int k = 0; k < 4; ++k)
            (void)p.value(k).toDouble(&ok[k]);
        if (p.size() != 4 || !ok[0] || !ok[1] || !ok[2] || !ok[3]) {
            err << "energize heatmap: --bbox wants W,S,E,N in degrees, e.g. "
                   "--bbox -100,30,-98,32\n";
            return 2;
        }
        box = {p[0].toDouble(), p[1].toDouble(), p[2].toDouble(), p[3].toDouble()};
    } else if (!box.isValid()) {
        // The extent of the vector layers.
        box = {INFINITY, INFINITY, -INFINITY, -INFINITY};
        for (const MapScene::Entry &e : project->layers->scene()->entries) {
            if (!e.layer->vector || !e.layer->vector->isValid())
                continue;
            for (const maps::LonLat &v : e.layer->vector->features().vertices) {
                box.west = std::min(box.west, v.lon);
                box.east = std::max(box.east, v.lon);
                box.south = std::min(box.south, v.lat);
                box.north = std::max(box.north, v.lat);
            }
        }
        if (!box.isValid()) {
            err << "energize heatmap: the project has no vector layer to take an extent from: "
                   "give --bbox W,S,E,N\n";
            return 2;
        }
    }
    auto grid =
            regionGrid(*project->layers->scene(), box.west, box.south, box.east, box.north, metres);
    if (!grid) {
        err << "energize heatmap: " << maps::errorText(grid.error()) << "\n";
        return 1;
    }
    err << QStringLiteral("energize heatmap: %1 x %2 cells\n").arg(grid->width).arg(grid->height);
    maps::RasterJobControl control;
    int shown = -1;
    control.progress = [&](double fraction) {
        const int percent = int(fraction * 100.0);
        if (percent / 10 > shown / 10) {
            shown = percent;
            err << QStringLiteral("\rscoring %1 %").arg(percent, 3) << Qt::flush;
        }
    };
    auto scores = scoreRaster(*project->layers->scene(), project->scoring->model(), *grid, control);
    err << (scores ? QStringLiteral("\rscoring 100 %\n") : QStringLiteral("\n"));
    if (!scores) {
        err << "energize heatmap: " << maps::errorText(scores.error()) << "\n";
        return 1;
    }
    if (auto written = writeScoreCog(*scores, output); !written) {
        err << "energize heatmap: " << maps::errorText(written.error()) << "\n";
        return 1;
    }
    out << output << "\n";
    return 0;
}

} // namespace app
