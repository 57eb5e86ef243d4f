// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/schedule/scheduledefaultnetwork.h"

#include <cmath>
#include <limits>
#include <optional>

namespace planner {

std::string scheduletasks::energization(int phase)
{
    return "energization_" + std::to_string(phase);
}

namespace {

std::string phaseId(const char *stem, int phase)
{
    return std::string(stem) + "_" + std::to_string(phase);
}

// Collects tasks; the first catalog lookup that fails is kept and returned by finish().
class NetworkBuilder
{
public:
    explicit NetworkBuilder(const ScheduleCatalog &catalog) : m_catalog(catalog) {}

    void add(std::string id, const std::string &entryId, std::vector<std::string> preds,
             const std::string &nameSuffix = {})
    {
        auto entry = m_catalog.require(entryId, "months");
        if (!entry) {
            fail(entry.error());
            return;
        }
        const ScheduleEntry &e = **entry;
        m_tasks.push_back(ScheduleTask{std::move(id), e.name + nameSuffix, e.value, e.distribution,
                                       std::move(preds), Join::All, e.id});
    }

    void addTask(ScheduleTask task) { m_tasks.push_back(std::move(task)); }

    void milestone(std::string id, std::string name, std::vector<std::string> preds, Join join)
    {
        m_tasks.push_back(ScheduleTask{std::move(id),
                                       std::move(name),
                                       ThreePoint{},
                                       Distribution::Triangular,
                                       std::move(preds),
                                       join,
                                       {}});
    }

    void fail(Error e)
    {
        if (!m_error) {
            m_error = std::move(e);
        }
    }

