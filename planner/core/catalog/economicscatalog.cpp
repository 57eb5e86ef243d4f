// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/catalog/economicscatalog.h"
#include "planner/core/common/textfile.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <iterator>
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
    const int version = doc.value("schema_version", 0);
    if (version != 1 && version != 2)
        return Error{file + ": unsupported schema_version " + std::to_string(version)
                     + " (this version reads 1 and 2; a newer Energize may have written it)"};
    if (!doc.contains("entries") || !doc["entries"].is_array())
        return Error{file + ": \"entries\" must be a list"};
    EconomicsCatalog catalog;
    if (doc.contains("escalation")) {
        const auto &esc = doc["escalation"];
        if (!esc.is_object() || !esc.contains("index") || !esc["index"].is_object())
            return Error{file + ": \"escalation\" needs an \"index\" of year: value"};
        catalog.m_escalation.name = esc.value("name", "price index");
        catalog.m_escalation.source = esc.value("source", "");
        for (const auto &[key, value] : esc["index"].items()) {
            int year = 0;
            std::size_t used = 0;
            try {
                year = std::stoi(key, &used);
            } catch (const std::exception &) {
                used = 0;
            }
            if (used == 0 || used != key.size())
                return Error{file + ": escalation index: '" + key + "' is not a year"};
            if (!value.is_number() || !(value.get<double>() > 0.0))
                return Error{file + ": escalation index " + key + ": needs a positive number"};
            catalog.m_escalation.values[year] = value.get<double>();
        }
        catalog.m_escalation.defaultPriceYear = esc.value(
                "default_price_year",
                catalog.m_escalation.values.empty() ? 0
                                                    : catalog.m_escalation.values.rbegin()->first);
    }
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
        if (!entry.status.empty() && !isFigureStatus(entry.status))
            return Error{where + ": status '" + entry.status + "' is not one of "
                         + figureStatusList()};
        entry.note = e.contains("note") && e["note"].is_string() ? e["note"].get<std::string>()
                                                                 : std::string();
        if (id.rfind("accelerator.", 0) == 0 && entry.unit != kPricePerAccelerator
            && entry.unit != kPricePerRack)
            return Error{where + ": unit '" + entry.unit
                         + "' must be \"USD/accelerator\" or "
                           "\"USD/rack\" for the price of an accelerator system"};
        if (e.contains("price_year")) {
            if (!e["price_year"].is_number_integer())
                return Error{where + ": field 'price_year' must be a year such as 2024"};
            entry.priceYear = e["price_year"].get<int>();
        }
        catalog.m_entries.push_back(std::move(entry));
    }
    return catalog;
}

Expected<EconomicsCatalog> EconomicsCatalog::load(const std::filesystem::path &file)
{
    const Expected<std::string> text = readTextFile(file.string());
    if (!text)
        return text.error();
    return fromJson(*text, file.filename().string());
}

double EscalationIndex::at(int year, double rateAfter) const
{
    if (values.empty())
        return 1.0;
    const auto first = values.begin();
    const auto last = std::prev(values.end());
    if (year >= last->first)
        return last->second * std::pow(1.0 + rateAfter, year - last->first);
    if (year <= first->first)
        return first->second / std::pow(1.0 + rateAfter, first->first - year);
    const auto upper = values.lower_bound(year);
    if (upper->first == year)
        return upper->second;
    const auto lower = std::prev(upper);
    const double t = double(year - lower->first) / double(upper->first - lower->first);
    return lower->second * std::pow(upper->second / lower->second, t);
}

double EscalationIndex::factor(int from, int to, double rateAfter) const
{
    if (values.empty() || from == to)
        return 1.0;
    return at(to, rateAfter) / at(from, rateAfter);
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
