// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which site factor each score factor reads: the one place that joins the map's factors (at a
// point, maps::SiteFactors; on a grid, maps::SiteFactorGrid) to the ids of the score model, so
// that the point score and the heatmap read the same quantity. Pure functions.

#include "maps/analysis/sitefactorgrid.h"
#include "maps/analysis/sitefactors.h"
#include "planner/core/scoring/scoremodel.h"

#include <cmath>
#include <vector>

namespace app {

// The model's inputs at one place: a value per factor (NaN where the map has none).
// gridHeadroomMw: the N-1 headroom of the serving bus at the grid_headroom factor's voltage
// (gridHeadroomAt; NaN when no grid case has one) and that bus's distance in km (for a reach). On a
// grid, the same figure is the value of the nearest of SiteFactorGridInputs::valuePoints
// (headroomValuePoints()).
planner::ScoreInputs scoreInputs(const planner::ScoreModel &model, const maps::SiteFactors &f,
                                 double gridHeadroomMw, double gridHeadroomKm = NAN);

// The value column of each factor of the model on a grid (nullptr where none is computed).
std::vector<const float *> scoreColumns(const planner::ScoreModel &model,
                                        const maps::SiteFactorGrid &grid);

// The distance column (km) of each factor with a reach (nullptr elsewhere): the distance at
// which the grid found the feature a factor reads, for the reach test.
std::vector<const float *> scoreDistanceColumns(const planner::ScoreModel &model,
                                                const maps::SiteFactorGrid &grid);

// 1 where every weighted factor the grid already holds has a value (and is a listed class), so
// that the cell may still get a score; factors the grid does not hold yet do not count.
std::vector<std::uint8_t> scorableCells(const planner::ScoreModel &model,
                                        const maps::SiteFactorGrid &grid);

// The cells a further pass of `next` must compute after the grid so far: those scorableCells
// gives, or every cell (empty) when a factor that `next` computes can exclude a site (an
// exclusion counts even where another factor has no value).
std::vector<std::uint8_t> cellsForNextPass(const planner::ScoreModel &model,
                                           const maps::SiteFactorGrid &sofar,
                                           const maps::SiteFactorGridRequest &next);

// What a grid must compute for the model.
maps::SiteFactorGridRequest gridRequest(const planner::ScoreModel &model);

} // namespace app
