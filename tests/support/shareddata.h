// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Data from outside the repository (../shared/data, ../shared/reference beside the checkout),
// for every test layer. A test that needs it and finds it absent calls MISSING_SHARED_DATA: a
// loud skip on a developer's machine, a failure under CI=true (CI always has ../shared beside the
// checkout, so a missing file there is a real fault, not a reason to pass quietly).

#include <QTest>

#include <cstdlib>
#include <string>

namespace shareddata {

// <source>/../shared/<relative>, following $ENERGIZE_SOURCE_DIR when the test runs from CTest.
inline std::string path(const std::string &relative)
{
    const char *env = std::getenv("ENERGIZE_SOURCE_DIR");
    return std::string(env ? env : ENERGIZE_SOURCE_DIR) + "/../shared/" + relative;
}

inline bool underCi()
{
    const char *ci = std::getenv("CI");
    return ci && std::string(ci) == "true";
}

} // namespace shareddata

#define MISSING_SHARED_DATA(what)                                                                  \
    do {                                                                                           \
        const std::string message_ = std::string("MISSING SHARED DATA: ") + (what);                \
        if (shareddata::underCi())                                                                 \
            QFAIL(message_.c_str());                                                               \
        QSKIP(message_.c_str());                                                                   \
    } while (false)
