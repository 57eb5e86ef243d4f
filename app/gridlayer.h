// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A grid case on the map: a MATPOWER case joined to its bus-location table, the buses grouped
// into substations (one symbol per place; the highest base kV decides its voltage), the
// branches as straight lines between substations — schematic connections, not routes — and the
// N-1 load headroom of every bus from a planner::HeadroomStudy.
//
// The site scorer and the heatmap read it as two plain vector layers, substations and
// branches, each with a voltage per feature, so the site factors need no grid code of their own.
//
// Made once by loadGridLayer() in the loading worker; immutable afterwards and shared as
// std::shared_ptr<const GridLayerData> with renders, scorers and the GUI thread. Every member
// function is const and safe from any thread.

#include "common/expected.h"
#include "maps/analysis/nearestpoints.h"
#include "maps/vector/vectorlayer.h"
#include "planner/core/grid/buslocations.h"
#include "planner/core/grid/gridcase.h"
#include "planner/core/grid/headroom.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace app {

struct GridSubstation
{
    QString name;
    double lon = 0.0;
    double lat = 0.0;
    double maxKv = 0.0; // highest base kV of its buses; NaN when none has one
    std::vector<int> buses; // indices into GridCase::buses, highest kV first
    // The bus at or above GridLayerData::kStudiedKv with the most N-1 headroom, which colours
    // the symbol; -1 when there is none or no study.
    int bestBus = -1;
};

// The headroom bins substations are coloured by (N-1 headroom of their best bus, MW).
enum class HeadroomBin : std::uint8_t {
    NotStudied, // no bus at or above 115 kV, or no study
    NotServable, // isolated, or its island has no spare generation
    Below50,
    From50To200,
    From200To500,
    From500To1000,
    From1000, // 1,000 MW or more (also: unlimited)
};
inline constexpr int kHeadroomBinCount = 7;
HeadroomBin headroomBin(const planner::BusHeadroom &h);
QString headroomBinLabel(HeadroomBin bin);

// The N-1 headroom a site is scored and planned with: at most the N figure (MW; +infinity when
// nothing limits it, 0 when the bus cannot be served).
double scoredHeadroomMw(const planner::BusHeadroom &h);

struct NearestBus
{
    int busIndex = -1; // index into GridCase::buses
    double distanceKm = 0.0; // geodesic, from the query point to the bus's substation
};

class GridLayerData
{
public:
    static constexpr double kStudiedKv = 115.0; // buses that colour a substation

    const QString &name() const { return m_name; }
    const planner::GridCase &grid() const { return m_case; }
    const planner::PlacedGrid &placement() const { return m_placed; }
    // The study, or null when it could not be built (headroomError() says why).
    const planner::HeadroomStudy *study() const { return m_study.get(); }
    const QString &headroomError() const { return m_headroomError; }
    // N and N-1 headroom of a bus, or null when there is no study or no such bus.
    const planner::BusHeadroom *headroomOf(int busIndex) const;

    const std::vector<GridSubstation> &substations() const { return m_substations; }
    // Index into substations() of a bus's substation; -1 for an unplaced bus.
    int substationOfBus(int busIndex) const;
    HeadroomBin binOf(int substation) const;
    // The nearest placed bus at or above minKv: the substation nearest to (lon, lat) that has
    // such a bus, and of its buses at or above minKv the one with the most N-1 headroom (the
    // highest kV without a study). Nullopt when no bus qualifies.
    // Substations are compared by NearestPoints (chords; equal ones to the lower index), so the
    // answer equals that of headroomPoints() for a heatmap cell centred on (lon, lat).
    std::optional<NearestBus> nearestBus(double lon, double lat, double minKv) const;
    // nearestBus() for each of minKvs in one scan (nullopt where no bus qualifies).
    std::vector<std::optional<NearestBus>> nearestBuses(double lon, double lat,
                                                        const std::vector<double> &minKvs) const;
    // The distinct base kV of the placed buses, ascending: the nearest bus at or above any
    // voltage V is nearestBus() at the lowest of these at or above V.
    const std::vector<double> &voltageLevels() const { return m_levels; }
    // The substations that have a bus at or above minKv, in substations() order, with the N-1
    // headroom (MW, as scoredHeadroomMw) of the bus nearestBus() would pick there (NaN without
    // a study): the value points of the grid-headroom score factor on a heatmap.
    void headroomPoints(double minKv, std::vector<maps::LonLat> &points,
                        std::vector<float> &values) const;

