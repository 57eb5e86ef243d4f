// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to planner_core: names shown next to a result's numbers (the accelerator and cooling
// of the plan, and the catalog entry or input an assumption belongs to). Pure; any thread.

#include "planner/core/catalog/catalog.h"
#include "planner/core/sizing/planinput.h"
#include "planner/core/sizing/planresult.h"

#include <string>

namespace planner {

inline const AcceleratorSystem &acceleratorOf(const PlanResult &r, const PlanInput &in,
                                              const Catalog &catalog)
{
    if (r.acceleratorIndex < 0)
        return *in.customAccelerator;
    return catalog.accelerators[static_cast<std::size_t>(r.acceleratorIndex)];
}

inline const CoolingArchitecture &coolingOf(const PlanResult &r, const Catalog &catalog)
{
    return catalog.cooling[static_cast<std::size_t>(r.coolingIndex)];
}

// Where an assumption belongs: "accelerators.json gb200-nvl72", "electrical.json", "site"…
inline std::string subjectLabel(const Assumption &a, const PlanResult &r, const PlanInput &in,
                                const Catalog &catalog)
{
    switch (a.subject) {
    case Subject::Accelerator:
        return r.acceleratorIndex < 0 ? "custom accelerator " + in.customAccelerator->id
                                      : "accelerators.json " + acceleratorOf(r, in, catalog).id;
    case Subject::Cooling:
        return "cooling.json " + coolingOf(r, catalog).id;
    case Subject::LiquidLoop:
        return "cooling.json " + coolingOf(r, catalog).id + " liquid loop";
    case Subject::AirLoop:
        return "cooling.json " + coolingOf(r, catalog).id + " air loop";
    case Subject::Electrical:
        return "electrical.json";
    case Subject::Facility:
        return "facility.json";
    case Subject::Climate:
        return "site climate";
    case Subject::Site:
        return "site";
    case Subject::Plan:
        return "plan";
    }
    return {};
}

} // namespace planner
