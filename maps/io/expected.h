// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A value or an error a user can act on. maps/ returns these instead of throwing, so that no
// exception escapes into Qt's event loop. Plain values: safe to move between threads.

#include <QString>

#include <utility>
#include <variant>

namespace maps {

enum class ErrorCode {
    Failed, // generic: the message says what to do
    NotFound, // the file or layer does not exist
    NotReadable, // GDAL cannot read it (corrupt, wrong format, missing sidecar file)
    MissingCrs, // the layer has no coordinate system: ask the user for one
    NetworkRefused, // a remote source while network access is off
    Cancelled, // the user cancelled a long operation
};

struct Error
{
    QString message;
    ErrorCode code = ErrorCode::Failed;
};

template<typename T>
class Expected
{
public:
    Expected(T value) : m_state(std::move(value)) {}
    Expected(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

} // namespace maps
