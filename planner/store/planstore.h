// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The build plans of a project file: tables energize_plans and energize_plan_phases (schema 3),
// the `plans` feature layer of headline results, and the single plan of older files. Internal
// to the project file's functions (projectfile.cpp), on the connection they opened.

#include "planner/core/common/expected.h"
#include "planner/core/site/buildplan.h"
#include "planner/core/site/planheadline.h"
#include "planner/core/site/site.h"

#include <string>
#include <vector>

namespace planner {

class SqliteDatabase;

Expected<bool> writePlans(SqliteDatabase &db, const std::vector<BuildPlan> &plans);

// One point per plan at its site (no geometry when it has none) with the plan's headline, NULL
// where the headline (matched by plan id) has no figure or is not given.
Expected<bool> writePlansLayer(SqliteDatabase &db, const std::vector<BuildPlan> &plans,
                               const std::vector<Site> &sites,
                               const std::vector<PlanHeadline> &headlines);

// Reads what it can: a plan with a bad value is left out with a warning naming the plan and
// the field; the rest of the project still opens.
Expected<std::vector<BuildPlan>> readPlans(SqliteDatabase &db, const std::string &path,
                                           std::vector<std::string> &warnings);

// The single plan of a file before schema 3 (the "plan" object JSON kept in energize_meta) as
// the project's one named plan, "Plan A" at its first site (siteId 0 when it has none). None
// when the file had no plan (the app's default plan applied) or it cannot be read (warning).
std::optional<BuildPlan> legacyPlan(const std::string &planJson, std::int64_t firstSiteId,
                                    std::vector<std::string> &warnings);

} // namespace planner
