// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gridlayer.h"

#include "planner/core/grid/matpowercase.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

namespace app {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr int kListedBuses = 20; // unplaced bus ids listed in a note, the rest counted

QString tr(const char *text)
{
    return QCoreApplication::translate("app::GridLayer", text);
}

QString number(long long n)
{
    return QLocale().toString(n);
}

QString busName(const planner::GridBus &bus)
{
    return bus.name.empty() ? tr("bus %1").arg(bus.id) : QString::fromStdString(bus.name).trimmed();
}

// N-1 headroom as one comparable number: unlimited above everything, not servable below.
double n1Of(const planner::BusHeadroom &h)
{
    if (h.bindingN1.limit == planner::HeadroomLimit::NotServable)
        return -1.0;
    return h.headroomN1Mw;
}

} // namespace

HeadroomBin headroomBin(const planner::BusHeadroom &h)
{
    if (h.bindingN1.limit == planner::HeadroomLimit::NotServable)
        return HeadroomBin::NotServable;
    const double mw = h.headroomN1Mw;
    if (mw < 50.0)
        return HeadroomBin::Below50;
    if (mw < 200.0)
        return HeadroomBin::From50To200;
    if (mw < 500.0)
        return HeadroomBin::From200To500;
    if (mw < 1000.0)
        return HeadroomBin::From500To1000;
    return HeadroomBin::From1000;
}

QString headroomBinLabel(HeadroomBin bin)
{
    switch (bin) {
    case HeadroomBin::NotStudied:
        return tr("no bus ≥ 115 kV");
    case HeadroomBin::NotServable:
        return tr("not servable");
    case HeadroomBin::Below50:
        return tr("below 50 MW");
    case HeadroomBin::From50To200:
        return tr("50–200 MW");
    case HeadroomBin::From200To500:
        return tr("200–500 MW");
    case HeadroomBin::From500To1000:
        return tr("500–1,000 MW");
    case HeadroomBin::From1000:
        return tr("1,000 MW and more");
    }
    return {};
}

const planner::BusHeadroom *GridLayerData::headroomOf(int busIndex) const
{
    if (busIndex < 0 || std::size_t(busIndex) >= m_headroom.size())
        return nullptr;
    return &m_headroom[std::size_t(busIndex)];
}

int GridLayerData::substationOfBus(int busIndex) const
{
    if (busIndex < 0 || std::size_t(busIndex) >= m_substationOfBus.size())
        return -1;
    return m_substationOfBus[std::size_t(busIndex)];
}

HeadroomBin GridLayerData::binOf(int substation) const
{
    if (substation < 0 || std::size_t(substation) >= m_substations.size())
        return HeadroomBin::NotStudied;
    const int best = m_substations[std::size_t(substation)].bestBus;
    const planner::BusHeadroom *h = headroomOf(best);
    return h ? headroomBin(*h) : HeadroomBin::NotStudied;
}

double scoredHeadroomMw(const planner::BusHeadroom &h)
{
    if (h.bindingN1.limit == planner::HeadroomLimit::NotServable)
        return 0.0;
    return std::min(h.headroomN1Mw, h.headroomNMw);
}

std::optional<NearestBus> GridLayerData::nearestBus(double lon, double lat, double minKv) const
{
    return nearestBuses(lon, lat, {minKv}).front();
}

std::vector<std::optional<NearestBus>>
GridLayerData::nearestBuses(double lon, double lat, const std::vector<double> &minKvs) const
{
    const auto hits = m_substationPoints.nearestAtOrAbove({lon, lat}, m_substationKv, minKvs);
    std::vector<std::optional<NearestBus>> out(minKvs.size());
    for (std::size_t k = 0; k < minKvs.size(); ++k) {
        if (hits[k].index < 0)
            continue;
        const int bus = bestBusAtOrAbove(hits[k].index, minKvs[k]);
        if (bus >= 0)
            out[k] = NearestBus{bus, hits[k].distanceM / 1000.0};
    }
    return out;
}

