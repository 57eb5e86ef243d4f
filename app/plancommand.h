// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `energize plan --input plan.json [--json]`: the headless planner. Runs on the calling thread,
// needs only a QCoreApplication, and writes results to stdout and errors to stderr.

#include <QStringList>

namespace app {

// args are the words after "plan". Returns the process exit code.
int runPlanCommand(const QStringList &args);

} // namespace app
