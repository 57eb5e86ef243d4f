// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/catalog/entryreader.h"

#include <cmath>
#include <sstream>

namespace planner {
namespace {

std::string numberText(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

} // namespace

int internSource(std::vector<SourceRef> &sources, SourceRef ref)
{
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const SourceRef &s = sources[i];
        if (s.url == ref.url && s.year == ref.year && s.status == ref.status && s.note == ref.note)
            return static_cast<int>(i);
    }
    sources.push_back(std::move(ref));
    return static_cast<int>(sources.size() - 1);
}

EntryReader::EntryReader(const nlohmann::json &entry, std::string file, std::string entryId,
                         std::vector<SourceRef> &sources, int entrySource, std::string prefix)
    : m_entry(entry), m_file(std::move(file)), m_entryId(std::move(entryId)), m_sources(sources),
      m_entrySource(entrySource), m_prefix(std::move(prefix))
{}

void EntryReader::fail(const std::string &field, const std::string &reason)
{
    if (!m_error.empty())
        return;
    m_error = m_file + ": entry '" + m_entryId + "': field '" + m_prefix + field + "': " + reason;
}

bool EntryReader::has(const char *field) const
{
    return m_entry.is_object() && m_entry.contains(field);
}

Figure EntryReader::readFigure(const std::string &field, const nlohmann::json &value, double min,
                               double max)
{
    Figure result;
    result.source = m_entrySource;
    const nlohmann::json *number = &value;
    if (value.is_object()) {
        if (!value.contains("value")) {
            fail(field, "the object has no \"value\"");
            return result;
        }
        number = &value["value"];
        SourceRef ref;
        auto str = [&](const char *key) -> std::string {
            if (!value.contains(key))
                return {};
            if (!value[key].is_string()) {
                fail(field, std::string("\"") + key + "\" must be a string");
                return {};
            }
            return value[key].get<std::string>();
        };
        ref.url = str("source");
        ref.year = str("year");
        ref.status = str("status");
        ref.note = str("note");
        if (ref.url.empty() || ref.year.empty()) {
            fail(field, "a figure object needs a \"source\" and a \"year\"");
            return result;
        }
        if (!ref.status.empty() && !isFigureStatus(ref.status)) {
            fail(field, "status '" + ref.status + "' is not one of " + figureStatusList());
            return result;
        }
        result.source = internSource(m_sources, std::move(ref));
    }
    if (!number->is_number()) {
        fail(field, "expected a number");
        return result;
    }
    result.value = number->get<double>();
    if (!std::isfinite(result.value) || result.value < min || result.value > max) {
        fail(field,
             numberText(result.value) + " is outside " + numberText(min) + "…" + numberText(max));
    }
    return result;
}

Figure EntryReader::figure(const char *field, double min, double max)
{
    if (!has(field)) {
        fail(field, "missing");
        return {};
    }
    return readFigure(field, m_entry[field], min, max);
}

Figure EntryReader::positive(const char *field)
{
    Figure f = figure(field, 0.0, HUGE_VAL);
    if (ok() && f.value <= 0.0)
        fail(field, "must be greater than zero");
    return f;
}

std::vector<Figure> EntryReader::positiveList(const char *field)
{
    std::vector<Figure> list;
    if (!has(field) || !m_entry[field].is_array() || m_entry[field].empty()) {
        fail(field, "expected a non-empty list of numbers");
        return list;
    }
    for (const nlohmann::json &item : m_entry[field]) {
        Figure f = readFigure(field, item, 0.0, HUGE_VAL);
        if (ok() && f.value <= 0.0)
            fail(field, "every value must be greater than zero");
        if (!list.empty() && ok() && f.value <= list.back().value)
            fail(field, "values must be in ascending order");
        list.push_back(f);
    }
    return list;
}

std::string EntryReader::text(const char *field)
{
    if (!has(field) || !m_entry[field].is_string() || m_entry[field].get<std::string>().empty()) {
        fail(field, "expected a non-empty string");
        return {};
    }
    return m_entry[field].get<std::string>();
}

bool EntryReader::flag(const char *field, bool fallback)
{
    if (!has(field))
        return fallback;
    if (!m_entry[field].is_boolean()) {
        fail(field, "expected true or false");
        return fallback;
    }
    return m_entry[field].get<bool>();
}

EntryReader EntryReader::nested(const char *field)
{
    static const nlohmann::json empty = nlohmann::json::object();
    if (!has(field) || !m_entry[field].is_object()) {
        fail(field, "expected an object");
        return EntryReader(empty, m_file, m_entryId, m_sources, m_entrySource,
                           m_prefix + field + ".");
    }
    return EntryReader(m_entry[field], m_file, m_entryId, m_sources, m_entrySource,
                       m_prefix + field + ".");
}

EntryReader EntryReader::element(const nlohmann::json &value, const std::string &prefix) const
{
    return EntryReader(value, m_file, m_entryId, m_sources, m_entrySource, m_prefix + prefix + ".");
}

void EntryReader::adopt(const EntryReader &child)
{
    if (m_error.empty())
        m_error = child.m_error;
}

} // namespace planner