    Expected<ScheduleNetwork> finish()
    {
        if (m_error) {
            return *m_error;
        }
        return ScheduleNetwork::create(std::move(m_tasks));
    }

private:
    const ScheduleCatalog &m_catalog;
    std::vector<ScheduleTask> m_tasks;
    std::optional<Error> m_error;
};

std::string catalogName(const ScheduleCatalog &catalog)
{
    return catalog.fileName().empty() ? std::string("schedule catalog") : catalog.fileName();
}

// The construction entry whose IT load band holds `load`.
Expected<const ScheduleEntry *> constructionEntry(const ScheduleCatalog &catalog, Megawatts load)
{
    for (const ScheduleEntry *e : catalog.withPrefix("construction.")) {
        if (e->unit == "months" && e->itMwMin && e->itMwMax && load.value() >= *e->itMwMin
            && load.value() < *e->itMwMax) {
            return e;
        }
    }
    return Error{catalogName(catalog) + ": no 'construction.*' entry covers a phase of "
                 + std::to_string(load.value())
                 + " MW; add one whose it_mw_min/it_mw_max band holds it"};
}

// The construction rate of the lowest voltage band that holds `voltage`.
Expected<const ScheduleEntry *> lineRateEntry(const ScheduleCatalog &catalog, Kilovolts voltage)
{
    const ScheduleEntry *best = nullptr;
    for (const ScheduleEntry *e : catalog.withPrefix("transmission.rate.")) {
        if (e->unit == "km/month" && e->kv && *e->kv >= voltage.value()
            && (!best || *e->kv < *best->kv)) {
            best = e;
        }
    }
    if (!best) {
        return Error{catalogName(catalog) + ": no 'transmission.rate.*' entry (km/month) for "
                     + std::to_string(voltage.value()) + " kV; add one with a 'kv' at or above it"};
    }
    return best;
}

// An option chosen by id (market, bridging technology) must have its catalog entry; the error
// lists the options the catalog has.
std::optional<Error> checkOption(const ScheduleCatalog &catalog, const std::string &family,
                                 const std::string &option, const char *what)
{
    const std::string prefix = family + ".";
    if (catalog.find(prefix + option)) {
        return std::nullopt;
    }
    std::string known;
    for (const ScheduleEntry *e : catalog.withPrefix(prefix)) {
        const std::string id = e->id.substr(prefix.size());
        if (e->unit == "months" && id.find('.') == std::string::npos) {
            known += (known.empty() ? "" : ", ") + id;
        }
    }
    return Error{catalogName(catalog) + ": no entry '" + prefix + option + "' for the " + what
                 + " '" + option + "'; choose one of: " + known};
}

std::optional<Error> checkInputs(const ScheduleInputs &in)
{
    if (in.phases.empty()) {
        return Error{"schedule: the plan has no phase; add at least one phase with its IT load"};
    }
    for (std::size_t i = 0; i < in.phases.size(); ++i) {
        if (!(in.phases[i].value() > 0.0) || !std::isfinite(in.phases[i].value())) {
            return Error{"schedule: phase " + std::to_string(i + 1)
                         + " needs an IT load above 0 MW"};
        }
    }
    if (!(in.lineDistance.value() >= 0.0) || !std::isfinite(in.lineDistance.value())) {
        return Error{"schedule: the distance to the grid must be 0 km or more"};
    }
    if (in.lineDistance.value() > 0.0 && !(in.lineVoltage.value() > 0.0)) {
        return Error{"schedule: a line of " + std::to_string(in.lineDistance.value())
                     + " km is to be built; give its voltage in kV"};
    }
    if (!in.start.valid()) {
        return Error{"schedule: the start month must be between 1 and 12"};
    }
    if (in.networkUpgradeBeforePhase < 0
        || in.networkUpgradeBeforePhase > static_cast<int>(in.phases.size())) {
        return Error{"schedule: the network upgrade is before phase "
                     + std::to_string(in.networkUpgradeBeforePhase) + " of "
                     + std::to_string(in.phases.size())};
    }
    return std::nullopt;
}

} // namespace

Expected<Kilometres> routedLineLength(const ScheduleInputs &inputs, const ScheduleCatalog &catalog)
{
    auto factor = catalog.require("transmission.route_factor", "ratio");
    if (!factor) {
        return factor.error();
    }
    return inputs.lineDistance * (*factor)->value.typical;
}

Expected<ScheduleNetwork> buildDefaultNetwork(const ScheduleInputs &in,
                                              const ScheduleCatalog &catalog)
{
    namespace ids = scheduletasks;
    if (auto failure = checkInputs(in)) {
        return *failure;
    }
    if (auto failure = checkOption(catalog, "interconnection", in.market, "market")) {
        return *failure;
    }
    if (!in.bridging.empty()) {
        if (auto failure = checkOption(catalog, "bridging", in.bridging, "bridging option")) {
            return *failure;
        }
    }
    NetworkBuilder b(catalog);
    b.add("site_control", "site.control", {});
    b.add("zoning", "permitting.zoning", {"site_control"});
    b.add("building_permit", "permitting.building", {"zoning"});
    b.add("design", "design.preconstruction", {"site_control"});
    b.add(ids::kInterconnection, "interconnection." + in.market, {"site_control"});

    std::vector<std::string> gridNeeds{ids::kInterconnection};
    if (in.newSubstation) {
        b.add("transformer", "equipment.transformer", {"design"});
        b.add("hv_breakers", "equipment.hv_breakers", {"design"});
        b.add("substation_engineering", "substation.engineering", {"design"});
        b.add("substation_construction", "substation.construction",
              {"substation_engineering", "building_permit"});
        gridNeeds.insert(gridNeeds.end(),
                         {"transformer", "hv_breakers", "substation_construction"});
    }
    if (in.lineDistance.value() > 0.0) {
        auto length = routedLineLength(in, catalog);
        auto rate = lineRateEntry(catalog, in.lineVoltage);
        if (!length || !rate) {
            return length ? rate.error() : length.error();
        }
        // Fastest construction gives the shortest duration, so min and max swap.
        const ThreePoint r = (*rate)->value;
        const double km = length->value();
        b.addTask(ScheduleTask{ids::kTransmission,
                               "Transmission extension ("
                                       + std::to_string(static_cast<int>(std::round(km))) + " km)",
                               ThreePoint{km / r.max, km / r.typical, km / r.min},
                               (*rate)->distribution,
                               {"zoning"},
                               Join::All,
                               (*rate)->id});
        gridNeeds.push_back(ids::kTransmission);
    }
    // The utility builds the upgrade after the interconnection agreement. Before phase 1 it
    // gates grid power itself (bridging power may still run phase 1 first); before a later
    // phase it gates that phase's energization, and so every phase after it.
    const int upgradePhase = in.networkUpgradeBeforePhase;
    if (upgradePhase > 0) {
        b.add(ids::kNetworkUpgrade, "grid_upgrade.construction", {ids::kInterconnection},
              " (before phase " + std::to_string(upgradePhase) + ")");
        if (upgradePhase == 1)
            gridNeeds.push_back(ids::kNetworkUpgrade);
    }
    b.milestone(ids::kGridReady, "Grid power available", gridNeeds, Join::All);

    const std::vector<std::string> equipment{"switchgear", "generators", "cooling", "ups"};
    b.add("switchgear", "equipment.switchgear", {"design"});
    b.add("generators", "equipment.generators", {"design"});
    b.add("cooling", "equipment.cooling", {"design"});
    b.add("ups", "equipment.ups", {"design"});

    std::string firstPower = ids::kGridReady;
    if (!in.bridging.empty()) {
        b.add(ids::kBridging, "bridging." + in.bridging, {"zoning", "design"});
        b.milestone(ids::kFirstPower, "First power (grid or bridging)",
                    {ids::kGridReady, ids::kBridging}, Join::Any);
        firstPower = ids::kFirstPower;
    }
    for (int k = 1; k <= static_cast<int>(in.phases.size()); ++k) {
        const Megawatts load = in.phases[static_cast<std::size_t>(k - 1)];
        auto construction = constructionEntry(catalog, load);
        if (!construction) {
            return construction.error();
        }
        const std::string suffix = " (phase " + std::to_string(k) + ")";
        std::vector<std::string> shellNeeds{"building_permit", "design"};
        if (k > 1) {
            shellNeeds = {phaseId("shell", k - 1)};
        }
        b.add(phaseId("shell", k), (*construction)->id, shellNeeds, suffix);
        std::vector<std::string> fitoutNeeds = equipment;
        fitoutNeeds.push_back(phaseId("shell", k));
        b.add(phaseId("fitout", k), "fitout.phase", fitoutNeeds, suffix);
        b.add(phaseId("commissioning", k), "commissioning.phase", {phaseId("fitout", k)}, suffix);
        std::vector<std::string> powerNeeds{phaseId("commissioning", k),
                                            k == 1 ? firstPower : std::string(ids::kGridReady)};
        if (k > 1) {
            powerNeeds.push_back(ids::energization(k - 1));
        }
        if (k > 1 && k == upgradePhase) {
            powerNeeds.push_back(ids::kNetworkUpgrade);
        }
        b.add(ids::energization(k), "energization.phase", powerNeeds, suffix);
    }
    return b.finish();
}

} // namespace planner
