// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One-time GDAL set-up for the process: registers drivers and keeps network access off unless
// the user opted in. ensureGdal() is thread-safe and cheap after the first call.
// setGdalNetworkAllowed() changes process-wide GDAL/PROJ settings: call it from the GUI thread
// when the user changes the setting, not while layers are loading.

namespace maps {

void ensureGdal();

// Off by default. When off, PROJ does not download grids and GDAL's /vsicurl/ refuses every
// file, including remote references inside local files (e.g. a .vrt pointing at a URL).
void setGdalNetworkAllowed(bool allowed);

} // namespace maps
