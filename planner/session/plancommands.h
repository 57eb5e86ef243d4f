// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The undo facade for the project's plan (what is built at every site): one command per edit.
// GUI thread only.

#include <QString>

namespace planner {
class Document;
}

namespace planner::commands {

// Replaces the plan (the "plan" object of a plan file, as JSON text); false when unchanged.
bool setPlan(Document &doc, const QString &planJson, const QString &what);

} // namespace planner::commands
