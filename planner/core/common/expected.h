// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A value or an error a user can act on. The planner returns these instead of throwing, so that
// no exception can escape into Qt's event loop and the CLI can print the message as it is.

#include <string>
#include <utility>
#include <variant>

namespace planner {

struct Error
{
    std::string message;
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

} // namespace planner
