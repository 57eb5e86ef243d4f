// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Network lock: a project file must not make the app reach the network behind the user's back.
// Remote sources (/vsicurl/, /vsis3/, http(s):, PG:, WFS: …) are refused unless the caller
// passes allowNetwork, which the app sets only after the user opted in. Pure, thread-safe.

#include "maps/io/expected.h"

#include <QString>

#include <optional>

namespace maps {

// True when GDAL would reach the network (or a database server) to open `source`.
bool isRemoteSource(const QString &source);

// An error for a remote source while network access is off; nullopt when it may be opened.
std::optional<Error> checkSourceAllowed(const QString &source, bool allowNetwork);

} // namespace maps
