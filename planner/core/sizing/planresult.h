// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What plan() returns: racks, cooling, electrical and land, the energy balance, and every
// assumption used. A plain value (a few small vectors); copy or move it to any thread. The
// assumptions refer to the Catalog the plan was made with (see assumption.h).

#include "planner/core/common/units.h"
#include "planner/core/sizing/assumption.h"
#include "planner/core/sizing/workload.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace planner {

// A number of identical units and the rating of one (MW, MVA… as the field says).
struct UnitCount
{
    int count = 0;
    double unitRating = 0.0;
    double installed() const { return count * unitRating; }
};

struct PhaseResult
{
    Megawatts itLoad;
    int racks = 0;
    Megawatts facilityPeak;
};

struct CoolingLoopResult
{
    bool present = false;
    Megawatts heat; // heat this loop rejects at design IT load
    double economizerHours = 0; // hours a year of full free cooling
    double partialHours = 0; // hours a year of partial free cooling
    double annualOverhead = 0; // cooling kW per kW of heat over the year
    double peakOverhead = 0; // cooling kW per kW of heat at the design temperature
    UnitCount chillers; // MW thermal each
    UnitCount rejectionUnits; // MW thermal each (dry coolers, towers, CRAH units…)
};

struct CoolingResult
{
    Megawatts heatToReject;
    Megawatts liquidHeat;
    Megawatts airHeat;
    Megawatts installedCapacity; // heat-rejection capacity including redundancy
    CoolingLoopResult liquidLoop;
    CoolingLoopResult airLoop;
    UnitCount cdus; // MW thermal each
    double annualPue = 0;
    double peakPue = 0;
    double economizerHours = 0; // heat-weighted over the loops
    double wueLPerKwh = 0; // site water per kWh of IT energy
    CubicMetres waterPerYear;
    // Water from the site's monthly climate (an architecture with an evaporating loop), by
    // month, January first; false: the architecture's published WUE, and the months are zero.
    bool waterFromClimate = false;
    std::array<CubicMetres, 12> monthlyWater{};
};

struct ElectricalResult
{
    Megawatts peakFacilityLoad;
    Megawatts peakCoolingLoad;
    Megawatts peakLosses;
    MegavoltAmperes peakMva;
    UnitCount transformers; // MVA each, including redundancy
    int transformersNeeded = 0;
    int substations = 0;
    Kilovolts interconnection;
    bool interconnectionAutomatic = true;
    double connectionDistanceKm = -1; // to the nearest substation of that class; -1 unknown
    Kilovolts campusDistribution;
    int mvBlocks = 0; // MV/LV unit substations
    UnitCount upsModules; // MW each, including redundancy
    int upsSystems = 0; // parallel UPS systems the modules run in (one spare each at N+1)
    UnitCount generators; // MW each, including redundancy
    int generatorGroups = 0; // paralleling buses the generators run on (one spare each at N+1)
    // Installed generator MW / peak facility MW (0 without generators), and installed UPS MW /
    // IT MW: how far the backup exceeds the load it carries.
    double backupRatio = 0.0;
    double upsRatio = 0.0;
};

struct EnergyResult
{
    MegawattHours it;
    MegawattHours cooling;
    MegawattHours losses;
    MegawattHours facility;
};

struct LandResult
{
    SquareMetres whiteSpace;
    SquareMetres grossFloor;
    SquareMetres buildingFootprint;
    SquareMetres yards;
    Hectares campus;
};

struct PlanResult
{
    int acceleratorIndex = -1; // in Catalog::accelerators; -1 for a custom system
    int coolingIndex = -1; // in Catalog::cooling
    int racks = 0;
    long long accelerators = 0;
    std::optional<WorkloadSizing> workload; // when the plan was sized from a served workload
    Kilowatts rackPower;
    Megawatts itLoad;
    double liquidShare = 0; // share of IT heat taken by liquid
    std::vector<PhaseResult> phases;
    CoolingResult cooling;
    ElectricalResult electrical;
    EnergyResult annualEnergy;
    LandResult land;
    std::vector<Assumption> assumptions;
    std::vector<std::string> warnings; // plan is valid but worth a second look
};

} // namespace planner
