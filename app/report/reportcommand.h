// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Headless PDF report:
//   energize report PROJECT.gpkg|--demo --out report.pdf [--plans NAME,NAME…]
//                   [--paper a4|letter] [--author NAME] [--sections LIST]
// writes the same report as File ▸ Export ▸ PDF Report…, printing progress to stderr. Needs a
// QApplication (the charts are the app's widgets), on the offscreen platform when none is set.
// Exits non-zero with a message naming the path when the file cannot be written, and with the
// list of plans when a name is unknown.

#include <QStringList>

namespace app {

// args: the words after "report". Returns the process exit code.
int runReportCommand(const QStringList &args);

} // namespace app