int GridLayerData::bestBusAtOrAbove(int substation, double minKv) const
{
    int chosen = -1;
    for (int bus : m_substations[std::size_t(substation)].buses) { // highest kV first
        if (!(m_case.buses[std::size_t(bus)].baseKv >= minKv))
            continue;
        const planner::BusHeadroom *h = headroomOf(bus);
        const planner::BusHeadroom *best = headroomOf(chosen);
        if (chosen < 0 || (h && best && n1Of(*h) > n1Of(*best)))
            chosen = bus;
    }
    return chosen;
}

void GridLayerData::headroomPoints(double minKv, std::vector<maps::LonLat> &points,
                                   std::vector<float> &values) const
{
    for (std::size_t i = 0; i < m_substations.size(); ++i) {
        if (!(m_substationKv[i] >= minKv))
            continue;
        const int bus = bestBusAtOrAbove(int(i), minKv);
        if (bus < 0)
            continue;
        const GridSubstation &s = m_substations[i];
        const planner::BusHeadroom *h = headroomOf(bus);
        points.push_back({s.lon, s.lat});
        values.push_back(h ? float(scoredHeadroomMw(*h)) : kNaN);
    }
}

QString GridLayerData::summary() const
{
    return tr("%1 buses at %2 substations, %3 branches (%4 drawn between substations)")
            .arg(number(qint64(m_case.buses.size())), number(qint64(m_substations.size())),
                 number(qint64(m_case.branches.size())), number(m_branchesDrawn));
}

energize::Expected<std::shared_ptr<const GridLayerData>> GridLayerData::make(Inputs inputs)
{
    std::shared_ptr<GridLayerData> d(new GridLayerData);
    d->m_name = std::move(inputs.name);
    d->m_caseSource = std::move(inputs.caseSource);
    d->m_case = std::move(inputs.grid);
    d->m_placed = std::move(inputs.placed);
    d->m_locationsName = std::move(inputs.locationsName);
    d->m_study = std::move(inputs.study);
    d->m_headroom = std::move(inputs.headroom);
    d->m_headroomError = std::move(inputs.headroomError);
    if (d->m_placed.placed.size() != d->m_case.buses.size())
        return energize::Error{"the bus locations do not belong to this case"};
    if (!d->m_headroom.empty() && d->m_headroom.size() != d->m_case.buses.size())
        return energize::Error{"the headroom results do not belong to this case"};
    d->groupSubstations();
    d->indexSubstations();
    if (auto built = d->buildLayers(); !built)
        return built.error();
    return std::shared_ptr<const GridLayerData>(std::move(d));
}

// One substation per substation id of the table, or per exact location where the table has no
// ids: buses at one place are the voltage levels of one site.
void GridLayerData::groupSubstations()
{
    const auto &buses = m_case.buses;
    m_substationOfBus.assign(buses.size(), -1);
    std::map<long long, int> byId;
    std::map<std::pair<double, double>, int> byPlace;
    for (std::size_t b = 0; b < buses.size(); ++b) {
        if (!m_placed.placed[b])
            continue;
        const long long id = m_placed.substationId[b];
        int &slot = id != 0
                ? byId.try_emplace(id, -1).first->second
                : byPlace.try_emplace({m_placed.lon[b], m_placed.lat[b]}, -1).first->second;
        if (slot < 0) {
            slot = int(m_substations.size());
            GridSubstation s;
            s.lon = m_placed.lon[b];
            s.lat = m_placed.lat[b];
            s.name = QString::fromStdString(m_placed.substation[b]).trimmed();
            if (s.name.isEmpty())
                s.name = busName(buses[b]);
            s.maxKv = std::numeric_limits<double>::quiet_NaN();
            m_substations.push_back(std::move(s));
        }
        m_substationOfBus[b] = slot;
        m_substations[std::size_t(slot)].buses.push_back(int(b));
    }
    // Highest voltage first within a substation; substations by rising voltage, so that the
    // high-voltage symbols are drawn last, on top.
    for (GridSubstation &s : m_substations) {
        std::stable_sort(s.buses.begin(), s.buses.end(), [&](int a, int b) {
            return buses[std::size_t(a)].baseKv > buses[std::size_t(b)].baseKv;
        });
        if (buses[std::size_t(s.buses.front())].baseKv > 0.0)
            s.maxKv = buses[std::size_t(s.buses.front())].baseKv;
        for (int bus : s.buses) {
            if (!(buses[std::size_t(bus)].baseKv >= kStudiedKv))
                continue;
            const planner::BusHeadroom *h = headroomOf(bus);
            const planner::BusHeadroom *best = headroomOf(s.bestBus);
            if (h && (!best || n1Of(*h) > n1Of(*best)))
                s.bestBus = bus;
        }
    }
    std::vector<int> order(m_substations.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const double ka = m_substations[std::size_t(a)].maxKv;
        const double kb = m_substations[std::size_t(b)].maxKv;
        return (std::isnan(ka) ? -1.0 : ka) < (std::isnan(kb) ? -1.0 : kb);
    });
    std::vector<GridSubstation> sorted;
    std::vector<int> newIndex(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        newIndex[std::size_t(order[i])] = int(i);
        sorted.push_back(std::move(m_substations[std::size_t(order[i])]));
    }
    m_substations = std::move(sorted);
    for (int &s : m_substationOfBus) {
        if (s >= 0)
            s = newIndex[std::size_t(s)];
    }
}

