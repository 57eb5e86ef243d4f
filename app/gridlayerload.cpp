// SPDX-License-Identifier: GPL-3.0-or-later
// loadGridLayer(): the case, its bus locations and the headroom study, read in the worker.
#include "app/gridlayer.h"

#include "planner/core/grid/matpowercase.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

namespace app {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("app::GridLayer", text);
}

energize::Error cancelled()
{
    return energize::Error{tr("cancelled").toStdString(), energize::ErrorCode::Cancelled};
}

} // namespace

energize::Expected<std::shared_ptr<const GridLayerData>>
loadGridLayer(const QString &name, const QString &casePath, const QString &locationsPath,
              const GridLoadProgress &progress)
{
    // Shares of the whole load: reading is quick, the outage factors and the buses are not.
    constexpr double kRead = 0.02, kOutages = 0.45;
    auto report = [&](const QString &stage, int done, int total, double from, double to) {
        if (!progress)
            return true;
        const double part = total > 0 ? double(done) / total : 0.0;
        const QString what = total > 0
                ? tr("%1: %2 / %3").arg(stage, QLocale().toString(done), QLocale().toString(total))
                : stage;
        return progress(what, from + (to - from) * part);
    };
    if (!report(tr("reading the case"), 0, 0, 0.0, 0.0))
        return cancelled();
    auto grid = planner::readMatpowerCase(casePath.toStdString());
    if (!grid)
        return grid.error();
    auto table = planner::readBusLocations(locationsPath.toStdString());
    if (!table)
        return table.error();
    auto placed = planner::placeBuses(*grid, *table);
    if (!placed)
        return placed.error();

    GridLayerData::Inputs in;
    in.name = name;
    in.caseSource = casePath;
    in.locationsName = QFileInfo(locationsPath).fileName();
    in.placed = std::move(*placed);
    const QString outages = tr("N-1 study: outage factors");
    auto study = planner::HeadroomStudy::build(*grid, {}, [&](int done, int total) {
        return report(outages, done, total, kRead, kRead + kOutages);
    });
    if (study) {
        const QString buses = tr("N-1 headroom of every bus");
        auto all = study->headroomAll(0, [&](int done, int total) {
            return report(buses, done, total, kRead + kOutages, 1.0);
        });
        if (all) {
            in.headroom = std::move(*all);
            in.study = std::make_unique<planner::HeadroomStudy>(std::move(*study));
        } else if (all.error().code == energize::ErrorCode::Cancelled) {
            return all.error();
        } else {
            in.headroomError = QString::fromStdString(all.error().message);
        }
    } else if (study.error().code == energize::ErrorCode::Cancelled) {
        return study.error();
    } else {
        in.headroomError = QString::fromStdString(study.error().message);
    }
    in.grid = std::move(*grid);
    return GridLayerData::make(std::move(in));
}

} // namespace app
