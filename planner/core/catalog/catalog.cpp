// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/catalog/catalog.h"

namespace planner {

const AcceleratorSystem *Catalog::findAccelerator(std::string_view id) const
{
    for (const AcceleratorSystem &a : accelerators) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

const CoolingArchitecture *Catalog::findCooling(std::string_view id) const
{
    for (const CoolingArchitecture &c : cooling) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

const SourceRef *Catalog::sourceOf(const Figure &figure) const
{
    if (figure.source < 0 || figure.source >= static_cast<int>(sources.size()))
        return nullptr;
    return &sources[static_cast<std::size_t>(figure.source)];
}

} // namespace planner

namespace planner {

bool isModelClass(std::string_view modelClass)
{
    for (std::string_view c : kModelClasses) {
        if (c == modelClass)
            return true;
    }
    return false;
}

const ModelThroughput *AcceleratorSystem::throughputFor(std::string_view modelClass) const
{
    for (const ModelThroughput &t : throughput) {
        if (t.modelClass == modelClass)
            return &t;
    }
    return nullptr;
}

} // namespace planner
