// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A named build plan of a project: what is built at one site and how. Two plans may share a
// site; a plan whose site is gone (or never given) has siteId 0 and is not evaluated. A plain
// value, copied freely between threads.

#include "planner/core/io/planjson.h"

#include <cstdint>
#include <string>

namespace planner {

struct BuildPlan
{
    std::int64_t id = 0; // unique within a project, never reused
    std::string name;
    std::int64_t siteId = 0; // 0: no site
    PlanSpec spec; // schedule.market empty: the project's interconnection market
};

// Same name, site and spec (compared as the spec's JSON, which holds every field).
inline bool sameBuildPlan(const BuildPlan &a, const BuildPlan &b)
{
    return a.id == b.id && a.name == b.name && a.siteId == b.siteId
            && planSpecToJson(a.spec) == planSpecToJson(b.spec);
}

} // namespace planner