    // Substations as points: label = name, kv = highest kV, value = N-1 headroom (MW) of the
    // best bus or NaN. Feature i is substations()[i].
    const maps::VectorLayer &substationLayer() const { return m_substationLayer; }
    // Branches between two substations as straight lines: label "A – B", kv = the lower end's
    // base kV. fids are indices into GridCase::branches.
    const maps::VectorLayer &branchLayer() const { return m_branchLayer; }
    // The bin of every feature of substationLayer(), for colouring (null without a study).
    std::shared_ptr<const std::vector<std::uint8_t>> substationBins() const { return m_bins; }

    // What the user should know: unplaced buses (listed), rows for buses the case does not
    // have, branches not drawn, that the lines are schematic, whether headroom was computed.
    const QStringList &notes() const { return m_notes; }
    QString summary() const; // "2,000 buses at 1,250 substations, 3,206 branches"

    struct Inputs
    {
        QString name; // the layer's name, for the part layers and messages
        QString caseSource; // the case file, as the parts' metadata source
        planner::GridCase grid;
        planner::PlacedGrid placed;
        QString locationsName; // the table's file name, for notes
        std::unique_ptr<planner::HeadroomStudy> study; // may be null
        std::vector<planner::BusHeadroom> headroom; // per bus index; empty without a study
        QString headroomError;
    };
    static energize::Expected<std::shared_ptr<const GridLayerData>> make(Inputs inputs);

private:
    GridLayerData() = default;
    void groupSubstations();
    void indexSubstations();
    int bestBusAtOrAbove(int substation, double minKv) const;
    energize::Status buildLayers();

    QString m_name;
    QString m_caseSource;
    planner::GridCase m_case;
    planner::PlacedGrid m_placed;
    QString m_locationsName;
    std::shared_ptr<const planner::HeadroomStudy> m_study;
    std::vector<planner::BusHeadroom> m_headroom;
    QString m_headroomError;
    std::vector<GridSubstation> m_substations;
    std::vector<int> m_substationOfBus;
    maps::NearestPoints m_substationPoints; // substations() in order
    std::vector<double> m_substationKv; // maxKv of each, NaN when unknown
    std::vector<double> m_levels;
    maps::VectorLayer m_substationLayer;
    maps::VectorLayer m_branchLayer;
    std::shared_ptr<const std::vector<std::uint8_t>> m_bins;
    int m_branchesDrawn = 0;
    int m_branchesInside = 0; // both ends in one substation (transformers): nothing to draw
    int m_branchesUnplaced = 0; // an end bus is unplaced
    QStringList m_notes;
};

// Reports what a grid load is doing ("N-1 headroom of every bus: 812 / 2,000") and how far the
// whole load is (0..1, never decreasing); returning false cancels it. May be called from
// several threads at once.
using GridLoadProgress = std::function<bool(const QString &what, double fraction)>;

// Reads the case and the location table, places the buses, builds the headroom study and the
// headroom of every bus. Blocking: run it in a worker. Errors name the file (and the line for a
// malformed case or table); a failed headroom study is not an error (the layer is drawn by kV
// and says why). Cancelled through progress: an error with ErrorCode::Cancelled.
energize::Expected<std::shared_ptr<const GridLayerData>>
loadGridLayer(const QString &name, const QString &casePath, const QString &locationsPath,
              const GridLoadProgress &progress = {});

} // namespace app
