// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The undo facade for the project's score settings (planner::ScoringOverrides): each call that
// changes something pushes exactly one command, and the document emits scoringChanged().
// Consecutive changes of the same factor's weight (or of its reach) merge into one undo step,
// as typing into one field does. GUI thread only.

#include "planner/core/site/scoringoverrides.h"

#include <QString>

#include <string>

namespace planner {
class Document;
}

namespace planner::commands {

// factorName: what the undo menu calls the factor ("Change weight of Slope"); empty: its id.

// Sets a factor's weight; false for an invalid id, a weight that is not finite and >= 0, or no
// change.
bool setScoringWeight(Document &doc, const std::string &factorId, double weight,
                      const QString &factorName = {});
// Drops a factor's weight, so the bundled default applies again; false when it had none.
bool clearScoringWeight(Document &doc, const std::string &factorId, const QString &factorName = {});
// Sets a distance factor's reach in km (isValidScoringReach); false for an invalid id or value,
// or no change. Which factors have a reach is the app's to check.
bool setScoringReach(Document &doc, const std::string &factorId, double km,
                     const QString &factorName = {});
// Drops a factor's reach, so the bundled default applies again; false when it had none.
bool clearScoringReach(Document &doc, const std::string &factorId, const QString &factorName = {});
// Sets the interconnection market id ("ercot", "pjm", …); empty: the bundled default.
bool setInterconnectionMarket(Document &doc, const std::string &market);
// Drops every override in one command; false when there were none.
bool resetScoring(Document &doc);

} // namespace planner::commands
