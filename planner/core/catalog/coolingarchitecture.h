// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A cooling architecture from the catalog: how heat leaves the building and what it costs in
// power and water. Plain value owned by the Catalog; safe to copy and share between threads.

#include "planner/core/catalog/figure.h"

#include <string>

namespace planner {

// The ambient temperature that limits free cooling of a heat-rejection loop.
enum class AmbientLimit {
    DryBulb, // dry coolers, air-side economizers, air-cooled chillers
    WetBulb, // cooling towers, evaporative and adiabatic coolers
};

// How a wet-bulb loop uses water (a dry loop uses none). Both models put the heat into outdoor
// air and count the water that air carries away (see sizing/evaporation.h).
enum class EvaporationModel {
    None, // dry heat rejection
    CoolingTower, // open tower: evaporates whenever it rejects heat; exhaust leaves saturated
    DirectEvaporative, // evaporative air handler: wets the media only above its supply dry-bulb
};

struct Evaporation
{
    EvaporationModel model = EvaporationModel::None;
    Figure rangeK; // cooling tower: hot-water minus cold-water temperature (K)
    Figure airRiseK; // direct evaporative: air temperature rise through the hall (K)
    Figure latentHeatKjPerKg; // direct evaporative: latent heat of vaporisation of water
    Figure cyclesOfConcentration; // make-up / blowdown; blowdown = evaporation / (cycles − 1)
};

// One heat-rejection loop (the liquid loop or the air loop of a hall). Free cooling is complete
// when the ambient limit is at or below supply − approach, and fades out linearly over the
// partial band above it; the rest of the heat is moved by chillers.
struct CoolingLoop
{
    bool present = false;
    AmbientLimit limit = AmbientLimit::DryBulb;
    Figure supplyC; // required supply temperature (°C)
    Figure approachK; // total approach from ambient to supply (K)
    Figure partialBandK; // width of the partial-economizer band (K)
    Figure freeOverhead; // electric kW per kW of heat when free cooling (fans, pumps)
    Figure chillerCop; // chiller coefficient of performance at the economizer limit
    Figure copLossPerK; // fractional rise of chiller power per K above the limit
    Figure chillerUnitMw; // thermal rating of one chiller
    Figure rejectionUnitMw; // thermal rating of one heat-rejection unit
    std::string rejectionUnit; // "dry cooler", "cooling tower", "air-cooled chiller"…
    Evaporation evaporation; // wet-bulb loops only
};

struct CoolingArchitecture
{
    std::string id;
    std::string name;
    CoolingLoop liquid; // absent for air-only architectures
    CoolingLoop air; // absent when every watt goes to liquid (immersion)
    bool allHeatToLiquid = false;
    Figure cduUnitMw; // CDU rating; used when the liquid loop is present
    Figure maxAirRackKw; // practical air-cooling limit per rack
    // Water per kWh of IT energy (site) as published for the architecture: the plan's water
    // for an architecture without an evaporating loop; with one, the water comes from the
    // site's monthly climate and this is the published figure it is compared with.
    Figure wueLPerKwh;
    Figure pueBandMin; // published annual PUE band for the architecture
    Figure pueBandMax;
    int source = -1;
};

} // namespace planner
