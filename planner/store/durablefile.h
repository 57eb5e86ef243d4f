// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Durable replacement of a file by a side file, for crash-safe saves (POSIX):
//   1. the caller writes the side file completely and closes it;
//   2. replaceDurably() flushes the side file to the disk (fsync), renames it over the target
//      (atomic within one file system) and flushes the folder (fsync), so that after a crash
//      or a power loss the target is either the old file or the new one, never a mix.
// The functions are free of state except the test seam below; callable from any thread, with
// one writer per target at a time.

#include "planner/core/common/expected.h"

#include <string>

namespace planner {

// The steps that touch the disk, in the order a save takes them.
enum class DurableStep { CreateSideFile, SyncFile, Rename, SyncFolder };

// Creates (or truncates) an empty side file; the error names the file and the system's reason
// ("Read-only file system", "Permission denied"...).
Expected<bool> createSideFile(const std::string &sidePath);

// Steps 2 of the contract above. On failure the side file is removed and the target is as it
// was (a failed folder flush happens after the rename: the new file is in place but may not
// survive a power loss, which the message says).
Expected<bool> replaceDurably(const std::string &sidePath, const std::string &target);

// Removes the side file and SQLite's journal beside it, if any; never fails.
void removeSideFile(const std::string &sidePath);

// The system's text for an errno value.
std::string systemErrorText(int errnoValue);

// Test seam: the next time `step` runs it fails with errnoValue (e.g. ENOSPC, EROFS, EIO)
// instead of calling the system. 0 clears it. Process-wide; for tests only.
void injectDurableFault(DurableStep step, int errnoValue);

} // namespace planner
