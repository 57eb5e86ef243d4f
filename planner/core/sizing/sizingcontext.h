// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to planner_core: the state one plan() call passes between its sizing steps (racks,
// cooling, electrical, land). Lives on plan()'s stack; never shared between threads.

#include "planner/core/catalog/catalog.h"
#include "planner/core/site/siteconditions.h"
#include "planner/core/sizing/planinput.h"
#include "planner/core/sizing/planresult.h"

namespace planner {

struct SizingContext
{
    const PlanInput &input;
    const SiteConditions &site;
    const Catalog &catalog;
    const AcceleratorSystem &accelerator;
    const CoolingArchitecture &cooling;
    PlanResult &result;

    // UPS and PDU losses per MW of IT, found by the electrical step before cooling is sized.
    double upsPduLossPerIt = 0.0;
    // Cooling electric power at the design hour, and on average over the year, at full IT load.
    double peakCoolingMw = 0.0;
    double averageCoolingMw = 0.0;

    // Records a figure: from the catalog when it has a source, else from the user.
    void use(const char *key, const char *unit, const Figure &figure, Subject subject)
    {
        result.assumptions.push_back({key, unit, figure.value,
                                      figure.source >= 0 ? Origin::Catalog : Origin::UserInput,
                                      figure.source, subject});
    }
    void record(const char *key, const char *unit, double value, Origin origin, Subject subject)
    {
        result.assumptions.push_back({key, unit, value, origin, -1, subject});
    }
};

// The steps, in the order plan() runs them.
void sizeUpsLosses(SizingContext &c);
void sizeCooling(SizingContext &c);
void sizeElectrical(SizingContext &c);
void sizeLand(SizingContext &c);

} // namespace planner
