// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/evaluation/catalogs.h"

#include "planner/core/catalog/catalogloader.h"
#include "planner/core/catalog/pricecoverage.h"

#include <filesystem>
#include <system_error>

namespace planner {
namespace {

// Loads `dir`/`name` into `slot` when the file exists; notes its absence otherwise.
template<typename T>
std::optional<Error> loadOptional(const std::string &dir, const char *name, const char *what,
                                  std::optional<T> &slot, std::vector<std::string> &absent)
{
    const std::string file = dir + "/" + name;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        absent.push_back(file + " not found: no " + what);
        return std::nullopt;
    }
    Expected<T> loaded = T::load(file);
    if (!loaded)
        return loaded.error();
    slot = std::move(*loaded);
    return std::nullopt;
}

} // namespace

Expected<Catalogs> loadCatalogs(const std::string &dir)
{
    Expected<Catalog> sizing = loadCatalog(dir);
    if (!sizing)
        return sizing.error();
    Catalogs c;
    c.sizing = std::move(*sizing);
    if (auto failed = loadOptional(dir, "schedule.json", "time to power on", c.schedule, c.absent))
        return *failed;
    if (auto failed =
                loadOptional(dir, "economics.json", "cost or cash flow", c.economics, c.absent))
        return *failed;
    if (c.economics) {
        if (std::string unpriced =
                    checkAcceleratorPrices(c.sizing, *c.economics, dir + "/economics.json");
            !unpriced.empty())
            return Error{unpriced};
    }
    return c;
}

} // namespace planner
