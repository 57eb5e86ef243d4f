// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small RAII wrapper over one sqlite3 connection and its prepared statements.
// A connection belongs to the thread that uses it; move it, never share it.

#include "planner/core/common/expected.h"

#include <cstdint>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace planner {

class SqliteStatement
{
public:
    SqliteStatement() = default;
    explicit SqliteStatement(sqlite3_stmt *stmt) : m_stmt(stmt) {}
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;
    ~SqliteStatement();

    void bind(int index, std::int64_t value);
    void bind(int index, double value);
    void bind(int index, const std::string &value);
    void bindBlob(int index, const std::string &bytes);
    // Returns true while a row is available; false when done. Errors end the iteration and are
    // reported by ok().
    bool step();
    bool ok() const { return m_ok; }
    // Makes the statement ready to run again with new bindings; an index left unbound is NULL.
    void reset();
    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::string blob(int column) const;
    // True when the column holds an integer or a real (not text, a blob or NULL).
    bool isNumber(int column) const;
    bool isNull(int column) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    bool m_ok = true;
};

class SqliteDatabase
{
public:
    enum class Mode { ReadOnly, ReadWrite, Create };

    SqliteDatabase() = default;
    SqliteDatabase(SqliteDatabase &&other) noexcept;
    SqliteDatabase &operator=(SqliteDatabase &&other) noexcept;
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;
    ~SqliteDatabase();

    // ":memory:" opens an in-memory database.
    static Expected<SqliteDatabase> open(const std::string &path, Mode mode);

    Expected<bool> execute(const std::string &sql);
    Expected<SqliteStatement> prepare(const std::string &sql);
    Expected<std::int64_t> queryInteger(const std::string &sql);
    // A writable in-memory copy of the whole database, e.g. to migrate an old file without
    // touching it.
    Expected<SqliteDatabase> copyToMemory() const;
    std::string lastError() const;
    // The errno of the last failed system call SQLite made on this connection (0: none), e.g.
    // ENOSPC behind "database or disk is full".
    int systemErrno() const;
    bool isOpen() const { return m_db != nullptr; }

private:
    sqlite3 *m_db = nullptr;
};

} // namespace planner
