// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/plancommand.h"

#include <QTextStream>

namespace app {

int runPlanCommand(const QStringList &args)
{
    Q_UNUSED(args);
    QTextStream err(stderr);
    err << "energize plan: the planner engine is not built yet in this version\n";
    return 2;
}

} // namespace app
