// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commandline.h"

#include "app/comparecommand.h"
#include "app/headroomcommand.h"
#include "app/layerscommand.h"
#include "app/plancommand.h"
#include "app/report/reportcommand.h"
#include "app/savecommand.h"
#include "app/scorecommand.h"

#include <cstdlib>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

namespace app {
namespace {

void addGuiOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
            "main",
            "Energize plans AI data centres: where to build "
            "(grid and land), what to build (racks, power, "
            "cooling) and when it powers on.\n\n"
            "Commands that need no display:\n"
            "  energize plan --input plan.json [--json]   "
            "size a plan and print the result\n"
            "  energize score PROJECT.gpkg|--demo [--site NAME | "
            "--at LON,LAT] [--json]   every factor and the score\n"
            "  energize heatmap PROJECT.gpkg|--demo --out FILE.tif "
            "[--bbox W,S,E,N] [--resolution METRES]   the score "
            "raster\n"
            "  energize compare PROJECT.gpkg|--demo [--plans A,B] "
            "[--baseline A] [--csv FILE] [--json]   build plans "
            "side by side\n"
            "  energize report PROJECT.gpkg|--demo --out FILE.pdf "
            "[--plans A,B] [--paper a4|letter] [--author NAME] "
            "[--sections LIST]   the PDF report\n"
            "  energize save --demo FILE.gpkg   write the demo, "
            "plans included, as a project file\n"
            "  energize headroom CASE.m [--locations FILE] [--bus ID "
            "| --at LON,LAT] [--n1] [--tau 0.05] [--csv FILE]   "
            "load headroom per bus of a MATPOWER grid case\n"
            "  energize layers add PROJECT.gpkg FILE... [--role "
            "ROLE] [--field PURPOSE=NAME]... [--layer NAME]...   add "
            "layers (the project is made if missing)\n"
            "  energize layers list PROJECT.gpkg|--demo [--json]   each "
            "layer's role, fields, CRS, size and problems"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
            {"demo", QCoreApplication::translate("main", "Open the bundled Texas demo region.")});
    parser.addPositionalArgument("project",
                                 QCoreApplication::translate("main", "Project file to open."),
                                 "[project.gpkg]");
}

} // namespace

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName("Energize");
    QCoreApplication::setApplicationName("Energize");
    QCoreApplication::setApplicationVersion(ENERGIZE_VERSION);
}

void keepFreedMemory()
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024); // glibc's largest on 64-bit systems
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
#endif
}

bool isHeadlessRequest(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *a = argv[i];
        if (i == 1
            && (!std::strcmp(a, "plan") || !std::strcmp(a, "score") || !std::strcmp(a, "heatmap")
                || !std::strcmp(a, "save") || !std::strcmp(a, "compare")
                || !std::strcmp(a, "report") || !std::strcmp(a, "headroom")
                || !std::strcmp(a, "layers")))
            return true;
        if (!std::strcmp(a, "--help") || !std::strcmp(a, "-h") || !std::strcmp(a, "--version")
            || !std::strcmp(a, "-v") || !std::strcmp(a, "--help-all"))
            return true;
    }
    return false;
}

bool headlessNeedsWidgets(int argc, char **argv)
{
    return argc > 1 && !std::strcmp(argv[1], "report");
}

int runHeadless(const QStringList &arguments)
{
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("report"))
        return runReportCommand(arguments.mid(2));
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("plan"))
        return runPlanCommand(arguments.mid(2));
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("compare"))
        return runCompareCommand(arguments.mid(2));
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("score"))
        return runScoreCommand(arguments.mid(2));
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("heatmap"))
        return runHeatmapCommand(arguments.mid(2));
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("save"))
        return runSaveCommand(arguments.mid(2));
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("headroom"))
        return runHeadroomCommand(arguments.mid(2));
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("layers"))
        return runLayersCommand(arguments.mid(2));
    QCommandLineParser parser;
    addGuiOptions(parser);
    parser.process(arguments); // prints help or version and exits
    return 0;
}

namespace {

// The arguments less Qt's own options (`-platform offscreen`, `-style fusion`, `-geometry WxH`,
// the ones `--help-all` lists), which QApplication takes out of argv once it is made; they are
// parsed before that, so that bad options are reported without a display.
QStringList withoutQtOptions(const QStringList &arguments)
{
    static const QStringList valued = {"-platform",      "-platformpluginpath",
                                       "-platformtheme", "-plugin",
                                       "-qmljsdebugger", "-qwindowgeometry",
                                       "-geometry",      "-qwindowtitle",
                                       "-title",         "-qwindowicon",
                                       "-icon",          "-display",
                                       "-name",          "-visual",
                                       "-session",       "-style",
                                       "-stylesheet"};
    static const QStringList alone = {"-reverse", "-nograb", "-dograb", "-sync", "-widgetcount"};
    QStringList out;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString a = arguments.at(i);
        if (i > 0 && a.startsWith(QLatin1String("--")))
            a.remove(0, 1); // Qt takes -platform and --platform alike
        const QString name = a.section('=', 0, 0);
        if (i == 0 || !(valued.contains(name) || alone.contains(a)))
            out << arguments.at(i);
        else if (valued.contains(name) && !a.contains('='))
            ++i; // and its value
    }
    return out;
}

} // namespace

energize::Expected<LaunchOptions> parseLaunchOptions(const QStringList &all)
{
    const QStringList arguments = withoutQtOptions(all);
    QCommandLineParser parser;
    addGuiOptions(parser);
    if (!parser.parse(arguments))
        return energize::Error{parser.errorText().toStdString()};
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return energize::Error{
                QCoreApplication::translate("main", "Only one project can be opened.")
                        .toStdString()};
    LaunchOptions options;
    options.projectPath = positional.value(0);
    options.demo = parser.isSet("demo");
    return options;
}

} // namespace app
