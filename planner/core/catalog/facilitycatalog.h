// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Building and campus land figures from the catalog. Plain value owned by the Catalog; safe to
// copy and share between threads.

#include "planner/core/catalog/figure.h"

namespace planner {

struct FacilityCatalog
{
    Figure whiteSpaceM2PerRack; // rack footprint with its share of aisles
    Figure supportM2PerMw; // electrical and mechanical rooms per MW of IT
    Figure storeys; // data-hall storeys per building
    Figure generatorYardM2PerUnit; // one generator with its clearances
    Figure substationM2PerMva; // utility substation yard per installed MVA
    Figure heatRejectionM2PerMw; // dry coolers, towers or chillers on the yard, per MW
    Figure siteCoverage; // share of the campus covered by buildings and yards
};

} // namespace planner
