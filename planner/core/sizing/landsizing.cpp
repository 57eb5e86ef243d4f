// SPDX-License-Identifier: GPL-3.0-or-later
// Land: white space from the racks, the building from its support space (electrical and
// mechanical rooms scale with power, not with racks) and storeys, and the
// campus from the building, the equipment yards and the share of the site they may cover.

#include "planner/core/sizing/sizingcontext.h"

namespace planner {

void sizeLand(SizingContext &c)
{
    const FacilityCatalog &f = c.catalog.facility;
    const PlanResult &r = c.result;
    LandResult &land = c.result.land;
    const double white = r.racks * f.whiteSpaceM2PerRack.value;
    const double gross = white + r.itLoad.value() * f.supportM2PerMw.value;
    const double footprint = gross / f.storeys.value;
    const double yards = r.electrical.generators.count * f.generatorYardM2PerUnit.value
            + r.electrical.transformers.installed() * f.substationM2PerMva.value
            + r.cooling.installedCapacity.value() * f.heatRejectionM2PerMw.value;
    land.whiteSpace = SquareMetres(white);
    land.grossFloor = SquareMetres(gross);
    land.buildingFootprint = SquareMetres(footprint);
    land.yards = SquareMetres(yards);
    land.campus = toHectares(SquareMetres((footprint + yards) / f.siteCoverage.value));

    c.use("white space per rack", "m²", f.whiteSpaceM2PerRack, Subject::Facility);
    c.use("support space per MW of IT", "m²/MW", f.supportM2PerMw, Subject::Facility);
    c.use("storeys", "", f.storeys, Subject::Facility);
    c.use("generator yard per unit", "m²", f.generatorYardM2PerUnit, Subject::Facility);
    c.use("substation yard per MVA", "m²", f.substationM2PerMva, Subject::Facility);
    c.use("heat-rejection yard per MW", "m²", f.heatRejectionM2PerMw, Subject::Facility);
    c.use("site coverage", "", f.siteCoverage, Subject::Facility);
}

} // namespace planner
