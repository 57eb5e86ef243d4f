// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One-time GDAL set-up for the process: registers drivers and keeps network access off unless
// the user opted in. ensureGdal() is thread-safe and cheap after the first call.

namespace maps {

void ensureGdal();

} // namespace maps
