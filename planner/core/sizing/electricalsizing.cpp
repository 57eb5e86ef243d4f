// SPDX-License-Identifier: GPL-3.0-or-later
// Electrical: losses along the power chain, peak facility load and MVA, utility transformers,
// the interconnection voltage, MV/LV unit substations, UPS modules and generators in parallel
// groups.

#include "planner/core/sizing/sizingcontext.h"

#include <algorithm>
#include <cmath>

namespace planner {
namespace {

int unitsFor(double load, double unit)
{
    return load > 0.0 ? static_cast<int>(std::ceil(load / unit - 1e-9)) : 0;
}

// Picks the fewest units that carry the load (within the units one substation takes), and of
// those the smallest standard rating: a single large unit with a spare is the usual double-ended
// substation. Beyond one substation, the largest rating in as many substations as needed.
void chooseTransformers(SizingContext &c, double mva)
{
    const ElectricalCatalog &e = c.catalog.electrical;
    ElectricalResult &er = c.result.electrical;
    const int maxUnits = static_cast<int>(e.transformerMaxUnitsPerSubstation.value);
    const Figure &largest = e.transformerRatingsMva.back();
    const int fewest = std::max(1, unitsFor(mva, largest.value));
    const Figure *best = &largest;
    int substations = 1;
    if (fewest <= maxUnits) {
        for (const Figure &rating : e.transformerRatingsMva) {
            if (unitsFor(mva, rating.value) <= fewest) {
                best = &rating;
                break;
            }
        }
    } else {
        substations = (fewest + maxUnits - 1) / maxUnits;
    }
    er.transformersNeeded = fewest;
    er.substations = substations;
    er.transformers = {unitsWithRedundancy(fewest, c.input.transformers, substations), best->value};
    c.use("utility transformer rating", "MVA", *best, Subject::Electrical);
    c.use("transformers per substation (max)", "", e.transformerMaxUnitsPerSubstation,
          Subject::Electrical);
}

void chooseInterconnection(SizingContext &c, double facilityMw)
{
    const ElectricalCatalog &e = c.catalog.electrical;
    ElectricalResult &er = c.result.electrical;
    const VoltageClass *chosen = nullptr;
    if (c.input.interconnection) {
        for (const VoltageClass &v : e.voltageClasses) {
            if (std::abs(v.voltageKv.value - c.input.interconnection->value()) < 0.5)
                chosen = &v;
        }
        er.interconnectionAutomatic = false;
        // plan() has checked that the class exists.
        if (chosen && chosen->maxLoadMw.value > 0.0 && facilityMw > chosen->maxLoadMw.value) {
            c.result.warnings.push_back("the chosen interconnection voltage usually serves less "
                                        "than this plan's peak load; the utility may require a "
                                        "higher voltage");
        }
    } else {
        for (const VoltageClass &v : e.voltageClasses) {
            if (v.maxLoadMw.value <= 0.0 || facilityMw <= v.maxLoadMw.value) {
                chosen = &v;
                break;
            }
        }
    }
    if (!chosen) {
        chosen = &e.voltageClasses.back();
        c.result.warnings.push_back("the peak load is above what the catalog's highest "
                                    "interconnection voltage usually serves; plan several "
                                    "connections or check with the utility");
    }
    er.interconnection = Kilovolts(chosen->voltageKv.value);
    if (er.interconnectionAutomatic)
        c.use("largest load served at the interconnection voltage", "MW", chosen->maxLoadMw,
              Subject::Electrical);
    else
        c.record("interconnection voltage", "kV", chosen->voltageKv.value, Origin::UserInput,
                 Subject::Plan);
    for (const GridAccess &g : c.site.grid) {
        if (std::abs(g.voltage.value() - chosen->voltageKv.value) < 0.5) {
            er.connectionDistanceKm = g.substationDistance.value();
            c.record("distance to a substation of that voltage", "km", er.connectionDistanceKm,
                     Origin::Site, Subject::Site);
        }
    }
}

} // namespace

void sizeUpsLosses(SizingContext &c)
{
    const ElectricalCatalog &e = c.catalog.electrical;
    c.upsPduLossPerIt = 1.0 / (e.upsEfficiency.value * e.pduEfficiency.value) - 1.0;
    c.use("UPS efficiency", "", e.upsEfficiency, Subject::Electrical);
    c.use("PDU efficiency", "", e.pduEfficiency, Subject::Electrical);
}

void sizeElectrical(SizingContext &c)
{
    const ElectricalCatalog &e = c.catalog.electrical;
    ElectricalResult &er = c.result.electrical;
    const double it = c.result.itLoad.value();
    const double upsLoss = it * c.upsPduLossPerIt;
    const double beforeTransformer = it + upsLoss + c.peakCoolingMw;
    const double transformerLoss = beforeTransformer * e.transformerLossFraction.value;
    const double facility = beforeTransformer + transformerLoss;
    er.peakCoolingLoad = Megawatts(c.peakCoolingMw);
    er.peakLosses = Megawatts(upsLoss + transformerLoss);
    er.peakFacilityLoad = Megawatts(facility);
    er.peakMva = MegavoltAmperes(facility / e.powerFactor.value);
    c.use("transformer losses", "share of load", e.transformerLossFraction, Subject::Electrical);
    c.use("power factor", "", e.powerFactor, Subject::Electrical);

    chooseTransformers(c, er.peakMva.value());
    chooseInterconnection(c, facility);
    er.campusDistribution = Kilovolts(e.campusMvKv.value);
    c.use("campus distribution voltage", "kV", e.campusMvKv, Subject::Electrical);

    er.mvBlocks = std::max(1, unitsFor(er.peakMva.value(), e.mvBlockMva.value));
    c.use("MV/LV unit substation rating", "MVA", e.mvBlockMva, Subject::Electrical);

    // UPS modules and generators run in parallel groups (a UPS system, a generator paralleling
    // bus) sized to the whole load, each group with its own spare at N+1; sizing them block by
    // block instead would round every block up to whole units (a 2.6 MW generator per 2.8 MW
    // block needs two) and install far more than the load.
    const GroupedUnits ups = groupedUnits(
            it, e.upsModuleMw.value, static_cast<int>(e.upsModulesPerSystem.value), c.input.ups);
    er.upsModules = {ups.installed, e.upsModuleMw.value};
    er.upsSystems = ups.groups;
    er.upsRatio = it > 0.0 ? er.upsModules.installed() / it : 0.0;
    c.use("UPS module rating", "MW", e.upsModuleMw, Subject::Electrical);
    c.use("UPS modules per parallel system (max)", "", e.upsModulesPerSystem, Subject::Electrical);
    const GroupedUnits gens =
            groupedUnits(facility, e.generatorUnitMw.value,
                         static_cast<int>(e.generatorsPerGroup.value), c.input.generators);
    er.generators = {gens.installed, e.generatorUnitMw.value};
    er.generatorGroups = c.input.generators == Redundancy::None ? 0 : gens.groups;
    er.backupRatio = facility > 0.0 ? er.generators.installed() / facility : 0.0;
    if (c.input.generators != Redundancy::None) {
        c.use("generator rating", "MW", e.generatorUnitMw, Subject::Electrical);
        c.use("generators per paralleling bus (max)", "", e.generatorsPerGroup,
              Subject::Electrical);
    }
}

} // namespace planner
