// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/grid/matpowercase.h"
#include "planner/core/common/textfile.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <vector>

namespace planner {
namespace {

// A whole token as a number, independent of the C locale (Qt sets it from the environment, and
// strtod would then read "0.5" as 0 under a locale with a decimal comma). A leading '+' is
// accepted; out-of-range values are refused.
bool parseNumber(std::string_view token, double &value)
{
    if (!token.empty() && token.front() == '+')
        token.remove_prefix(1);
    if (token.empty())
        return false;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    return ec == std::errc() && end == token.data() + token.size();
}

using energize::Error;
using energize::Expected;

struct Row
{
    int line = 0;
    std::vector<double> values;
};

struct Matrix
{
    int line = 0; // where `mpc.x = [` is
    std::vector<Row> rows;
};

struct Cell
{
    int line = 0;
    std::vector<std::string> items;
};

// Walks the text keeping the line number. Blanks, comments and `...` continuations are
// skipped by skipBlank(); a new line is left for the caller because it may end a matrix row.
class Cursor
{
public:
    explicit Cursor(std::string_view text) : m_text(text) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    int line() const { return m_line; }
    void advance()
    {
        if (atEnd()) // a "..." continuation on the last line has no next line to join
            return;
        if (m_text[m_pos] == '\n')
            ++m_line;
        ++m_pos;
    }
    void skipBlank()
    {
        while (!atEnd()) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '\t' || c == '\r') {
                ++m_pos;
            } else if (c == '%' || c == '#') {
                skipToEndOfLine();
            } else if (m_text.substr(m_pos, 3) == "...") {
                skipToEndOfLine();
                advance(); // the continuation joins the next line
            } else {
                return;
            }
        }
    }
    void skipToEndOfLine()
    {
        while (!atEnd() && m_text[m_pos] != '\n')
            ++m_pos;
    }
    // A run of characters up to a blank, a separator, a bracket or a comment.
    std::string_view word()
    {
        const std::size_t start = m_pos;
        while (!atEnd()) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == ',' || c == ']'
                || c == '}' || c == '%' || c == '=' || c == '[' || c == '{')
                break;
            ++m_pos;
        }
        return m_text.substr(start, m_pos - start);
    }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_line = 1;
};

class Parser
{
public:
    Parser(std::string_view text, const std::string &name) : m_cur(text), m_name(name) {}

    std::string at(int line) const { return m_name + " line " + std::to_string(line) + ": "; }

    // Fills the fields this reader keeps; returns an error message or "".
    std::string run()
    {
        while (true) {
            m_cur.skipBlank();
            if (m_cur.atEnd())
                return {};
            if (m_cur.peek() == '\n' || m_cur.peek() == ';') {
                m_cur.advance();
                continue;
            }
            const int line = m_cur.line();
            const std::string word(m_cur.word());
            if (word.empty()) { // a stray character: not a statement this reader knows
                m_cur.skipToEndOfLine();
                continue;
            }
            if (word.rfind("mpc.", 0) != 0) { // `function mpc = case9` and the like
                m_cur.skipToEndOfLine();
                continue;
            }
            const std::string field = word.substr(4);
            m_cur.skipBlank();
            if (m_cur.peek() != '=')
                return at(line) + "expected '=' after " + word;
            m_cur.advance();
            m_cur.skipBlank();
            std::string err;
            if (m_cur.peek() == '[') {
                m_cur.advance();
                Matrix m;
                m.line = line;
                err = readMatrix(word, m);
                matrices[field] = std::move(m);
            } else if (m_cur.peek() == '{') {
                m_cur.advance();
                Cell c;
                c.line = line;
                err = readCell(word, c);
                cells[field] = std::move(c);
            } else {
                scalars[field] = {line, std::string(m_cur.word())};
                m_cur.skipToEndOfLine();
            }
            if (!err.empty())
                return err;
        }
    }

