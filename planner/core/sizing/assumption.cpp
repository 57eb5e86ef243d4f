// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/sizing/assumption.h"

namespace planner {

const char *originName(Origin origin)
{
    switch (origin) {
    case Origin::Catalog:
        return "catalog";
    case Origin::UserInput:
        return "user input";
    case Origin::Site:
        return "site condition";
    case Origin::Derived:
        return "derived";
    }
    return "?";
}

const char *subjectName(Subject subject)
{
    switch (subject) {
    case Subject::Plan:
        return "plan";
    case Subject::Accelerator:
        return "accelerator";
    case Subject::LiquidLoop:
        return "cooling liquid loop";
    case Subject::AirLoop:
        return "cooling air loop";
    case Subject::Cooling:
        return "cooling";
    case Subject::Electrical:
        return "electrical";
    case Subject::Facility:
        return "facility";
    case Subject::Climate:
        return "climate";
    case Subject::Site:
        return "site";
    }
    return "?";
}

} // namespace planner
