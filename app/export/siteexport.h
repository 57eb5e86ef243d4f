// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The project's sites as a GIS file for other tools: GeoPackage (.gpkg), GeoJSON (.geojson,
// .json) or KML (.kml), written by GDAL in WGS 84 lon/lat. Each site is a point (a polygon for
// a parcel) with its name, position, score (0-100, empty when it has none), whether it is
// excluded and why, and the plans at it. Writing replaces an existing file of that name.
// Calling thread (the analyzer belongs to it).

#include "common/expected.h"
#include "planner/core/site/site.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace planner {
class Document;
}

namespace app {

class SiteAnalyzer;

struct SiteRecord
{
    planner::Site site;
    std::optional<double> score; // 0..100
    bool excluded = false;
    QStringList exclusions;
    QStringList plans;
};

// Every site of the document, scored by the analyzer.
std::vector<SiteRecord> siteRecords(const planner::Document &doc, SiteAnalyzer &analyzer);

// The GDAL driver for a file name by its suffix ("GPKG", "GeoJSON", "KML"), or empty.
QString siteDriverFor(const QString &path);

// Errors name the path and say why ("…/sites.txt: choose .gpkg, .geojson or .kml").
energize::Status writeSites(const QString &path, const std::vector<SiteRecord> &sites);

} // namespace app
