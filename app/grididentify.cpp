// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/grididentify.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace app {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("app::GridIdentify", text);
}

const QString kIndent = QStringLiteral("    "); // rows that belong to the bus above

QString kvText(double kv)
{
    return kv > 0.0 ? tr("%1 kV").arg(QLocale().toString(kv, 'g', 4)) : tr("voltage unknown");
}

QString busTitle(const planner::GridBus &bus)
{
    const QString name = QString::fromStdString(bus.name).trimmed();
    return name.isEmpty() ? tr("bus %1").arg(bus.id) : tr("bus %1 %2").arg(bus.id).arg(name);
}

QString placeText(double lon, double lat)
{
    return QStringLiteral("%1° %2, %3° %4")
            .arg(QLocale().toString(std::abs(lat), 'f', 4), lat >= 0 ? tr("N") : tr("S"),
                 QLocale().toString(std::abs(lon), 'f', 4), lon >= 0 ? tr("E") : tr("W"));
}

QList<QPair<QString, QString>> substationRows(const GridLayerData &grid, int index)
{
    const GridSubstation &s = grid.substations()[std::size_t(index)];
    QList<QPair<QString, QString>> rows;
    rows.append({tr("location"), placeText(s.lon, s.lat)});
    rows.append({tr("highest voltage"), kvText(s.maxKv)});
    const planner::HeadroomStudy *study = grid.study();
    if (!study)
        rows.append({tr("headroom"),
                     grid.headroomError().isEmpty() ? tr("not computed") : grid.headroomError()});
    // Each bus, then its N and N-1 headroom on rows of their own (indented).
    for (int bus : s.buses) {
        const planner::GridBus &b = grid.grid().buses[std::size_t(bus)];
        const QString kv = kvText(b.baseKv);
        rows.append({busTitle(b), bus == s.bestBus ? tr("%1, colours the symbol").arg(kv) : kv});
        if (const planner::BusHeadroom *h = grid.headroomOf(bus); h && study) {
            rows.append({kIndent + tr("N headroom"),
                         tr("%1, limited by %2")
                                 .arg(headroomText(h->headroomNMw, h->bindingN.limit),
                                      bindingText(*study, h->bindingN))});
            rows.append({kIndent + tr("N-1 headroom"),
                         tr("%1, limited by %2")
                                 .arg(headroomText(h->headroomN1Mw, h->bindingN1.limit),
                                      bindingText(*study, h->bindingN1))});
        }
    }
    return rows;
}

QList<QPair<QString, QString>> branchRows(const GridLayerData &grid, int branch)
{
    const planner::GridCase &c = grid.grid();
    const planner::GridBranch &br = c.branches[std::size_t(branch)];
    QList<QPair<QString, QString>> rows;
    auto busById = [&](int id) -> const planner::GridBus * {
        for (const planner::GridBus &b : c.buses) {
            if (b.id == id)
                return &b;
        }
        return nullptr;
    };
    for (const auto &[key, id] : {std::pair{tr("from"), br.from}, std::pair{tr("to"), br.to}}) {
        const planner::GridBus *b = busById(id);
        rows.append({key,
                     b ? QStringLiteral("%1, %2").arg(busTitle(*b), kvText(b->baseKv))
                       : tr("bus %1").arg(id)});
    }
    rows.append({tr("rating A"),
                 br.rateAMva > 0.0 ? tr("%1 MVA").arg(QLocale().toString(br.rateAMva, 'f', 0))
                                   : tr("unlimited (rateA 0)")});
    if (const planner::HeadroomStudy *study = grid.study())
        rows.append({tr("base-case flow"),
                     tr("%1 MW (DC power flow)")
                             .arg(QLocale().toString(
                                     study->powerFlow().branchFlowsMw()[std::size_t(branch)], 'f',
                                     0))});
    rows.append({tr("drawn as"),
                 tr("a straight line between its substations: schematic, not the route")});
    return rows;
}

} // namespace

QString headroomText(double mw, planner::HeadroomLimit limit)
{
    if (limit == planner::HeadroomLimit::NotServable)
        return tr("not servable");
    if (!std::isfinite(mw))
        return tr("unlimited");
    return tr("%1 MW").arg(QLocale().toString(mw, 'f', 0));
}

QString bindingText(const planner::HeadroomStudy &study, const planner::HeadroomBinding &binding)
{
    switch (binding.limit) {
    case planner::HeadroomLimit::None:
        return tr("nothing");
    case planner::HeadroomLimit::Generation:
        return tr("the island's spare generation");
    case planner::HeadroomLimit::NotServable:
        return tr("no spare generation in reach (isolated)");
    case planner::HeadroomLimit::Branch:
        break;
    }
    QString text =
            tr("branch %1").arg(QString::fromStdString(study.describeBranch(binding.branch)));
    if (binding.outage >= 0)
        text += tr(" after the outage of %1")
                        .arg(QString::fromStdString(study.describeBranch(binding.outage)));
    return text;
}

QList<ui::IdentifiedFeature> identifyGridPart(const LoadedLayer &part, double longitude,
                                              double latitude, double toleranceM)
{
    QList<ui::IdentifiedFeature> found;
    if (!part.grid || !part.vector)
        return found;
    const auto hit = part.vector->nearest({longitude, latitude});
    if (!hit || hit->distanceM > toleranceM)
        return found;
    const QString layer = QString::fromStdString(part.ref.name);
    const QString title = part.vector->label(hit->feature);
    if (part.vector->role() == maps::LayerRole::Substations)
        found.append({layer, title, substationRows(*part.grid, hit->feature)});
    else
        found.append({layer, title,
                      branchRows(*part.grid,
                                 int(part.vector->features().fids[std::size_t(hit->feature)]))});
    return found;
}

} // namespace app
