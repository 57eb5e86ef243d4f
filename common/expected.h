// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A value or an error a user can act on: the one error type shared by maps/, planner/ and app/.
// Functions return these instead of throwing, so that no exception escapes into Qt's event loop
// and the CLI prints the message as it is. Standard library only (planner/core links it and must
// stay Qt-free). Plain values that own what they hold: safe to move between threads when T is.
//
// Reading value() of an error, or error() of a value, is a programming error
// (std::bad_variant_access, or undefined for Expected<void>): test ok() first.

#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace energize {

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
    std::string message; // UTF-8, shown to the user and printed by the CLI as it is
    ErrorCode code = ErrorCode::Failed;
};

template<typename T>
class Expected
{
    static_assert(!std::is_reference_v<T> && !std::is_same_v<std::remove_cv_t<T>, Error>,
                  "Expected holds a value that is not itself an Error");

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
    T &&operator*() && { return std::move(*this).value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// Work that produces nothing but may fail (writing a file, filling a caller's buffer). A
// default-constructed one is a success; done() says so where it reads better.
template<>
class Expected<void>
{
public:
    Expected() = default;
    Expected(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }

    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Expected<void>;

inline Status done()
{
    return {};
}

} // namespace energize
