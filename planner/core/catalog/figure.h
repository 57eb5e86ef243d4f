// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A catalog figure: a number with the index of the reference it comes from. The references
// themselves live once in Catalog::sources, so a Figure is a trivially copyable value that the
// planner can copy into every result without allocating. Safe on any thread.

#include <string>
#include <string_view>

namespace planner {

// Where a figure comes from: a public source and the year the figure refers to.
struct SourceRef
{
    std::string url; // a public URL, or a note when no source could be found
    std::string year; // the year (or range) the figure refers to
    std::string status; // one of kFigureStatuses, or empty for an entry that gives none
    std::string note; // how the figure was read or derived; may be empty
};

// The statuses a figure may carry, in the catalogs and in economics.json: "stated" (the source
// says so), "secondary" (reported by a third party), "derived" (computed from sourced figures,
// the formula in the note; prices derived from cloud list prices are "derived"), "proxy" (a
// figure of something comparable), "assumption" (no public source) and "not verified".
inline constexpr std::string_view kFigureStatuses[] = {"stated", "secondary",  "derived",
                                                       "proxy",  "assumption", "not verified"};
bool isFigureStatus(std::string_view status);
std::string figureStatusList(); // "stated, secondary, …" for messages

struct Figure
{
    double value = 0.0;
    int source = -1; // index into Catalog::sources; -1 only for figures not from the catalog
};

} // namespace planner
