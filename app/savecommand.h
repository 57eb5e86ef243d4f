// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Headless project writing, for scripts and tests:
//   energize save --demo FILE.gpkg
//     writes the bundled demo (layers, sites, build plans) as a project file, with the plans
//     layer's headline figures computed as the app computes them on save.
// Run on the calling thread with a QCoreApplication; the path to stdout, errors to stderr.

#include <QStringList>

namespace app {

// args: the words after "save". Returns the process exit code.
int runSaveCommand(const QStringList &args);

} // namespace app
