// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/catalog/schedulecatalog.h"
#include "planner/core/common/textfile.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

namespace planner {

namespace {

using nlohmann::json;

constexpr int kSchemaVersion = 1;
constexpr std::array kUnits{"months", "km/month", "USD/kW", "ratio"};
constexpr std::array kStatuses{"stated", "secondary", "derived", "proxy", "assumption"};

template<typename Container>
bool contains(const Container &values, const std::string &s)
{
    for (const auto &v : values) {
        if (s == v) {
            return true;
        }
    }
    return false;
}

class ScheduleFieldReader
{
public:
    ScheduleFieldReader(const json &object, std::string file, std::size_t index)
        : m_object(object), m_file(std::move(file))
    {
        // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "'" + string + "'".
        if (const auto it = object.find("id"); it != object.end() && it->is_string()) {
            m_label.append(1, '\'').append(it->get_ref<const std::string &>()).append(1, '\'');
        } else {
            m_label.append(1, '#').append(std::to_string(index + 1));
        }
    }

    Error error(std::string_view field, std::string_view problem) const
    {
        return Error{m_file + ": entry " + m_label + ", field '" + std::string(field)
                     + "': " + std::string(problem)};
    }

    bool has(const char *field) const { return m_object.contains(field); }

    Expected<std::string> text(const char *field, bool required) const
    {
        const auto it = m_object.find(field);
        if (it == m_object.end()) {
            if (required) {
                return error(field, "missing; add a non-empty string");
            }
            return std::string();
        }
        if (!it->is_string() || it->get<std::string>().empty()) {
            return error(field, "must be a non-empty string");
        }
        return it->get<std::string>();
    }

