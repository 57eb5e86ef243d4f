// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/io/gdalenvironment.h"

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include <mutex>

namespace maps {

namespace {

// /vsicurl/ (and the cloud file systems built on it) only open names with these extensions.
constexpr const char *kNoRemoteExtension = ".energize-network-off";

} // namespace

void ensureGdal()
{
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        setGdalNetworkAllowed(false);
    });
}

void setGdalNetworkAllowed(bool allowed)
{
    OSRSetPROJEnableNetwork(allowed ? TRUE : FALSE);
    CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", allowed ? nullptr : kNoRemoteExtension);
    CPLSetConfigOption("GDAL_HTTP_TIMEOUT", allowed ? nullptr : "1");
}

} // namespace maps
