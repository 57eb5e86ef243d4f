// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The default (or a user's) catalog: accelerator systems, cooling architectures, electrical
// equipment and facility figures, each with its source. Loaded once by loadCatalog() and then
// only read, so one Catalog can be shared by any number of threads planning at the same time.
// Results refer to catalog references by index, so keep the Catalog a result was planned with
// to describe that result's assumptions.

#include "planner/core/catalog/acceleratorsystem.h"
#include "planner/core/catalog/coolingarchitecture.h"
#include "planner/core/catalog/electricalcatalog.h"
#include "planner/core/catalog/facilitycatalog.h"

#include <string_view>
#include <vector>

namespace planner {

struct Catalog
{
    int schemaVersion = 0;
    std::vector<SourceRef> sources; // every reference a Figure points at
    std::vector<AcceleratorSystem> accelerators;
    std::vector<CoolingArchitecture> cooling;
    ElectricalCatalog electrical;
    FacilityCatalog facility;

    const AcceleratorSystem *findAccelerator(std::string_view id) const;
    const CoolingArchitecture *findCooling(std::string_view id) const;
    // The reference of a figure, or nullptr for a figure not from the catalog.
    const SourceRef *sourceOf(const Figure &figure) const;
};

} // namespace planner
