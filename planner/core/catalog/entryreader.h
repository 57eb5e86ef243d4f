// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to planner_core (includes nlohmann/json; never include it from a public header).
// Reads the fields of one catalog entry and collects the first error, phrased with the file,
// the entry and the field so that a user can find and fix it. Not thread-safe; one per entry.

#include "planner/core/catalog/figure.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace planner {

class EntryReader
{
public:
    // `sources` collects references; entrySource is the entry's own "source"/"year" index.
    EntryReader(const nlohmann::json &entry, std::string file, std::string entryId,
                std::vector<SourceRef> &sources, int entrySource, std::string prefix = {});

    Figure figure(const char *field, double min, double max);
    Figure positive(const char *field);
    Figure fraction(const char *field) { return figure(field, 0.0, 1.0); }
    std::vector<Figure> positiveList(const char *field);
    std::string text(const char *field);
    bool flag(const char *field, bool fallback);
    bool has(const char *field) const;
    const nlohmann::json &raw(const char *field) const { return m_entry.at(field); }
    // A reader for a nested object; its errors are reported through this reader.
    EntryReader nested(const char *field);
    void adopt(const EntryReader &child);
    // A reader for one object of a list field, its fields named "prefix.field"; report its
    // errors through adopt().
    EntryReader element(const nlohmann::json &value, const std::string &prefix) const;

    void fail(const std::string &field, const std::string &reason);
    int entrySource() const { return m_entrySource; }
    bool ok() const { return m_error.empty(); }
    const std::string &error() const { return m_error; }

private:
    Figure readFigure(const std::string &field, const nlohmann::json &value, double min,
                      double max);

    const nlohmann::json &m_entry;
    std::string m_file;
    std::string m_entryId;
    std::vector<SourceRef> &m_sources;
    int m_entrySource;
    std::string m_prefix;
    std::string m_error;
};

// Index of `ref` in `sources`, appending it when new.
int internSource(std::vector<SourceRef> &sources, SourceRef ref);

} // namespace planner
