// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `energize layers add PROJECT.gpkg FILE… [--role ROLE] [--field PURPOSE=NAME …] [--layer NAME …]`
// adds layers to a project (made when it does not exist) with the guesses the map makes on
// load, and `energize layers list PROJECT.gpkg [--json]` prints each layer's role, fields,
// coordinate system, size and problems. Needs a QCoreApplication; calling thread only.

#include <QStringList>

namespace app {

int runLayersCommand(const QStringList &args);

} // namespace app
