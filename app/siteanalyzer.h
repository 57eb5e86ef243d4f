// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Turns a point on the map into what the site panels show: the map's site factors, the
// explained score (each factor, its value, its weight, exclusions with their reasons) and the
// planner's SiteConditions. Built from one MapScene snapshot; keeps per-layer raster samplers
// warm so that analyze() costs microseconds on the live-drag path. One analyzer per thread
// (it owns GDAL handles); rebuild it when the scene changes.

#include "app/maplayers.h"
#include "app/scoringmodel.h"
#include "maps/analysis/sitefactorcalculator.h"
#include "maps/raster/rastersampler.h"
#include "planner/core/site/site.h"
#include "planner/core/site/siteconditions.h"
#include "widgets/scorebreakdown.h"

#include <memory>
#include <optional>
#include <vector>

namespace app {

struct SiteAnalysis
{
    maps::SiteFactors factors;
    ui::ScoreBreakdown breakdown;
    planner::SiteConditions conditions;
    QStringList conditionNotes; // where each site condition came from (layer or default)
    bool hasClimate = false; // a climate layer gave monthly or annual temperatures
};

class SiteAnalyzer
{
public:
    SiteAnalyzer(const MapScene &scene, ScoringModel model);
    ~SiteAnalyzer();

    // outline: a parcel's lon/lat ring (distances from its nearest edge, hazards anywhere on
    // it); empty for a point site.
    SiteAnalysis analyze(const QString &name, double longitude, double latitude,
                         const std::vector<planner::GeoPoint> &outline = {});

private:
    std::optional<maps::RasterSample> sampleRaster(maps::RasterQuantity q, maps::LonLat p);
    void scoreFactors(SiteAnalysis &a) const;
    void fillConditions(SiteAnalysis &a, maps::LonLat p);

    struct Samplers;
    std::unique_ptr<Samplers> m_samplers;
    ScoringModel m_model;
    std::optional<maps::SiteFactorCalculator> m_calculator;
};

} // namespace app
