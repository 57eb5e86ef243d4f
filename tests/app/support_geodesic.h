// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Karney's geodesic distance (PROJ's geodesic.h, WGS84), the tests' independent metric for
// distances the app measures with its own code.

#include <geodesic.h>

namespace testsupport {

inline double geodesicKm(double lon1, double lat1, double lon2, double lat2)
{
    geod_geodesic g;
    geod_init(&g, 6378137.0, 1.0 / 298.257223563);
    double s12 = 0.0;
    geod_inverse(&g, lat1, lon1, lat2, lon2, &s12, nullptr, nullptr);
    return s12 / 1000.0;
}

} // namespace testsupport
