// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/grid/buslocations.h"
#include "planner/core/common/textfile.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <tuple>
#include <unordered_map>

namespace planner {
namespace {

using energize::Error;
using energize::ErrorCode;
using energize::Expected;

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// One CSV record (RFC 4180 quoting: "a, b" and "say ""hi"""), fields trimmed; false when a
// quote is left open.
bool splitRecord(std::string_view line, std::vector<std::string> &fields)
{
    fields.clear();
    std::string field;
    bool quoted = false, wasQuoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"' && trim(field).empty()) {
            quoted = wasQuoted = true;
            field.clear();
        } else if (c == ',') {
            fields.push_back(wasQuoted ? field : std::string(trim(field)));
            field.clear();
            wasQuoted = false;
        } else {
            field += c;
        }
    }
    if (quoted)
        return false;
    fields.push_back(wasQuoted ? field : std::string(trim(field)));
    return true;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

template<typename T>
bool parseNumber(std::string_view text, T &value)
{
    text = trim(text);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

} // namespace

Expected<BusLocationTable> parseBusLocations(std::string_view text, const std::string &sourceName)
{
    auto at = [&](int line) {
        return sourceName + " line " + std::to_string(line) + ": ";
    };
    if (text.substr(0, 3) == "\xEF\xBB\xBF") // a UTF-8 byte-order mark
        text.remove_prefix(3);
    BusLocationTable table;
    table.sourceName = sourceName;
    std::vector<std::string> header, fields;
    int headerLine = 0;
    struct Column
    {
        const char *role;
        std::initializer_list<const char *> names;
        bool required;
        int index = -1;
    };
    Column columns[] = {{"bus", {"bus", "bus_id", "bus_i"}, true},
                        {"latitude", {"lat", "latitude"}, true},
                        {"longitude", {"lon", "lng", "longitude"}, true},
                        {"substation", {"substation", "sub_name", "substation_name"}, false},
                        {"substation id", {"sub_id", "substation_id"}, false}};
    Column &busCol = columns[0], &latCol = columns[1], &lonCol = columns[2], &subCol = columns[3],
           &subIdCol = columns[4];
    std::unordered_map<int, int> firstLine; // bus id -> line
    int line = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        const std::string_view raw = text.substr(pos, end - pos);
        pos = end + 1;
        ++line;
        if (trim(raw).empty()) {
            if (end == text.size())
                break;
            continue;
        }
        if (!splitRecord(raw, fields))
            return Error{at(line) + "a quoted field is not closed"};
        if (headerLine == 0) {
            headerLine = line;
            header = fields;
            for (Column &col : columns) {
                for (int i = 0; i < int(header.size()); ++i) {
                    const std::string name = lower(header[i]);
                    if (std::find_if(col.names.begin(), col.names.end(),
                                     [&](const char *n) { return name == n; })
                        == col.names.end())
                        continue;
                    if (col.index >= 0)
                        return Error{at(line) + "two columns give the " + col.role + " ('"
                                     + header[col.index] + "' and '" + header[i] + "'): keep one"};
                    col.index = i;
                }
                if (col.required && col.index < 0) {
                    std::string names;
                    for (const char *n : col.names)
                        names += (names.empty() ? "" : " or ") + std::string(n);
                    return Error{at(line) + "no " + col.role + " column (named " + names
                                 + "); the header is '" + std::string(trim(raw)) + "'"};
                }
            }
            continue;
        }
        if (fields.size() != header.size())
            return Error{at(line) + std::to_string(fields.size())
                         + " fields where the header (line " + std::to_string(headerLine) + ") has "
                         + std::to_string(header.size())};
        BusLocation row;
        if (!parseNumber(fields[busCol.index], row.bus))
            return Error{at(line) + "bus '" + fields[busCol.index] + "' is not a whole number"};
        for (auto [col, value, limit] :
             {std::tuple{&latCol, &row.lat, 90.0}, std::tuple{&lonCol, &row.lon, 180.0}}) {
            const std::string &cell = fields[col->index];
            if (!parseNumber(cell, *value) || !std::isfinite(*value))
                return Error{at(line) + col->role + " '" + cell
                             + "' is not a finite number (degrees, WGS 84)"};
            if (std::abs(*value) > limit)
                return Error{at(line) + col->role + " " + cell + " is outside ±"
                             + std::to_string(int(limit))
                             + " degrees (are latitude and longitude swapped?)"};
        }
        if (subCol.index >= 0)
            row.substation = fields[subCol.index];
        if (subIdCol.index >= 0 && !trim(fields[subIdCol.index]).empty()
            && !parseNumber(fields[subIdCol.index], row.substationId))
            return Error{at(line) + "substation id '" + fields[subIdCol.index]
                         + "' is not a whole number"};
        const auto [it, inserted] = firstLine.emplace(row.bus, line);
        if (!inserted)
            return Error{at(line) + "bus " + std::to_string(row.bus)
                         + " is listed twice (first on line " + std::to_string(it->second)
                         + "); keep one row per bus"};
        table.rows.push_back(std::move(row));
        if (end == text.size())
            break;
    }
    if (headerLine == 0)
        return Error{sourceName
                     + ": the file is empty; a bus location table needs a header (bus,"
                       "lat,lon) and one row per bus"};
    if (table.rows.empty())
        return Error{sourceName + ": no rows below the header; one row per bus is needed"};
    return table;
}

Expected<BusLocationTable> readBusLocations(const std::string &path)
{
    const Expected<std::string> text = readTextFile(path);
    if (!text)
        return text.error();
    return parseBusLocations(*text, std::filesystem::path(path).filename().string());
}

Expected<PlacedGrid> placeBuses(const GridCase &grid, const BusLocationTable &table)
{
    std::unordered_map<int, int> index;
    for (int i = 0; i < int(grid.buses.size()); ++i)
        index.emplace(grid.buses[i].id, i);
    PlacedGrid placed;
    const std::size_t n = grid.buses.size();
    placed.placed.assign(n, false);
    placed.lon.assign(n, 0.0);
    placed.lat.assign(n, 0.0);
    placed.substation.assign(n, std::string());
    placed.substationId.assign(n, 0);
    int matched = 0;
    for (const BusLocation &row : table.rows) {
        const auto it = index.find(row.bus);
        if (it == index.end()) {
            ++placed.unknownRows;
            continue;
        }
        const int i = it->second;
        placed.placed[i] = true;
        placed.lon[i] = row.lon;
        placed.lat[i] = row.lat;
        placed.substation[i] = row.substation;
        placed.substationId[i] = row.substationId;
        ++matched;
    }
    if (matched == 0) {
        auto sample = [](int id) {
            return std::to_string(id);
        };
        return Error{table.sourceName + ": none of its " + std::to_string(table.rows.size())
                     + " rows is a bus of " + grid.sourceName + " (its first bus is "
                     + (table.rows.empty() ? std::string("-") : sample(table.rows.front().bus))
                     + ", the case's first is "
                     + (grid.buses.empty() ? std::string("-") : sample(grid.buses.front().id))
                     + "): is it the table for another case?"};
    }
    for (int i = 0; i < int(n); ++i) {
        if (!placed.placed[i])
            placed.unplacedBusIds.push_back(grid.buses[i].id);
    }
    return placed;
}

} // namespace planner
