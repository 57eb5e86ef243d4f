// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The plan file format (see resources/examples/plan-100mw.json) and the two ways a result is
// printed: JSON for programs and an aligned text table for people. Used by the headless
// `energize plan` command and by tests; pure functions, safe on any thread.

#include "planner/core/catalog/catalog.h"
#include "planner/core/common/expected.h"
#include "planner/core/economics/economics.h"
#include "planner/core/schedule/scheduleunits.h"
#include "planner/core/site/siteconditions.h"
#include "planner/core/sizing/planinput.h"
#include "planner/core/sizing/planresult.h"

#include <optional>
#include <string>

namespace planner {

// The optional "schedule" section: which interconnection queue, when the project starts and
// which bridging power, if any.
struct ScheduleRequest
{
    std::string market = "generic";
    std::optional<YearMonth> start; // none: the current month
    std::string bridging; // empty: none
};

// What is built and how, without the site: the "plan" object of a plan file with its
// "schedule" and "economics" sections inside it, as a project's build plan holds it.
struct PlanSpec
{
    PlanInput input;
    // The market stays empty unless the plan names one.
    ScheduleRequest schedule{.market = "", .start = std::nullopt, .bridging = ""};
    EconomicsInputs economics;
};

struct PlanRequest
{
    PlanInput input;
    SiteConditions site; // with the optional "grid_headroom" section of the site
    ScheduleRequest schedule;
    EconomicsInputs economics; // the optional "economics" section
};

// Parses a plan file. Errors name the field by its path, e.g. "plan.redundancy.ups: …".
Expected<PlanRequest> parsePlanRequest(const std::string &jsonText);

// Parses a plan object with optional "schedule" and "economics" keys inside it, with the same
// checks and field paths as parsePlanRequest ("plan.redundancy.ups: …", "schedule.start: …").
// A schedule without a market leaves it empty (the project's market applies).
Expected<PlanSpec> parsePlanSpec(const std::string &jsonText);

// The inverse: the plan object with its schedule and economics sections, as compact JSON that
// parsePlanSpec reads back to the same values. Unset optional fields are left out.
std::string planSpecToJson(const PlanSpec &spec);

// The result with its inputs' names and every assumption with its source, as JSON.
std::string planResultToJson(const PlanResult &result, const PlanInput &input,
                             const Catalog &catalog);

// The same, as a table for a terminal.
std::string planResultToTable(const PlanResult &result, const PlanInput &input,
                              const Catalog &catalog);

} // namespace planner
