// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/sizing/planvalidation.h"

#include <cmath>
#include <limits>
#include <sstream>

namespace planner {
namespace {

std::string num(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

bool finite(double v)
{
    return std::isfinite(v);
}

std::string checkRedundancy(const char *system, Redundancy r, bool none, bool n, bool n1, bool twoN)
{
    const bool ok = (r == Redundancy::None && none) || (r == Redundancy::N && n)
            || (r == Redundancy::NPlus1 && n1) || (r == Redundancy::TwoN && twoN);
    if (ok)
        return {};
    std::string allowed;
    for (auto [flag, name] : {std::pair{none, "none"}, std::pair{n, "N"}, std::pair{n1, "N+1"},
                              std::pair{twoN, "2N"}}) {
        if (flag)
            allowed += (allowed.empty() ? "" : ", ") + std::string(name);
    }
    return std::string(system) + " redundancy " + std::string(redundancyName(r))
            + " is not offered; choose " + allowed;
}

std::string checkCustom(const AcceleratorSystem &a)
{
    if (!finite(a.rackItPowerKw.value) || a.rackItPowerKw.value <= 0.0)
        return "custom accelerator: rack IT power must be a positive number of kW";
    if (!finite(a.acceleratorsPerRack.value) || a.acceleratorsPerRack.value < 0.0)
        return "custom accelerator: accelerators per rack must be zero or more";
    if (!finite(a.liquidHeatFraction.value) || a.liquidHeatFraction.value < 0.0
        || a.liquidHeatFraction.value > 1.0)
        return "custom accelerator: the liquid share of heat must be between 0 and 1";
    return {};
}

// +infinity is a valid headroom (nothing limits it); NaN and negative figures are not.
std::string validateHeadroom(const GridHeadroom &h)
{
    if (!(h.n.value() >= 0.0) || !(h.n1.value() >= 0.0))
        return "site grid headroom: the N and N-1 headroom must be 0 MW or more";
    if (h.n1.value() > h.n.value())
        return "site grid headroom: the N-1 headroom (" + num(h.n1.value())
                + " MW) cannot exceed the N headroom (" + num(h.n.value()) + " MW)";
    if (h.busVoltage && (!finite(h.busVoltage->value()) || h.busVoltage->value() <= 0.0))
        return "site grid headroom: the bus voltage must be positive (kV)";
    if (h.distance && (!finite(h.distance->value()) || h.distance->value() < 0.0))
        return "site grid headroom: the distance to the bus must be 0 km or more";
    return {};
}

} // namespace

std::string validatePlanInput(const PlanInput &in, const Catalog &catalog)
{
    if (int(in.targetItLoad.has_value()) + int(in.rackCount.has_value())
                + int(in.workload.has_value())
        != 1)
        return "give one of a target IT load in MW, a number of racks or a workload, not "
               "several or none";
    if (in.targetItLoad) {
        const double mw = in.targetItLoad->value();
        if (!finite(mw) || mw <= 0.0)
            return "target IT load " + num(mw) + " MW: must be a positive number of MW";
    }
    if (in.rackCount && *in.rackCount <= 0)
        return "rack count " + std::to_string(*in.rackCount) + ": must be at least 1";
    if (in.customAccelerator) {
        if (std::string e = checkCustom(*in.customAccelerator); !e.empty())
            return e;
    } else if (!catalog.findAccelerator(in.acceleratorId)) {
        return "unknown accelerator system '" + in.acceleratorId
                + "'; use an id from the catalog's accelerators.json or a custom system";
    }
    // The rack count is an int: a load beyond it is a typing error, not a data centre.
    const AcceleratorSystem *system = in.customAccelerator
            ? &*in.customAccelerator
            : catalog.findAccelerator(in.acceleratorId);
    if (in.targetItLoad && system
        && in.targetItLoad->value() * 1000.0 / system->rackItPowerKw.value
                >= double(std::numeric_limits<int>::max()))
        return "target IT load " + num(in.targetItLoad->value()) + " MW: needs more than "
                + std::to_string(std::numeric_limits<int>::max()) + " racks of "
                + num(system->rackItPowerKw.value) + " kW; check the figure";
    if (!catalog.findCooling(in.coolingId))
        return "unknown cooling architecture '" + in.coolingId
                + "'; use an id from the catalog's cooling.json";
    for (const std::string &e :
         {checkRedundancy("transformer", in.transformers, false, true, true, true),
          checkRedundancy("UPS", in.ups, false, false, true, true),
          checkRedundancy("generator", in.generators, true, false, true, true),
          checkRedundancy("cooling", in.cooling, false, true, true, false)}) {
        if (!e.empty())
            return e;
    }
    for (std::size_t i = 0; i < in.phases.size(); ++i) {
        const double mw = in.phases[i].value();
        if (!finite(mw) || mw <= 0.0)
            return "phase " + std::to_string(i + 1) + ": " + num(mw)
                    + " MW must be a positive number of MW";
    }
    if (in.interconnection) {
        bool known = false;
        std::string classes;
        for (const VoltageClass &v : catalog.electrical.voltageClasses) {
            known = known || std::abs(v.voltageKv.value - in.interconnection->value()) < 0.5;
            classes += (classes.empty() ? "" : ", ") + num(v.voltageKv.value);
        }
        if (!known)
            return "interconnection voltage " + num(in.interconnection->value())
                    + " kV is not a catalog class; choose one of " + classes + " kV";
    }
    const double u = in.averageItLoadFraction;
    if (!finite(u) || u <= 0.0 || u > 1.0)
        return "average IT load fraction " + num(u) + ": must be above 0 and at most 1";
    return {};
}

std::string validateSite(const SiteConditions &site)
{
    const Climate &c = site.climate;
    for (int m = 0; m < 12; ++m) {
        const double dry = c.monthlyDryBulb[static_cast<std::size_t>(m)].value();
        const double wet = c.monthlyWetBulb[static_cast<std::size_t>(m)].value();
        const std::string month = "climate month " + std::to_string(m + 1) + ": ";
        if (!finite(dry) || !finite(wet) || dry < -70.0 || dry > 60.0 || wet < -70.0)
            return month + "dry-bulb and wet-bulb must be temperatures in °C";
        if (wet > dry + 0.05)
            return month + "the wet-bulb (" + num(wet) + " °C) cannot exceed the dry-bulb ("
                    + num(dry) + " °C)";
    }
    if (!finite(c.dryBulbSpreadK) || c.dryBulbSpreadK <= 0.0 || !finite(c.wetBulbSpreadK)
        || c.wetBulbSpreadK <= 0.0)
        return "climate: the hourly spreads of dry-bulb and wet-bulb must be positive (K)";
    if (!finite(c.designDryBulb.value()) || !finite(c.designWetBulb.value())
        || c.designWetBulb.value() > c.designDryBulb.value() + 0.05)
        return "climate: design temperatures must be numbers, wet-bulb not above dry-bulb";
    if (!finite(site.elevation.value()))
        return "site: elevation must be a number of metres";
    if (!finite(site.landPrice.value()) || site.landPrice.value() < 0.0)
        return "site: land price must be zero or more USD per hectare";
    if (!finite(site.electricityPrice.value()) || site.electricityPrice.value() < 0.0)
        return "site: electricity price must be zero or more USD per MWh";
    for (const GridAccess &g : site.grid) {
        if (!finite(g.voltage.value()) || g.voltage.value() <= 0.0
            || !finite(g.substationDistance.value()) || g.substationDistance.value() < 0.0
            || !finite(g.lineDistance.value()) || g.lineDistance.value() < 0.0)
            return "site grid access: voltage must be positive and distances zero or more";
    }
    for (const ServingBus &bus : site.servingBuses) {
        if (const std::string problem = validateHeadroom(bus.headroom); !problem.empty())
            return problem;
    }
    if (site.gridHeadroom)
        return validateHeadroom(*site.gridHeadroom);
    return {};
}

} // namespace planner
