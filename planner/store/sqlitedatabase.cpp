// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/store/sqlitedatabase.h"

#include <sqlite3.h>

#include <utility>

namespace planner {

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_ok(other.m_ok)
{}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_ok = other.m_ok;
    }
    return *this;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
}

void SqliteStatement::bind(int index, const std::string &value)
{
    sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()),
                      SQLITE_TRANSIENT);
}

void SqliteStatement::bindBlob(int index, const std::string &bytes)
{
    sqlite3_bind_blob(m_stmt, index, bytes.data(), static_cast<int>(bytes.size()),
                      SQLITE_TRANSIENT);
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_ok = true;
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    m_ok = (rc == SQLITE_DONE);
    return false;
}

std::int64_t SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string SqliteStatement::text(int column) const
{
    const auto *p = sqlite3_column_text(m_stmt, column);
    return p ? std::string(reinterpret_cast<const char *>(p)) : std::string();
}

std::string SqliteStatement::blob(int column) const
{
    const void *p = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return p ? std::string(static_cast<const char *>(p), static_cast<std::size_t>(size))
             : std::string();
}

bool SqliteStatement::isNumber(int column) const
{
    const int type = sqlite3_column_type(m_stmt, column);
    return type == SQLITE_INTEGER || type == SQLITE_FLOAT;
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

SqliteDatabase::SqliteDatabase(SqliteDatabase &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
{}

SqliteDatabase &SqliteDatabase::operator=(SqliteDatabase &&other) noexcept
{
    if (this != &other) {
        sqlite3_close(m_db);
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

SqliteDatabase::~SqliteDatabase()
{
    sqlite3_close(m_db);
}

Expected<SqliteDatabase> SqliteDatabase::open(const std::string &path, Mode mode)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    SqliteDatabase db;
    const int rc = sqlite3_open_v2(path.c_str(), &db.m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = path + ": cannot open database (" + sqlite3_errstr(rc) + ")";
        return Error{message};
    }
    sqlite3_extended_result_codes(db.m_db, 1);
    return db;
}

Expected<bool> SqliteDatabase::execute(const std::string &sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : lastError();
        sqlite3_free(message);
        return Error{text};
    }
    return true;
}

Expected<SqliteStatement> SqliteDatabase::prepare(const std::string &sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
        return Error{lastError()};
    return SqliteStatement(stmt);
}

Expected<std::int64_t> SqliteDatabase::queryInteger(const std::string &sql)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    if (!stmt->step())
        return Error{stmt->ok() ? "query returned no row: " + sql : lastError()};
    return stmt->integer(0);
}

Expected<SqliteDatabase> SqliteDatabase::copyToMemory() const
{
    auto copy = open(":memory:", Mode::Create);
    if (!copy)
        return copy.error();
    sqlite3_backup *backup = sqlite3_backup_init(copy->m_db, "main", m_db, "main");
    if (!backup)
        return Error{"cannot copy the database (" + copy->lastError() + ")"};
    const int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return Error{std::string("cannot copy the database (") + sqlite3_errstr(rc) + ")"};
    return copy;
}

int SqliteDatabase::systemErrno() const
{
    return m_db ? sqlite3_system_errno(m_db) : 0;
}

std::string SqliteDatabase::lastError() const
{
    return m_db ? sqlite3_errmsg(m_db) : "database is not open";
}

} // namespace planner