void GridLayerData::indexSubstations()
{
    std::vector<maps::LonLat> at;
    for (const GridSubstation &s : m_substations) {
        at.push_back({s.lon, s.lat});
        m_substationKv.push_back(s.maxKv);
    }
    m_substationPoints = maps::NearestPoints(at);
    for (std::size_t b = 0; b < m_case.buses.size(); ++b) {
        const double kv = m_case.buses[b].baseKv;
        if (substationOfBus(int(b)) >= 0 && kv > 0.0)
            m_levels.push_back(kv);
    }
    std::sort(m_levels.begin(), m_levels.end());
    m_levels.erase(std::unique(m_levels.begin(), m_levels.end()), m_levels.end());
}

energize::Status GridLayerData::buildLayers()
{
    const auto &buses = m_case.buses;
    auto subs = std::make_shared<maps::FeatureStore>();
    subs->kind = maps::GeometryKind::Point;
    auto bins = std::make_shared<std::vector<std::uint8_t>>();
    for (std::size_t i = 0; i < m_substations.size(); ++i) {
        const GridSubstation &s = m_substations[i];
        const maps::LonLat at{s.lon, s.lat};
        subs->addPart({&at, 1});
        const planner::BusHeadroom *h = headroomOf(s.bestBus);
        subs->endFeature(qint64(i), std::isnan(s.maxKv) ? kNaN : float(s.maxKv), kNaN,
                         h ? float(h->headroomN1Mw) : kNaN, 0);
        subs->labels.push_back(s.name);
        bins->push_back(std::uint8_t(binOf(int(i))));
    }
    // The reader checked that branches name buses of the case.
    std::unordered_map<int, int> indexOf;
    for (std::size_t b = 0; b < buses.size(); ++b)
        indexOf.emplace(buses[b].id, int(b));
    auto busIndexOf = [&](int id) {
        const auto it = indexOf.find(id);
        return it == indexOf.end() ? -1 : it->second;
    };
    auto lines = std::make_shared<maps::FeatureStore>();
    lines->kind = maps::GeometryKind::Line;
    for (std::size_t k = 0; k < m_case.branches.size(); ++k) {
        const planner::GridBranch &branch = m_case.branches[k];
        const int from = busIndexOf(branch.from);
        const int to = busIndexOf(branch.to);
        const int a = substationOfBus(from);
        const int b = substationOfBus(to);
        if (a < 0 || b < 0) {
            ++m_branchesUnplaced;
            continue;
        }
        if (a == b) {
            ++m_branchesInside;
            continue;
        }
        const GridSubstation &sa = m_substations[std::size_t(a)];
        const GridSubstation &sb = m_substations[std::size_t(b)];
        const maps::LonLat ends[2] = {{sa.lon, sa.lat}, {sb.lon, sb.lat}};
        lines->addPart(ends);
        const double kvA = buses[std::size_t(from)].baseKv;
        const double kvB = buses[std::size_t(to)].baseKv;
        const double kv = std::min(kvA, kvB);
        lines->endFeature(qint64(k), kv > 0.0 ? float(kv) : kNaN, kNaN, float(branch.rateAMva), 0);
        lines->labels.push_back(QStringLiteral("%1 – %2").arg(sa.name, sb.name));
        ++m_branchesDrawn;
    }
    auto subIndex = maps::SpatialIndex::build(*subs);
    if (!subIndex)
        return subIndex.error();
    auto lineIndex = maps::SpatialIndex::build(*lines);
    if (!lineIndex)
        return lineIndex.error();

    maps::VectorLayer::Metadata subMeta;
    subMeta.name = tr("%1: substations").arg(m_name);
    subMeta.source = m_caseSource;
    subMeta.sourceCrs = QStringLiteral("EPSG:4326");
    subMeta.guess = {maps::LayerRole::Substations, tr("the buses of a grid case, by substation")};
    subMeta.fields = {QStringLiteral("name"), QStringLiteral("voltage_kv"),
                      QStringLiteral("headroom_n1_mw")};
    subMeta.mapping.fields[std::size_t(maps::FieldPurpose::Voltage)] = QStringLiteral("voltage_kv");
    subMeta.mapping.fields[std::size_t(maps::FieldPurpose::Name)] = QStringLiteral("name");
    m_substationLayer = maps::VectorLayer(
            subMeta, subs, std::make_shared<const maps::SpatialIndex>(std::move(*subIndex)));
    maps::VectorLayer::Metadata lineMeta = subMeta;
    lineMeta.name = tr("%1: branches (schematic)").arg(m_name);
    lineMeta.guess = {maps::LayerRole::TransmissionLines,
                      tr("the branches of a grid case, straight between substations")};
    lineMeta.fields = {QStringLiteral("name"), QStringLiteral("voltage_kv"),
                       QStringLiteral("rate_a_mva")};
    m_branchLayer = maps::VectorLayer(
            lineMeta, lines, std::make_shared<const maps::SpatialIndex>(std::move(*lineIndex)));
    if (m_study)
        m_bins = std::move(bins);

    m_notes << tr("Branches are drawn as straight lines between substations: schematic "
                  "connections, not their routes.");
    if (!m_placed.unplacedBusIds.empty()) {
        QStringList ids;
        for (std::size_t i = 0; i < m_placed.unplacedBusIds.size() && i < kListedBuses; ++i)
            ids << QString::number(m_placed.unplacedBusIds[i]);
        if (m_placed.unplacedBusIds.size() > kListedBuses)
            ids << tr("and %1 more")
                            .arg(number(qint64(m_placed.unplacedBusIds.size()) - kListedBuses));
        m_notes << tr("%1 of %2 buses have no row in %3 and are not drawn: %4")
                           .arg(number(qint64(m_placed.unplacedBusIds.size())),
                                number(qint64(buses.size())), m_locationsName, ids.join(", "));
    }
    if (m_placed.unknownRows > 0)
        m_notes << tr("%1 rows of %2 name buses this case does not have (ignored)")
                           .arg(number(m_placed.unknownRows))
                           .arg(m_locationsName);
    if (m_branchesUnplaced > 0)
        m_notes << tr("%1 branches are not drawn: a bus at an end has no location")
                           .arg(number(m_branchesUnplaced));
    if (m_study)
        m_notes << tr("Substations coloured by the N-1 headroom of their best bus at or above "
                      "115 kV (DC power flow, single branch outages).");
    else
        m_notes << tr("No headroom: %1. Substations are coloured by voltage.")
                           .arg(m_headroomError.isEmpty() ? tr("not computed") : m_headroomError);
    return energize::done();
}

} // namespace app
