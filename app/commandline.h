// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Command-line handling shared by main() and the tests: options of the GUI, and the words that
// make Energize run headless (--help, --version, plan). Needs a Q(Core)Application.

#include "common/expected.h"

#include <QCommandLineParser>
#include <QString>

namespace app {

struct LaunchOptions
{
    QString projectPath; // a project file to open, if given
    bool demo = false; // open the bundled demo region
};

// Sets the application name, organisation and version used by QSettings and --version.
void setApplicationIdentity();

// Keeps memory the process frees for its next use instead of handing it back to the system at
// once: a heatmap allocates and frees tens of megabytes of cell buffers per view, and fresh pages
// cost more to fault in than the work on them (glibc: blocks up to 32 MB come from the heap and
// freed ones are kept; elsewhere nothing). The process holds on to its peak use. Called first
// thing in main(), and by the benchmarks of what main() runs.
void keepFreedMemory();

// True when argv asks for something that needs no display (help, version, a sub-command).
bool isHeadlessRequest(int argc, char **argv);

// True for a headless request that paints widgets (the report's charts): it needs a QApplication,
// which the offscreen platform gives without a display.
bool headlessNeedsWidgets(int argc, char **argv);

// Runs a headless request and returns the exit code. Needs a QCoreApplication (a QApplication
// when headlessNeedsWidgets).
int runHeadless(const QStringList &arguments);

// Parses the GUI's options; an error says what is wrong with them.
energize::Expected<LaunchOptions> parseLaunchOptions(const QStringList &arguments);

} // namespace app
