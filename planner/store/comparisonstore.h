// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The comparison view's choice in a project file: table energize_comparison (schema 4), one row
// per compared plan, per hidden figure and for the baseline. Internal to the project file's
// functions (projectfile.cpp), on the connection they opened.

#include "planner/core/common/expected.h"
#include "planner/store/savedcomparison.h"

#include <string>
#include <vector>

namespace planner {

class SqliteDatabase;

Expected<bool> writeComparison(SqliteDatabase &db, const SavedComparison &choice);

// Reads what it can: a row of an unknown kind is skipped with a warning.
Expected<SavedComparison> readComparison(SqliteDatabase &db, const std::string &path,
                                         std::vector<std::string> &warnings);

} // namespace planner
