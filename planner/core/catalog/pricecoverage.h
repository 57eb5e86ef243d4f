// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The cross-check between the sizing catalog and the economics catalog: every accelerator
// system has a price ("accelerator.<system id>" in economics.json), per accelerator, or per rack
// for a rack without accelerators. A system without a price would cost nothing per
// accelerator-hour, so it is an error when the catalogs are loaded, not a silent zero.
// Pure function of its arguments; any thread.

#include "planner/core/catalog/catalog.h"
#include "planner/core/catalog/economicscatalog.h"

#include <string>
#include <string_view>

namespace planner {

// The id of the price entry of an accelerator system.
std::string acceleratorPriceId(std::string_view systemId);

// Empty when every system of `sizing` is priced in `economics`; otherwise a message naming the
// first system without a (usable) price and what to add to `economicsFile`.
std::string checkAcceleratorPrices(const Catalog &sizing, const EconomicsCatalog &economics,
                                   std::string_view economicsFile);

} // namespace planner