    std::map<std::string, Matrix> matrices;
    std::map<std::string, Cell> cells;
    std::map<std::string, std::pair<int, std::string>> scalars;

private:
    std::string readMatrix(const std::string &name, Matrix &m)
    {
        Row row;
        auto endRow = [&] {
            if (!row.values.empty())
                m.rows.push_back(std::move(row));
            row = Row{};
        };
        while (true) {
            m_cur.skipBlank();
            if (m_cur.atEnd())
                return at(m_cur.line()) + "the file ends inside " + name + " (opened on line "
                        + std::to_string(m.line) + "): the file is truncated or '];' is missing";
            const char c = m_cur.peek();
            if (c == '\n' || c == ';') {
                endRow();
                m_cur.advance();
            } else if (c == ',') {
                m_cur.advance();
            } else if (c == ']') {
                endRow();
                m_cur.advance();
                return {};
            } else {
                const int line = m_cur.line();
                const std::string token(m_cur.word());
                if (token.empty()) {
                    return at(line) + name + ": unexpected '" + std::string(1, c)
                            + "' (is the '];' closing " + name + " missing?)";
                }
                double v = 0.0;
                if (!parseNumber(token, v)) {
                    return at(line) + name + ": '" + token + "' is not a number (is the '];' "
                            + "closing " + name + " on line " + std::to_string(m.line)
                            + " missing?)";
                }
                if (!std::isfinite(v))
                    return at(line) + name + ": '" + token + "' is not a finite number";
                if (row.values.empty())
                    row.line = line;
                row.values.push_back(v);
            }
        }
    }

    std::string readCell(const std::string &name, Cell &c)
    {
        while (true) {
            m_cur.skipBlank();
            if (m_cur.atEnd())
                return at(m_cur.line()) + "the file ends inside " + name + " (opened on line "
                        + std::to_string(c.line) + "): the file is truncated or '};' is missing";
            const char ch = m_cur.peek();
            if (ch == '\n' || ch == ';' || ch == ',') {
                m_cur.advance();
            } else if (ch == '}') {
                m_cur.advance();
                return {};
            } else if (ch == '\'' || ch == '"') {
                const int line = m_cur.line();
                m_cur.advance();
                std::string item;
                while (true) {
                    if (m_cur.atEnd() || m_cur.peek() == '\n')
                        return at(line) + name + ": a quoted string is not closed";
                    const char q = m_cur.peek();
                    m_cur.advance();
                    if (q == ch) {
                        if (m_cur.peek() == ch) { // '' inside a string is one quote
                            item += ch;
                            m_cur.advance();
                            continue;
                        }
                        break;
                    }
                    item += q;
                }
                c.items.push_back(std::move(item));
            } else {
                const int line = m_cur.line();
                const std::string token(m_cur.word());
                if (token.empty())
                    return at(line) + name + ": unexpected '" + std::string(1, ch) + "'";
                c.items.push_back(token); // a number in a cell array, kept as text
            }
        }
    }

    Cursor m_cur;
    const std::string &m_name;
};

// Whole numbers up to 15 digits in full (a bus number such as 2147483647 must read as itself).
std::string number(double v)
{
    std::ostringstream out;
    out.precision(15);
    out << v;
    return out.str();
}

bool isInteger(double v)
{
    return std::floor(v) == v && std::abs(v) < 2.0e9;
}

} // namespace

