// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Headless grid headroom (planner::HeadroomStudy, definition in planner/core/grid/headroom.h):
//   energize headroom CASE.m [--locations FILE] [--bus ID | --at LON,LAT] [--n1] [--tau 0.05]
//                    [--csv FILE]
// prints, for one bus or every bus, the extra load the grid can serve there: bus, name, kV,
// N MW, N-1 MW (with --n1), and what binds (the branch at its rating and the outage, named by
// bus names and kV; or the island's spare generation). Below the table: the splitting outages
// skipped under N-1 and the pre-existing overloads, which are listed and not counted. --at picks
// the placed bus nearest to a point (great-circle distance) from the --locations table (columns
// bus, lat, lon). --csv writes one row per bus with the columns
//   bus,name,kv,headroom_n_mw,headroom_n1_mw,binding_branch,binding_outage
// (inf where nothing limits; headroom_n1_mw empty without --n1; binding_* describe the N-1
// figure with --n1, else the N figure; binding_branch is "generation" when the island's spare
// capacity binds and "not servable" for an isolated bus or one without spare generation).
// Runs on the calling thread with a QCoreApplication; results to stdout, errors to stderr.

#include <QStringList>

namespace app {

// args: the words after "headroom". Returns the process exit code (2: bad arguments, 1: a
// file or a case that cannot be used).
int runHeadroomCommand(const QStringList &args);

} // namespace app
