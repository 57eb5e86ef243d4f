// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads a whole file a user named (a grid case, a bus-location table, a catalog file) with the
// checks every reader needs first: it exists, it is a regular file (not a folder, a FIFO or a
// symlink loop), and it is not beyond what a planning input can be. Errors start with the path.
// Reentrant, any thread.

#include "planner/core/common/expected.h"

#include <cstddef>
#include <string>

namespace planner {

// The largest file read whole: 512 MiB, ten times the largest published MATPOWER case.
inline constexpr std::size_t kMaxTextFileBytes = std::size_t(512) << 20;

Expected<std::string> readTextFile(const std::string &path,
                                   std::size_t maxBytes = kMaxTextFileBytes);

} // namespace planner
