// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/catalog/pricecoverage.h"

namespace planner {

std::string acceleratorPriceId(std::string_view systemId)
{
    return "accelerator." + std::string(systemId);
}

std::string checkAcceleratorPrices(const Catalog &sizing, const EconomicsCatalog &economics,
                                   std::string_view economicsFile)
{
    const std::string file(economicsFile);
    for (const AcceleratorSystem &a : sizing.accelerators) {
        const std::string id = acceleratorPriceId(a.id);
        const EconomicsEntry *price = economics.find(id);
        const bool perRack = a.acceleratorsPerRack.value <= 0.0;
        if (!price) {
            return file + ": no price for the accelerator system '" + a.id + "' (add an entry '"
                    + id + "' with unit \""
                    + std::string(perRack ? kPricePerRack : kPricePerAccelerator)
                    + "\", a source, a year and a price_year)";
        }
        if (!(price->typical > 0.0))
            return file + ": entry '" + id + "': the price must be greater than zero";
        if (!perRack && price->unit != kPricePerAccelerator)
            return file + ": entry '" + id + "': '" + a.id + "' has "
                    + std::to_string(static_cast<long long>(a.acceleratorsPerRack.value))
                    + " accelerators per rack, so its price must be in USD/accelerator";
        if (perRack && price->unit != kPricePerRack)
            return file + ": entry '" + id + "': '" + a.id
                    + "' has no accelerators, so its price must be in USD/rack";
        if (!price->priceYear)
            return file + ": entry '" + id + "': a price needs its price_year";
    }
    return {};
}

} // namespace planner
