// SPDX-License-Identifier: GPL-3.0-or-later
// The catalog reader (energize plan --catalog DIR, the app's catalogs): the first byte picks
// which of the four files the rest replaces; the other three are the bundled ones.

#include "planner/core/catalog/catalogloader.h"

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

const char *const kFiles[] = {"accelerators.json", "cooling.json", "electrical.json",
                              "facility.json"};

std::vector<planner::CatalogFile> bundled()
{
    std::vector<planner::CatalogFile> files;
    for (const char *name : kFiles) {
        std::ifstream in(std::string(ENERGIZE_SOURCE_DIR) + "/resources/catalog/" + name);
        std::ostringstream text;
        text << in.rdbuf();
        files.push_back({name, text.str()});
    }
    return files;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const std::vector<planner::CatalogFile> good = bundled();
    if (size == 0)
        return 0;
    std::vector<planner::CatalogFile> files = good;
    files[data[0] % files.size()].text.assign(reinterpret_cast<const char *>(data + 1), size - 1);
    (void)planner::parseCatalog(files);
    return 0;
}
