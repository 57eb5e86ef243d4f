// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/common/version.h"

namespace planner {

const char *engineVersion()
{
    return ENERGIZE_VERSION;
}

} // namespace planner
