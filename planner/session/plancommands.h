// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The undo facade for the project's named build plans: each call that changes something pushes
// exactly one command, and the document emits the matching plan signal. GUI thread only.

#include "planner/core/site/buildplan.h"

#include <QString>

#include <cstdint>

namespace planner {
class Document;
}

namespace planner::commands {

// The first of "Plan A", "Plan B", … that no plan of doc is called.
QString unusedPlanName(const Document &doc);

// Appends a plan; returns its id (never 0). siteId 0: no site yet.
std::int64_t addPlan(Document &doc, const QString &name, std::int64_t siteId, const PlanSpec &spec);
// Inserts "Copy of <name>" after the plan, same site and spec; its id, or 0 when there is no
// such plan.
std::int64_t duplicatePlan(Document &doc, std::int64_t id);
// False for an unknown plan, an empty name (after trimming), a name another plan has (plans are
// chosen by name in the comparison and on the command line) or no change. The saved comparison
// choice follows the new name in the same undo step.
bool renamePlan(Document &doc, std::int64_t id, const QString &name);
// The plan leaves the saved comparison choice in the same undo step; a choice left with fewer
// than two plans becomes the view's defaults, a lost baseline the first plan.
bool removePlan(Document &doc, std::int64_t id);
// Moves the plan to index (clamped to the list); false when it does not move.
bool movePlan(Document &doc, std::int64_t id, int index);
// Puts the plan at another site (0: none); false for an unknown plan or no change.
bool setPlanSite(Document &doc, std::int64_t id, std::int64_t siteId);
// Replaces what the plan builds by specJson (a plan object with its "schedule" and "economics"
// sections, see planjson.h). A bad value changes nothing and sets errorMessage to the parser's
// message naming the field ("plan.redundancy.ups: …"). False also when nothing changes.
bool setPlanSpec(Document &doc, std::int64_t id, const QString &specJson, const QString &what,
                 QString *errorMessage = nullptr);

} // namespace planner::commands
