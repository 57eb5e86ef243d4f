// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Electrical equipment figures from the catalog: ratings, efficiencies and the interconnection
// voltage classes. Plain value owned by the Catalog; safe to copy and share between threads.

#include "planner/core/catalog/figure.h"

#include <string>
#include <vector>

namespace planner {

// A utility interconnection voltage and the largest load it usually serves.
struct VoltageClass
{
    std::string id;
    Figure voltageKv;
    Figure maxLoadMw; // value <= 0 means no upper limit (the highest class)
};

struct ElectricalCatalog
{
    std::vector<Figure> transformerRatingsMva; // standard utility transformer ratings, ascending
    Figure transformerMaxUnitsPerSubstation; // a larger load moves to a larger rating
    Figure transformerLossFraction; // no-load + load losses of the step-down
    Figure powerFactor; // facility power factor at the point of supply
    Figure upsModuleMw;
    Figure upsModulesPerSystem; // modules running in one parallel UPS system (N, spare apart)
    Figure upsEfficiency;
    Figure pduEfficiency;
    Figure generatorUnitMw;
    Figure generatorsPerGroup; // units running on one paralleling bus (N, spare apart)
    Figure mvBlockMva; // one MV/LV unit substation
    Figure campusMvKv; // campus distribution voltage
    std::vector<VoltageClass> voltageClasses; // ascending by voltage
};

} // namespace planner
