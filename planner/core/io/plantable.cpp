// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a PlanResult as a plain-text table for a terminal: one section per part of the plan,
// then the assumptions with their origin and source.

#include "planner/core/io/planjson.h"
#include "planner/core/sizing/resultlabels.h"

#include <cstdio>
#include <string>

namespace planner {
namespace {

class Table
{
public:
    void section(const std::string &title) { m_text += "\n" + title + "\n"; }

    void row(const std::string &label, const std::string &value)
    {
        char line[256];
        std::snprintf(line, sizeof line, "  %-38s %s\n", label.c_str(), value.c_str());
        m_text += line;
    }

    std::string m_text;
};

std::string fmt(double v, int decimals, const char *unit = "")
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f%s%s", decimals, v, *unit ? " " : "", unit);
    return buf;
}

// Up to six significant digits, for assumptions whose scale varies from 0.005 to 8760.
std::string general(double v, const char *unit)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g%s%s", v, *unit ? " " : "", unit);
    return buf;
}

std::string units(const UnitCount &u, const char *unit)
{
    return std::to_string(u.count) + " × " + fmt(u.unitRating, 2, unit);
}

void loopRows(Table &t, const char *name, const CoolingLoopResult &loop, const CoolingLoop &spec)
{
    if (!loop.present)
        return;
    t.row(std::string(name) + " heat", fmt(loop.heat.value(), 2, "MW"));
    t.row(std::string(name) + " economizer hours", fmt(loop.economizerHours, 0, "h/yr"));
    t.row(std::string(name) + " chillers", units(loop.chillers, "MW"));
    t.row(std::string(name) + " " + spec.rejectionUnit + "s", units(loop.rejectionUnits, "MW"));
}

} // namespace

std::string planResultToTable(const PlanResult &r, const PlanInput &in, const Catalog &catalog)
{
    const AcceleratorSystem &acc = acceleratorOf(r, in, catalog);
    const CoolingArchitecture &arch = coolingOf(r, catalog);
    const CoolingResult &c = r.cooling;
    const ElectricalResult &e = r.electrical;
    Table t;
    t.section("Racks");
    t.row("accelerator system", acc.name + " (" + acc.id + ")");
    t.row("racks", std::to_string(r.racks));
    t.row("accelerators", std::to_string(r.accelerators));
    t.row("power per rack", fmt(r.rackPower.value(), 1, "kW"));
    t.row("IT load", fmt(r.itLoad.value(), 2, "MW"));
    t.row("liquid / air share of IT heat",
          fmt(100 * r.liquidShare, 0, "%") + " / " + fmt(100 * (1 - r.liquidShare), 0, "%"));
    for (std::size_t i = 0; i < r.phases.size(); ++i) {
        const PhaseResult &p = r.phases[i];
        t.row("phase " + std::to_string(i + 1),
              fmt(p.itLoad.value(), 2, "MW IT, ") + std::to_string(p.racks) + " racks, "
                      + fmt(p.facilityPeak.value(), 2, "MW peak"));
    }
    t.section("Cooling: " + arch.name);
    t.row("heat to reject", fmt(c.heatToReject.value(), 2, "MW"));
    t.row("installed heat rejection", fmt(c.installedCapacity.value(), 2, "MW"));
    t.row("annual PUE / peak PUE", fmt(c.annualPue, 3) + " / " + fmt(c.peakPue, 3));
    t.row("economizer hours (heat-weighted)", fmt(c.economizerHours, 0, "h/yr"));
    t.row("water",
          fmt(c.wueLPerKwh, 2, "L/kWh, ") + fmt(c.waterPerYear.value(), 0, "m³/yr")
                  + (c.waterFromClimate ? " (from the monthly climate)"
                                        : " (published WUE of the architecture)"));
    if (c.waterFromClimate) {
        std::string months;
        for (const CubicMetres &m3 : c.monthlyWater)
            months += (months.empty() ? "" : " ") + fmt(m3.value() / 1000.0, 1);
        t.row("water by month (Jan-Dec)", months + " thousand m³");
    }
    if (c.cdus.count)
        t.row("CDUs", units(c.cdus, "MW"));
    loopRows(t, "liquid loop", c.liquidLoop, arch.liquid);
    loopRows(t, "air loop", c.airLoop, arch.air);
    t.section("Electrical");
    t.row("peak facility load", fmt(e.peakFacilityLoad.value(), 2, "MW"));
    t.row("of which cooling / losses",
          fmt(e.peakCoolingLoad.value(), 2, "MW") + " / " + fmt(e.peakLosses.value(), 2, "MW"));
    t.row("peak apparent power", fmt(e.peakMva.value(), 1, "MVA"));
    std::string kv = fmt(e.interconnection.value(), 1, "kV")
            + (e.interconnectionAutomatic ? " (automatic)" : " (chosen)");
    if (e.connectionDistanceKm >= 0.0)
        kv += ", substation " + fmt(e.connectionDistanceKm, 1, "km");
    t.row("interconnection", kv);
    t.row("utility transformers",
          units(e.transformers, "MVA") + " in " + std::to_string(e.substations) + " substation(s)");
    t.row("campus distribution", fmt(e.campusDistribution.value(), 1, "kV"));
    t.row("MV/LV unit substations", std::to_string(e.mvBlocks));
    t.row("UPS modules",
          units(e.upsModules, "MW") + " in " + std::to_string(e.upsSystems)
                  + " parallel system(s)");
    t.row("UPS installed / IT load", fmt(e.upsRatio, 2) + "×");
    t.row("generators",
          units(e.generators, "MW") + " on " + std::to_string(e.generatorGroups)
                  + " paralleling bus(es)");
    t.row("backup installed / facility peak", fmt(e.backupRatio, 2) + "×");
    t.section("Annual energy");
    t.row("IT / cooling / losses",
          fmt(r.annualEnergy.it.value(), 0, "MWh") + " / "
                  + fmt(r.annualEnergy.cooling.value(), 0, "MWh") + " / "
                  + fmt(r.annualEnergy.losses.value(), 0, "MWh"));
    t.row("facility", fmt(r.annualEnergy.facility.value(), 0, "MWh"));
    t.section("Land");
    t.row("white space / gross floor",
          fmt(r.land.whiteSpace.value(), 0, "m²") + " / "
                  + fmt(r.land.grossFloor.value(), 0, "m²"));
    t.row("building footprint / yards",
          fmt(r.land.buildingFootprint.value(), 0, "m²") + " / "
                  + fmt(r.land.yards.value(), 0, "m²"));
    t.row("campus", fmt(r.land.campus.value(), 1, "ha"));
    if (!r.warnings.empty()) {
        t.section("Warnings");
        for (const std::string &w : r.warnings)
            t.m_text += "  ! " + w + "\n";
    }
    t.section("Assumptions (value, origin, source)");
    for (const Assumption &a : r.assumptions) {
        std::string origin = originName(a.origin);
        if (const SourceRef *s =
                    a.origin == Origin::Catalog ? catalog.sourceOf(Figure{0, a.source}) : nullptr)
            origin += " " + s->url + " (" + s->year + (s->status.empty() ? "" : ", " + s->status)
                    + ")";
        t.m_text += "  " + subjectLabel(a, r, in, catalog) + ": " + a.key + " = "
                + general(a.value, a.unit) + " [" + origin + "]\n";
    }
    return t.m_text.substr(1);
}

} // namespace planner
