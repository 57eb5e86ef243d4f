// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Headless scoring, with the engine the map uses:
//   energize score PROJECT.gpkg|--demo [--site NAME | --at LON,LAT] [--json]
//     every factor of a site (value, layer, weight, contribution, exclusion) and its score;
//     without --site or --at, every site of the project;
//   energize heatmap PROJECT.gpkg|--demo --out scores.tif [--bbox W,S,E,N] [--resolution METRES]
//     the score raster (a Cloud-Optimized GeoTIFF, 0-100, 0 = excluded, no-data = no score) at
//     the finest raster's resolution over the box (default: the layers' extent), with progress.
// Run on the calling thread with a QCoreApplication; results to stdout, errors to stderr.

#include <QStringList>

namespace app {

// args: the words after "score" / "heatmap". Return the process exit code.
int runScoreCommand(const QStringList &args);
int runHeatmapCommand(const QStringList &args);

} // namespace app
