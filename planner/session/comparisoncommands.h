// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The undo facade for the comparison view's choice (planner::SavedComparison): one command per
// change; the document emits comparisonChanged(). GUI thread only.

#include "planner/store/savedcomparison.h"

namespace planner {
class Document;
}

namespace planner::commands {

// Sets what the comparison view shows; false when nothing changes.
bool setComparison(Document &doc, const SavedComparison &choice);

} // namespace planner::commands
