// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The undo facade for sites: UI code calls these free functions and never builds undo commands
// itself. Each call that changes something pushes exactly one command on the document's undo
// stack. GUI thread only.

#include "planner/core/site/site.h"

#include <QString>

namespace planner {
class Document;
}

namespace planner::commands {

// Adds a site and returns its id, or 0 (and pushes nothing) when the location is invalid.
std::int64_t addSite(Document &doc, const QString &name, double longitude, double latitude);
// Adds a parcel site from its outline (at least three valid vertices, not closed); returns its
// id, or 0 (and pushes nothing) for an invalid outline.
std::int64_t addParcelSite(Document &doc, const QString &name,
                           const std::vector<GeoPoint> &outline);
// Moves a site (a parcel moves its whole outline by the same offset); false (and nothing
// pushed) for an unknown id, an invalid or unchanged location.
bool moveSite(Document &doc, std::int64_t id, double longitude, double latitude);
// Renames a site; false for an unknown id, an empty or unchanged name.
bool renameSite(Document &doc, std::int64_t id, const QString &name);
// Removes a site; false for an unknown id.
bool removeSite(Document &doc, std::int64_t id);

} // namespace planner::commands
