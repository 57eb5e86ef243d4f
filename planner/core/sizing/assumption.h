// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One number a plan used, with where it came from. Keys and units are string literals with
// static storage and the source is an index into Catalog::sources, so an Assumption is a small
// trivially copyable value; describe it with the Catalog the plan was made with.

namespace planner {

enum class Origin {
    Catalog, // a catalog entry (source gives the reference)
    UserInput, // the plan input
    Site, // the site conditions
    Derived, // computed by the planner from the others
};

// What the number belongs to; with the PlanInput this names the catalog entry.
enum class Subject {
    Plan, // the plan input itself
    Accelerator, // the accelerator system of the plan
    LiquidLoop, // the liquid loop of the plan's cooling architecture
    AirLoop, // the air loop of the plan's cooling architecture
    Cooling, // the cooling architecture
    Electrical, // electrical.json
    Facility, // facility.json
    Climate, // the site's climate
    Site, // other site conditions
};

struct Assumption
{
    const char *key = ""; // what the number is, e.g. "rack IT power"
    const char *unit = ""; // e.g. "kW"
    double value = 0.0;
    Origin origin = Origin::Catalog;
    int source = -1; // index into Catalog::sources for Origin::Catalog
    Subject subject = Subject::Plan;
};

const char *originName(Origin origin);
const char *subjectName(Subject subject);

} // namespace planner
