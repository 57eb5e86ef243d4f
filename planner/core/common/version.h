// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Version of the planning engine, shared by the GUI, the CLI and saved files. Thread-safe.

namespace planner {

const char *engineVersion();

} // namespace planner
