// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Headless comparison of build plans:
//   energize compare PROJECT.gpkg|--demo [--plans NAME,NAME…] [--baseline NAME] [--csv FILE]
//                    [--json]
// prints the deciding figures side by side (best of each row marked, differences to the
// baseline) and the summary sentences; --csv also writes the table; --json prints it all as
// JSON. An unknown plan name is an error that lists the plans there are.
// Run on the calling thread with a QCoreApplication; results to stdout, errors to stderr.

#include <QStringList>

namespace app {

// args: the words after "compare". Returns the process exit code.
int runCompareCommand(const QStringList &args);

} // namespace app