    Expected<double> number(const char *field) const
    {
        const auto it = m_object.find(field);
        if (it == m_object.end()) {
            return error(field, "missing; add a number");
        }
        if (!it->is_number() || !std::isfinite(it->get<double>())) {
            return error(field, "must be a finite number");
        }
        return it->get<double>();
    }

private:
    const json &m_object;
    std::string m_file;
    std::string m_label;
};

Expected<ScheduleEntry> readEntry(const ScheduleFieldReader &r)
{
    ScheduleEntry e;
    struct TextField
    {
        const char *field;
        std::string *target;
        bool required;
    };
    const std::array texts{TextField{"id", &e.id, true},     TextField{"name", &e.name, true},
                           TextField{"unit", &e.unit, true}, TextField{"source", &e.source, true},
                           TextField{"year", &e.year, true}, TextField{"status", &e.status, false},
                           TextField{"note", &e.note, false}};
    for (const auto &[field, target, required] : texts) {
        auto value = r.text(field, required);
        if (!value) {
            return value.error();
        }
        *target = std::move(*value);
    }
    if (!contains(kUnits, e.unit)) {
        return r.error("unit", "'" + e.unit + "' is not one of months, km/month, USD/kW, ratio");
    }
    if (!e.status.empty() && !contains(kStatuses, e.status)) {
        return r.error("status",
                       "'" + e.status
                               + "' is not one of stated, secondary, derived, proxy, assumption");
    }
    const std::array numbers{std::pair{"min", &e.value.min}, std::pair{"typical", &e.value.typical},
                             std::pair{"max", &e.value.max}};
    for (const auto &[field, target] : numbers) {
        auto value = r.number(field);
        if (!value) {
            return value.error();
        }
        if (*value < 0.0) {
            return r.error(field, "must not be negative");
        }
        *target = *value;
    }
    if (!e.value.ordered()) {
        return r.error("typical", "min <= typical <= max does not hold");
    }
    if (e.unit == "km/month" && e.value.min <= 0.0) {
        return r.error("min", "a construction rate must be above zero");
    }
    auto distribution = r.text("distribution", true);
    if (!distribution) {
        return distribution.error();
    }
    if (*distribution == "triangular") {
        e.distribution = Distribution::Triangular;
    } else if (*distribution == "lognormal") {
        e.distribution = Distribution::Lognormal;
        if (!(e.value.min < e.value.typical && e.value.typical < e.value.max)) {
            return r.error("distribution",
                           "lognormal needs min < typical < max; use triangular for this entry");
        }
    } else {
        return r.error("distribution", "'" + *distribution + "' is not triangular or lognormal");
    }
    const std::array optionals{std::pair{"kv", &e.kv}, std::pair{"it_mw_min", &e.itMwMin},
                               std::pair{"it_mw_max", &e.itMwMax}};
    for (const auto &[field, target] : optionals) {
        if (r.has(field)) {
            auto value = r.number(field);
            if (!value) {
                return value.error();
            }
            *target = *value;
        }
    }
    return e;
}

std::optional<Error> parseDocument(const json &doc, const std::string &file,
                                   std::vector<ScheduleEntry> &out)
{
    if (!doc.is_object()) {
        return Error{file + ": the top level must be a JSON object"};
    }
    const auto version = doc.find("schema_version");
    if (version == doc.end() || !version->is_number_integer()
        || version->get<int>() != kSchemaVersion) {
        return Error{file + ": field 'schema_version' must be " + std::to_string(kSchemaVersion)
                     + "; this file was written by another version of Energize"};
    }
    const auto kind = doc.find("kind");
    if (kind == doc.end() || !kind->is_string() || kind->get<std::string>() != "schedule") {
        return Error{file + ": field 'kind' must be \"schedule\"; is this the right catalog?"};
    }
    const auto entries = doc.find("entries");
    if (entries == doc.end() || !entries->is_array()) {
        return Error{file + ": field 'entries' must be an array"};
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < entries->size(); ++i) {
        const json &item = (*entries)[i];
        if (!item.is_object()) {
            return Error{file + ": entry #" + std::to_string(i + 1) + " is not a JSON object"};
        }
        auto entry = readEntry(ScheduleFieldReader(item, file, i));
        if (!entry) {
            return entry.error();
        }
        if (!ids.insert(entry->id).second) {
            return Error{file + ": entry '" + entry->id + "', field 'id': used twice"};
        }
        out.push_back(std::move(*entry));
    }
    return std::nullopt;
}

} // namespace

Expected<ScheduleCatalog> ScheduleCatalog::fromJson(std::string_view text,
                                                    std::string_view fileName)
{
    const std::string file(fileName);
    try {
        const json doc = json::parse(text);
        std::vector<ScheduleEntry> entries;
        if (auto failure = parseDocument(doc, file, entries)) {
            return *failure;
        }
        ScheduleCatalog catalog;
        catalog.m_entries = std::move(entries);
        catalog.m_fileName = file;
        return catalog;
    } catch (const json::exception &e) {
        return Error{file + ": not valid JSON (" + e.what() + ")"};
    }
}

Expected<ScheduleCatalog> ScheduleCatalog::load(const std::filesystem::path &file)
{
    const Expected<std::string> text = readTextFile(file.string());
    if (!text)
        return text.error();
    return fromJson(*text, file.filename().string());
}

const ScheduleEntry *ScheduleCatalog::find(std::string_view id) const
{
    for (const ScheduleEntry &e : m_entries) {
        if (e.id == id) {
            return &e;
        }
    }
    return nullptr;
}

Expected<const ScheduleEntry *> ScheduleCatalog::require(std::string_view id,
                                                         std::string_view unit) const
{
    const ScheduleEntry *e = find(id);
    const std::string file = m_fileName.empty() ? std::string("schedule catalog") : m_fileName;
    if (!e) {
        return Error{file + ": no entry '" + std::string(id) + "'; add it to the catalog"};
    }
    if (e->unit != unit) {
        return Error{file + ": entry '" + e->id + "', field 'unit': expected '" + std::string(unit)
                     + "', found '" + e->unit + "'"};
    }
    return e;
}

std::vector<const ScheduleEntry *> ScheduleCatalog::withPrefix(std::string_view prefix) const
{
    std::vector<const ScheduleEntry *> out;
    for (const ScheduleEntry &e : m_entries) {
        if (std::string_view(e.id).starts_with(prefix)) {
            out.push_back(&e);
        }
    }
    return out;
}

} // namespace planner