Expected<GridCase> parseMatpowerCase(std::string_view text, const std::string &sourceName)
{
    Parser p(text, sourceName);
    if (std::string err = p.run(); !err.empty())
        return Error{err};
    auto at = [&](int line) {
        return p.at(line);
    };

    GridCase grid;
    grid.sourceName = sourceName;
    const auto base = p.scalars.find("baseMVA");
    if (base == p.scalars.end())
        return Error{sourceName + ": no 'mpc.baseMVA = ...;' line: the system MVA base is needed"};
    {
        const std::string &t = base->second.second;
        if (!parseNumber(t, grid.baseMva) || !std::isfinite(grid.baseMva) || grid.baseMva <= 0.0)
            return Error{at(base->second.first) + "mpc.baseMVA '" + t
                         + "' is not a positive number"};
    }

    // Checks one matrix: present (unless optional), every row with the same number of columns
    // and at least `minColumns`.
    auto matrix = [&](const std::string &field, std::size_t minColumns,
                      bool optional) -> Expected<const Matrix *> {
        const auto it = p.matrices.find(field);
        if (it == p.matrices.end()) {
            if (optional)
                return static_cast<const Matrix *>(nullptr);
            return Error{sourceName + ": no 'mpc." + field + " = [ ... ];' matrix"};
        }
        const Matrix &m = it->second;
        if (m.rows.empty() && !optional)
            return Error{at(m.line) + "mpc." + field + " has no rows"};
        for (const Row &r : m.rows) {
            if (r.values.size() != m.rows.front().values.size()) {
                return Error{at(r.line) + "mpc." + field + " row has "
                             + std::to_string(r.values.size()) + " columns, the first row (line "
                             + std::to_string(m.rows.front().line) + ") has "
                             + std::to_string(m.rows.front().values.size())};
            }
            if (r.values.size() < minColumns) {
                return Error{at(r.line) + "mpc." + field + " row has "
                             + std::to_string(r.values.size()) + " columns, at least "
                             + std::to_string(minColumns) + " are needed"};
            }
        }
        return &m;
    };

    const auto bus = matrix("bus", 13, false);
    if (!bus)
        return bus.error();
    const auto gen = matrix("gen", 10, false);
    if (!gen)
        return gen.error();
    const auto branch = matrix("branch", 11, false);
    if (!branch)
        return branch.error();
    const auto gencost = matrix("gencost", 4, true);
    if (!gencost)
        return gencost.error();
    if (*gencost)
        grid.gencostRows = static_cast<int>((*gencost)->rows.size());

    std::unordered_map<int, int> busLine;
    for (const Row &r : (*bus)->rows) {
        const auto &v = r.values;
        if (!isInteger(v[0]) || v[0] <= 0)
            return Error{at(r.line) + "bus number '" + number(v[0])
                         + "' is not a whole number from 1 to 1999999999"};
        if (!isInteger(v[1]) || v[1] < 1 || v[1] > 4)
            return Error{at(r.line)
                         + "bus type must be 1 (PQ), 2 (PV), 3 (reference) or 4 "
                           "(isolated)"};
        const int id = static_cast<int>(v[0]);
        if (const auto [it, fresh] = busLine.emplace(id, r.line); !fresh)
            return Error{at(r.line) + "bus " + std::to_string(id)
                         + " is defined twice (also on "
                           "line "
                         + std::to_string(it->second) + ")"};
        GridBus b;
        b.id = id;
        b.type = static_cast<BusType>(static_cast<int>(v[1]));
        b.pdMw = v[2];
        b.gsMw = v[4];
        b.baseKv = v[9];
        b.line = r.line;
        grid.buses.push_back(b);
    }
    auto knownBus = [&](double v, int line, const char *what) -> std::string {
        if (!isInteger(v) || !busLine.count(static_cast<int>(v)))
            return at(line) + what + " refers to bus " + number(v) + ", which is not in mpc.bus";
        return {};
    };
    for (const Row &r : (*gen)->rows) {
        const auto &v = r.values;
        if (std::string err = knownBus(v[0], r.line, "generator"); !err.empty())
            return Error{err};
        GridGen g;
        g.bus = static_cast<int>(v[0]);
        g.pgMw = v[1];
        g.inService = v[7] > 0;
        g.pmaxMw = v[8];
        g.pminMw = v[9];
        g.line = r.line;
        grid.gens.push_back(g);
    }
    for (const Row &r : (*branch)->rows) {
        const auto &v = r.values;
        for (int end : {0, 1}) {
            if (std::string err =
                        knownBus(v[end], r.line, end == 0 ? "branch 'fbus'" : "branch 'tbus'");
                !err.empty())
                return Error{err};
        }
        GridBranch br;
        br.from = static_cast<int>(v[0]);
        br.to = static_cast<int>(v[1]);
        br.x = v[3];
        br.rateAMva = v[5];
        br.rateBMva = v[6];
        br.ratio = v[8];
        br.angleDeg = v[9];
        br.inService = v[10] > 0;
        br.line = r.line;
        grid.branches.push_back(br);
    }
    if (const auto names = p.cells.find("bus_name"); names != p.cells.end()) {
        if (names->second.items.size() != grid.buses.size())
            return Error{at(names->second.line) + "mpc.bus_name has "
                         + std::to_string(names->second.items.size()) + " names for "
                         + std::to_string(grid.buses.size()) + " buses"};
        for (std::size_t i = 0; i < grid.buses.size(); ++i)
            grid.buses[i].name = names->second.items[i];
    }
    return grid;
}

Expected<GridCase> readMatpowerCase(const std::string &path)
{
    const Expected<std::string> text = readTextFile(path);
    if (!text)
        return text.error();
    return parseMatpowerCase(*text, std::filesystem::path(path).filename().string());
}

} // namespace planner
