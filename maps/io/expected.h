// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// maps/' names for the error type shared by the layers (common/expected.h): a value or an error
// a user can act on. maps/ returns these instead of throwing, so that no exception escapes into
// Qt's event loop. Messages are built with QString and converted once, where the error is made
// (fail()); code that shows one converts back with errorText(). Plain values: safe to move
// between threads.

#include "common/expected.h"

#include <QString>

namespace maps {

using energize::done;
using energize::Error;
using energize::ErrorCode;
using energize::Expected;
using energize::Status; // work that produces nothing but may fail (writing a file, a buffer)

inline Error fail(const QString &message, ErrorCode code = ErrorCode::Failed)
{
    return Error{message.toStdString(), code};
}

inline QString errorText(const Error &error)
{
    return QString::fromStdString(error.message);
}

} // namespace maps
