// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The catalogs one evaluation reads: the sizing catalog (always), and the schedule and
// economics catalogs when their files are in the catalog folder. A missing optional file makes
// that part of the evaluation absent, and `absent` says so; a broken file is an error naming it.
// Loaded once, then immutable: share one instance (e.g. through a shared_ptr<const Catalogs>)
// between threads freely. Results of an evaluation point into it, so it must outlive them.

#include "planner/core/catalog/catalog.h"
#include "planner/core/catalog/economicscatalog.h"
#include "planner/core/catalog/schedulecatalog.h"
#include "planner/core/common/expected.h"

#include <optional>
#include <string>
#include <vector>

namespace planner {

struct Catalogs
{
    Catalog sizing;
    std::optional<ScheduleCatalog> schedule; // none: no time to power on, no date tornado
    std::optional<EconomicsCatalog> economics; // none: no cost, cash flow or TCO tornado
    // One line for each optional part that is absent and why, for the user.
    std::vector<std::string> absent;
};

// Reads `dir`/accelerators.json and the other sizing files, then `dir`/schedule.json and
// `dir`/economics.json if they exist. With economics.json, every accelerator system must have
// its price there (checkAcceleratorPrices); one without is an error naming it.
Expected<Catalogs> loadCatalogs(const std::string &dir);

} // namespace planner
