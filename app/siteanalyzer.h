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
#include "maps/analysis/sitefactorgrid.h"
#include "maps/raster/rastersampler.h"
#include "planner/core/site/site.h"
#include "planner/core/site/siteconditions.h"
#include "widgets/scorebreakdown.h"

#include <QHash>

#include <memory>
#include <optional>
#include <vector>

namespace app {

struct SiteAnalysis
{
    maps::SiteFactors factors;
    planner::SiteScore score; // the numbers (planner/core/scoring)
    ui::ScoreBreakdown breakdown; // the same, formatted for the score views
    planner::SiteConditions conditions;
    QStringList conditionNotes; // where each site condition came from (layer or default)
    bool hasClimate = false; // a climate layer gave monthly or annual temperatures
};

// The layers of a scene that give each site factor: vector layers by role, and the raster of
// each quantity (the last of its role in the scene's order wins, as for the point analysis).
maps::SiteFactorGridInputs siteFactorInputs(const MapScene &scene);

// The visible grid cases of a scene, each once, in the scene's order.
std::vector<std::shared_ptr<const GridLayerData>> sceneGrids(const MapScene &scene);

// The numeric score model for a scene: the grid-headroom factor is not weighed (weight 0, shown
// as such) when no grid case of the scene has a headroom study, since the score would otherwise
// have no value anywhere.
planner::ScoreModel scoreModelFor(const ScoringModel &model,
                                  const std::vector<std::shared_ptr<const GridLayerData>> &grids);

// Fills inputs.valuePoints/pointValues for the grid-headroom factor at minKv: the substations of
// every grid case with a study, in the order gridHeadroomAt() prefers them.
void headroomValuePoints(const std::vector<std::shared_ptr<const GridLayerData>> &grids,
                         double minKv, maps::SiteFactorGridInputs &inputs);

class SiteAnalyzer
{
public:
    SiteAnalyzer(const MapScene &scene, ScoringModel model);
    ~SiteAnalyzer();

    // outline: a parcel's lon/lat ring (distances from its nearest edge, hazards anywhere on
    // it); empty for a point site.
    const planner::ScoreModel &scoreModel() const { return m_scoreModel; }

    SiteAnalysis analyze(const QString &name, double longitude, double latitude,
                         const std::vector<planner::GeoPoint> &outline = {});

private:
    std::optional<maps::RasterSample> sampleRaster(maps::RasterQuantity q, maps::LonLat p);
    void scoreFactors(SiteAnalysis &a) const;
    void formatRows(SiteAnalysis &a) const;
    void fillConditions(SiteAnalysis &a, maps::LonLat p);

    struct Samplers;
    std::unique_ptr<Samplers> m_samplers;
    double m_headroomKv = 0.0; // voltage of the score's serving bus (grid_headroom's min_kv)
    ScoringModel m_model;
    planner::ScoreModel m_scoreModel;
    QHash<const maps::RasterLayer *, QString> m_layerNames; // as the project names them
    std::optional<maps::SiteFactorCalculator> m_calculator;
    std::vector<std::shared_ptr<const GridLayerData>> m_grids; // grid cases of the scene
};

// The N and N-1 headroom of the placed bus nearest to (lon, lat) at or above minKv, over the
// grid cases given (the nearest bus of all wins), in the planner's terms; none when no case
// has a studied bus at that voltage.
std::optional<planner::GridHeadroom>
gridHeadroomAt(const std::vector<std::shared_ptr<const GridLayerData>> &grids, double lon,
               double lat, double minKv);

// The serving bus at every voltage level of the grid cases (ascending; see
// planner::SiteConditions::servingBuses): entry k is gridHeadroomAt() at that level.
std::vector<planner::ServingBus>
servingBusesAt(const std::vector<std::shared_ptr<const GridLayerData>> &grids, double lon,
               double lat);

// The Site Score dock's headroom line and its tooltip for a serving bus.
void describeHeadroom(const planner::GridHeadroom &h, ui::ScoreBreakdown &breakdown);

} // namespace app
