// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The schedule catalog: durations, lead times, construction rates and bridging-power options,
// each with its source and year (resources/catalog/schedule.json). Loading validates every
// entry and reports the file, the entry and the field at fault. Immutable once loaded; share
// one instance between threads freely.

#include "planner/core/catalog/scheduleentry.h"
#include "planner/core/common/expected.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace planner {

class ScheduleCatalog
{
public:
    ScheduleCatalog() = default;

    // Parses the JSON text of a schedule catalog; `fileName` only labels error messages.
    static Expected<ScheduleCatalog> fromJson(std::string_view text, std::string_view fileName);
    static Expected<ScheduleCatalog> load(const std::filesystem::path &file);

    const std::vector<ScheduleEntry> &entries() const { return m_entries; }
    const std::string &fileName() const { return m_fileName; }

    // Pointers returned below point into this catalog and live as long as it does.
    // nullptr when there is no entry with that id.
    const ScheduleEntry *find(std::string_view id) const;
    // The entry with that id and unit, or an error naming the catalog file and the id.
    Expected<const ScheduleEntry *> require(std::string_view id, std::string_view unit) const;
    // Entries whose id starts with `prefix` (e.g. "interconnection."), in file order.
    std::vector<const ScheduleEntry *> withPrefix(std::string_view prefix) const;

private:
    std::vector<ScheduleEntry> m_entries;
    std::string m_fileName;
};

} // namespace planner
