// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The planner's names for the error type shared by the layers (common/expected.h): a value or
// an error a user can act on. The planner returns these instead of throwing, so that no
// exception can escape into Qt's event loop and the CLI can print the message as it is.

#include "common/expected.h"

namespace planner {

using energize::Error;
using energize::ErrorCode;
using energize::Expected;

} // namespace planner
