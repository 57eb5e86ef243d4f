// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/headroomcommand.h"

#include "app/commandargs.h"
#include "planner/core/grid/buslocations.h"
#include "planner/core/grid/headroom.h"
#include "planner/core/grid/matpowercase.h"

#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace app {
namespace {

const char *const kUsage =
        "usage: energize headroom CASE.m [--locations FILE] [--bus ID | --at LON,LAT] [--n1]\n"
        "                         [--tau 0.05] [--csv FILE]\n"
        "The extra load (MW) the grid of a MATPOWER case can serve at a bus, from a DC power\n"
        "flow: N keeps every branch within rateA; --n1 also every single non-splitting branch\n"
        "outage within rateB (rateA where rateB is 0). Only branches whose distribution factor\n"
        "is at least --tau count. Without --bus or --at, every bus. --at needs --locations, a\n"
        "CSV with the columns bus, lat, lon. --csv writes one row per bus:\n"
        "bus,name,kv,headroom_n_mw,headroom_n1_mw,binding_branch,binding_outage\n";

constexpr double kEarthRadiusKm = 6371.0088; // mean radius (IUGG)
constexpr double kPi = 3.14159265358979323846;

double greatCircleKm(double lon1, double lat1, double lon2, double lat2)
{
    const double r = kPi / 180.0;
    const double dLat = (lat2 - lat1) * r, dLon = (lon2 - lon1) * r;
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2)
            + std::cos(lat1 * r) * std::cos(lat2 * r) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2.0 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

QString csvField(const QString &s)
{
    if (!s.contains(',') && !s.contains('"') && !s.contains('\n'))
        return s;
    return '"' + QString(s).replace('"', "\"\"") + '"';
}

QString mw(double v, int decimals)
{
    return std::isinf(v) ? QStringLiteral("inf") : QString::number(v, 'f', decimals);
}

QString bindingBranch(const planner::HeadroomStudy &study, const planner::HeadroomBinding &b)
{
    switch (b.limit) {
    case planner::HeadroomLimit::Branch:
        return text(study.describeBranch(b.branch));
    case planner::HeadroomLimit::Generation:
        return QStringLiteral("generation");
    case planner::HeadroomLimit::NotServable:
        return QStringLiteral("not servable");
    case planner::HeadroomLimit::None:
        break;
    }
    return {};
}

QString bindingOutage(const planner::HeadroomStudy &study, const planner::HeadroomBinding &b)
{
    return b.limit == planner::HeadroomLimit::Branch && b.outage >= 0
            ? text(study.describeBranch(b.outage))
            : QString();
}

QString busName(const planner::GridBus &b)
{
    return text(b.name).trimmed();
}

} // namespace

int runHeadroomCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    CommandArgs parsed;
    if (auto stop = parseCommandArgs({"headroom",
                                      {"--locations", "--bus", "--at", "--tau", "--csv"},
                                      {"--n1"},
                                      true,
                                      kUsage},
                                     args, out, err, parsed))
        return *stop;
    const QString casePath = parsed.positional, locationsPath = parsed.value("--locations"),
                  busText = parsed.value("--bus"), atText = parsed.value("--at"),
                  csvPath = parsed.value("--csv");
    auto fail = [&](const QString &message, int code) {
        err << "energize headroom: " << message << "\n";
        if (code == 2)
            err << kUsage;
        return code;
    };
    if (casePath.isEmpty())
        return fail(QStringLiteral("give a MATPOWER case file (CASE.m)"), 2);
    planner::HeadroomOptions options;
    options.n1 = parsed.has("--n1");
    if (parsed.values.contains("--tau")) {
        bool ok = false;
        options.tau = parsed.value("--tau").toDouble(&ok);
        if (!ok || !(options.tau >= 0.0 && options.tau <= 1.0))
            return fail(QStringLiteral("--tau wants a distribution-factor threshold between 0 "
                                       "and 1, e.g. --tau 0.05 (it was '%1')")
                                .arg(parsed.value("--tau")),
                        2);
    }
    if (!busText.isEmpty() && !atText.isEmpty())
        return fail(QStringLiteral("give --bus or --at, not both"), 2);
    std::optional<int> busId;
    if (!busText.isEmpty()) {
        bool ok = false;
        busId = busText.toInt(&ok);
        if (!ok)
            return fail(QStringLiteral("--bus wants a bus number of the case, e.g. --bus 1001 "
                                       "(it was '%1')")
                                .arg(busText),
                        2);
    }
    std::optional<std::pair<double, double>> at;
    if (!atText.isEmpty()) {
        const QStringList parts = atText.split(',');
        bool ok1 = false, ok2 = false;
        const double lon = parts.value(0).toDouble(&ok1), lat = parts.value(1).toDouble(&ok2);
        if (parts.size() != 2 || !ok1 || !ok2 || !std::isfinite(lon) || !std::isfinite(lat)
            || std::abs(lat) > 90.0 || std::abs(lon) > 180.0)
            return fail(QStringLiteral("--at wants LON,LAT in degrees, e.g. --at -102.26,31.91"),
                        2);
        if (locationsPath.isEmpty())
            return fail(QStringLiteral("--at needs --locations FILE, a table of where the buses "
                                       "are (columns bus, lat, lon)"),
                        2);
        at = std::pair{lon, lat};
    }

    const auto grid = planner::readMatpowerCase(casePath.toStdString());
    if (!grid)
        return fail(text(grid.error().message), 1);
    std::optional<planner::PlacedGrid> placed;
    if (!locationsPath.isEmpty()) {
        const auto table = planner::readBusLocations(locationsPath.toStdString());
        if (!table)
            return fail(text(table.error().message), 1);
        auto p = planner::placeBuses(*grid, *table);
        if (!p)
            return fail(text(p.error().message), 1);
        placed = std::move(p).value();
        err << QStringLiteral("energize headroom: %1 of %2 buses placed")
                        .arg(qsizetype(grid->buses.size() - placed->unplacedBusIds.size()))
                        .arg(qsizetype(grid->buses.size()));
        if (placed->unknownRows > 0)
            err << QStringLiteral("; %1 rows of %2 name buses the case does not have")
                            .arg(placed->unknownRows)
                            .arg(locationsPath);
        err << "\n";
    }

    // Which buses: one by number, the placed one nearest to a point, or all.
    std::vector<int> buses;
    if (busId) {
        for (int i = 0; i < int(grid->buses.size()); ++i) {
            if (grid->buses[i].id == *busId)
                buses.push_back(i);
        }
        if (buses.empty()) {
            int low = 0, high = 0;
            for (const planner::GridBus &b : grid->buses) {
                low = &b == &grid->buses.front() ? b.id : std::min(low, b.id);
                high = std::max(high, b.id);
            }
            return fail(QStringLiteral("no bus %1 in %2 (its bus numbers run from %3 to %4)")
                                .arg(*busId)
                                .arg(text(grid->sourceName))
                                .arg(low)
                                .arg(high),
                        1);
        }
    } else if (at) {
        int best = -1;
        double bestKm = 0.0;
        for (int i = 0; i < int(grid->buses.size()); ++i) {
            if (!placed->placed[i])
                continue;
            const double km = greatCircleKm(at->first, at->second, placed->lon[i], placed->lat[i]);
            if (best < 0 || km < bestKm) {
                best = i;
                bestKm = km;
            }
        }
        buses.push_back(best);
        const planner::GridBus &b = grid->buses[best];
        out << QStringLiteral("Nearest placed bus to %1, %2: %3 (bus %4, %5 kV) at %6, %7, "
                              "%8 km away\n")
                        .arg(at->first)
                        .arg(at->second)
                        .arg(busName(b))
                        .arg(b.id)
                        .arg(b.baseKv)
                        .arg(placed->lon[best])
                        .arg(placed->lat[best])
                        .arg(bestKm, 0, 'f', 2);
    }

    int shown = -1;
    const auto study = planner::HeadroomStudy::build(*grid, options, [&](int done, int total) {
        const int percent = total > 0 ? int(100.0 * done / total) : 100;
        if (percent / 10 > shown / 10) {
            shown = percent;
            err << QStringLiteral("\rstudying outages %1 %").arg(percent, 3) << Qt::flush;
        }
        return true;
    });
    if (shown >= 0)
        err << "\n";
    if (!study)
        return fail(text(study.error().message), 1);
    std::vector<planner::BusHeadroom> results;
    if (buses.empty()) {
        auto all = study->headroomAll();
        if (!all)
            return fail(text(all.error().message), 1);
        results = std::move(all).value();
    } else {
        for (int b : buses)
            results.push_back(study->headroomAt(b));
    }

    const bool n1 = options.n1;
    out << QStringLiteral("%1: %2 buses, %3 branches; DC power flow, tau %4%5\n\n")
                    .arg(text(grid->sourceName))
                    .arg(qsizetype(grid->buses.size()))
                    .arg(qsizetype(grid->branches.size()))
                    .arg(options.tau)
                    .arg(n1 ? QStringLiteral(", N-1 (%1 splitting outages skipped)")
                                         .arg(qsizetype(study->splittingOutages().size()))
                            : QStringLiteral(", N only (--n1 for outages)"));
    out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                    .arg("bus", 7)
                    .arg("name", -20)
                    .arg("kV", 6)
                    .arg("N MW", 9)
                    .arg("N-1 MW", 9)
                    .arg("binding branch  [after outage]");
    QString csv = QStringLiteral(
            "bus,name,kv,headroom_n_mw,headroom_n1_mw,binding_branch,binding_outage\n");
    std::map<std::pair<int, int>, planner::PreexistingOverload> overloads;
    for (const planner::BusHeadroom &h : results) {
        const planner::GridBus &b = grid->buses[h.bus];
        const planner::HeadroomBinding &binding = n1 ? h.bindingN1 : h.bindingN;
        const QString branch = bindingBranch(*study, binding),
                      outage = bindingOutage(*study, binding);
        out << QStringLiteral("%1  %2  %3  %4  %5  %6%7\n")
                        .arg(b.id, 7)
                        .arg(busName(b).left(20), -20)
                        .arg(b.baseKv, 6, 'g', 4)
                        .arg(mw(h.headroomNMw, 1), 9)
                        .arg(n1 ? mw(h.headroomN1Mw, 1) : QStringLiteral("-"), 9)
                        .arg(branch.isEmpty() ? QStringLiteral("-") : branch)
                        .arg(outage.isEmpty() ? QString() : "  [after " + outage + "]");
        csv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
                       .arg(b.id)
                       .arg(csvField(busName(b)))
                       .arg(b.baseKv)
                       .arg(mw(h.headroomNMw, 6))
                       .arg(n1 ? mw(h.headroomN1Mw, 6) : QString())
                       .arg(csvField(branch))
                       .arg(csvField(outage));
        for (const planner::PreexistingOverload &o : h.preexisting)
            overloads.emplace(std::pair{o.branch, o.outage}, o);
    }

    if (n1) {
        const std::vector<int> &splitting = study->splittingOutages();
        out << QStringLiteral("\nSplitting outages (skipped under N-1): %1")
                        .arg(qsizetype(splitting.size()));
        for (std::size_t i = 0; i < std::min<std::size_t>(splitting.size(), 5); ++i)
            out << (i == 0 ? ", e.g. " : "; ") << text(study->describeBranch(splitting[i]));
        out << "\n";
    }
    // Pre-existing overloads among the pairs that count for the buses shown: the worst first.
    std::vector<planner::PreexistingOverload> worst;
    for (const auto &[key, o] : overloads)
        worst.push_back(o);
    std::sort(worst.begin(), worst.end(), [](const auto &a, const auto &b) {
        return std::abs(a.flowMw) / a.limitMw > std::abs(b.flowMw) / b.limitMw;
    });
    out << QStringLiteral("Pre-existing overloads (listed, not counted): %1\n")
                    .arg(qsizetype(worst.size()));
    for (std::size_t i = 0; i < std::min<std::size_t>(worst.size(), 10); ++i) {
        const planner::PreexistingOverload &o = worst[i];
        out << QStringLiteral("  %1: %2 of %3 MW%4\n")
                        .arg(text(study->describeBranch(o.branch)))
                        .arg(std::abs(o.flowMw), 0, 'f', 1)
                        .arg(o.limitMw, 0, 'f', 1)
                        .arg(o.outage >= 0
                                     ? "  [after " + text(study->describeBranch(o.outage)) + "]"
                                     : QStringLiteral("  [base case]"));
    }
    if (worst.size() > 10)
        out << QStringLiteral("  … and %1 more\n").arg(qsizetype(worst.size() - 10));

    if (!csvPath.isEmpty()) {
        QFile file(csvPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(csv.toUtf8()) < 0)
            return fail(csvPath + ": " + file.errorString(), 1);
        out << "\nCSV: " << csvPath << "\n";
    }
    return 0;
}

} // namespace app
