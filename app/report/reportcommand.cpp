// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/reportcommand.h"

#include "app/commandargs.h"
#include "app/headlessproject.h"
#include "app/report/reportdata.h"
#include "app/report/reportwriter.h"
#include "app/scoringmodel.h"
#include "planner/core/evaluation/catalogs.h"
#include "planner/core/site/buildplan.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

namespace app {

namespace {

std::optional<report::Sections> parseSections(const QString &list)
{
    const std::pair<const char *, report::Section> names[] = {
            {"summary", report::Section::Summary},
            {"map", report::Section::Map},
            {"sites", report::Section::Sites},
            {"plans", report::Section::Plans},
            {"assumptions", report::Section::Assumptions}};
    report::Sections out;
    for (const QString &word : list.split(',', Qt::SkipEmptyParts)) {
        bool found = false;
        for (const auto &[name, section] : names) {
            if (word.trimmed() == QLatin1String(name)) {
                out |= section;
                found = true;
            }
        }
        if (!found)
            return std::nullopt;
    }
    return out;
}

} // namespace

int runReportCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const char *usage = "usage: energize report PROJECT.gpkg|--demo --out report.pdf "
                        "[--plans NAME,NAME...] [--paper a4|letter] [--author NAME] "
                        "[--sections summary,map,sites,plans,assumptions]\n";
    CommandArgs parsed;
    if (auto stop = parseCommandArgs({"report",
                                      {"--out", "--plans", "--paper", "--author", "--sections"},
                                      {"--demo"},
                                      true,
                                      usage},
                                     args, out, err, parsed))
        return *stop;
    const QString path = parsed.positional, output = parsed.value("--out"),
                  planList = parsed.value("--plans"), paper = parsed.value("--paper"),
                  sections = parsed.value("--sections");
    const bool demo = parsed.has("--demo");
    report::ReportOptions options;
    options.paper = report::defaultPaper();
    options.author =
            parsed.values.contains("--author") ? parsed.value("--author") : report::defaultAuthor();
    if (output.isEmpty()) {
        err << "energize report: --out FILE.pdf is required\n" << usage;
        return 2;
    }
    if (!paper.isEmpty()) {
        const auto parsed = report::parsePaper(paper);
        if (!parsed) {
            err << "energize report: --paper wants a4 or letter, not '" << paper << "'\n";
            return 2;
        }
        options.paper = *parsed;
    }
    if (!sections.isEmpty()) {
        const auto parsed = parseSections(sections);
        if (!parsed) {
            err << "energize report: --sections takes summary, map, sites, plans and "
                   "assumptions, separated by commas\n";
            return 2;
        }
        options.sections = *parsed;
    }
    // Whether the file can be written is known before minutes of work, not after.
    {
        QSaveFile probe(output);
        if (!probe.open(QIODevice::WriteOnly)) {
            err << "energize report: cannot write "
                << QDir::toNativeSeparators(QFileInfo(output).absoluteFilePath()) << ": "
                << probe.errorString() << "\n";
            return 1;
        }
        probe.cancelWriting();
    }
    auto project = openHeadlessProject("report", path, demo, err);
    if (!project)
        return 1;
    auto catalogs = planner::loadCatalogs(defaultResourcePath("catalog").toStdString());
    if (!catalogs) {
        err << "energize report: " << QString::fromStdString(catalogs.error().message) << "\n";
        return 1;
    }
    if (!planList.isEmpty()) {
        QStringList names;
        for (const planner::BuildPlan &p : project->doc->plans())
            names << QString::fromStdString(p.name);
        options.plans = splitPlanList(planList, names);
    }
    report::ReportSource source;
    source.doc = project->doc.get();
    source.scene = project->layers->scene();
    source.scoring = project->scoring->model();
    source.catalogs = std::make_shared<const planner::Catalogs>(std::move(*catalogs));
    source.projectName = project->doc->displayName();
    source.mapExtent = project->bounds;
    source.attribution = project->attribution;
    err << "energize report: evaluating the plans...\n";
    err.flush();
    const auto data = report::collectReportData(source, options, [&](int done, int total) {
        err << "energize report: evaluated " << done << " of " << total << " steps\n";
        err.flush();
        return true;
    });
    if (!data) {
        err << "energize report: " << QString::fromStdString(data.error().message) << "\n";
        return 1;
    }
    const auto pages = report::writeReport(*data, output, [&](int done, int total) {
        if (done == 1 || done % 10 == 0 || done == total) {
            err << "energize report: page " << done << " of " << total << "\n";
            err.flush();
        }
        return true;
    });
    if (!pages) {
        err << "energize report: cannot write " << QString::fromStdString(pages.error().message)
            << "\n";
        return 1;
    }
    err << "energize report: wrote " << QDir::toNativeSeparators(output) << " (" << *pages
        << " pages)\n";
    return 0;
}

} // namespace app
