// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/economicscatalog.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

namespace planner {

Expected<EconomicsCatalog> EconomicsCatalog::fromJson(std::string_view text,
                                                      std::string_view fileName)
{
    const std::string file(fileName);
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception &e) {
        return Error{file + ": not valid JSON (" + e.what() + ")"};
    }
    if (!doc.is_object() || doc.value("kind", "") != "economics")
        return Error{file + ": not an economics catalog (\"kind\": \"economics\" expected)"};
    if (doc.value("schema_version", 0) != 1)
        return Error{file + ": unsupported schema_version (this version reads 1)"};
    if (!doc.contains("entries") || !doc["entries"].is_array())
        return Error{file + ": \"entries\" must be a list"};
    EconomicsCatalog catalog;
    for (const auto &e : doc["entries"]) {
        const std::string id = e.is_object() ? e.value("id", "") : "";
        const std::string where = file + ": entry '" + id + "'";
        if (id.empty())
            return Error{file + ": an entry has no \"id\""};
        if (catalog.find(id))
            return Error{where + ": the id is used twice"};
        auto number = [&](const char *key) -> std::optional<double> {
            if (!e.contains(key))
                return std::nullopt;
            if (!e[key].is_number() || !std::isfinite(e[key].get<double>()))
                return std::nullopt;
            return e[key].get<double>();
        };
        if (!number("typical"))
            return Error{where + ": field 'typical' is missing or not a number"};
        for (const char *key : {"min", "max"}) {
            if (e.contains(key) && !number(key))
                return Error{where + ": field '" + key + "' is not a number"};
        }
        for (const char *key : {"unit", "source", "year"}) {
            if (!e.contains(key) || !e[key].is_string() || e[key].get<std::string>().empty())
                return Error{where + ": field '" + key + "' is missing"};
        }
        EconomicsEntry entry;
        entry.id = id;
        entry.name = e.value("name", id);
        entry.typical = *number("typical");
        entry.min = number("min").value_or(entry.typical);
        entry.max = number("max").value_or(entry.typical);
        if (!(entry.min <= entry.typical && entry.typical <= entry.max))
            return Error{where + ": min ≤ typical ≤ max does not hold"};
        entry.unit = e["unit"].get<std::string>();
        entry.source = e["source"].get<std::string>();
        entry.year = e["year"].get<std::string>();
        entry.status = e.value("status", "");
        catalog.m_entries.push_back(std::move(entry));
    }
    return catalog;
}

Expected<EconomicsCatalog> EconomicsCatalog::load(const std::filesystem::path &file)
{
    std::ifstream in(file);
    if (!in)
        return Error{file.string() + ": cannot be read"};
    std::ostringstream text;
    text << in.rdbuf();
    return fromJson(text.str(), file.filename().string());
}

const EconomicsEntry *EconomicsCatalog::find(std::string_view id) const
{
    for (const EconomicsEntry &e : m_entries) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

} // namespace planner
