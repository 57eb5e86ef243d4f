// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gridlegend.h"

#include <QCoreApplication>

#include <cmath>
#include <set>

namespace app {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("app::GridLegend", text);
}

// Voltage classes of a part's features, highest first.
QList<ui::LegendSection::Entry> voltageEntries(const maps::FeatureStore &features)
{
    std::set<int, std::greater<>> classes;
    for (float kv : features.kv)
        classes.insert(int(maps::voltageClass(kv)));
    QList<ui::LegendSection::Entry> entries;
    for (int c : classes) {
        const auto vc = maps::VoltageClass(c);
        entries.append({maps::voltageColor(vc),
                        vc == maps::VoltageClass::Unknown ? tr("voltage unknown")
                                                          : maps::voltageClassName(vc)});
    }
    return entries;
}

} // namespace

QList<ui::LegendSection> gridLegend(const MapScene &scene)
{
    QList<ui::LegendSection> sections;
    std::set<const GridLayerData *> grids;
    for (const MapScene::Entry &e : scene.entries) {
        if (e.visible && e.layer && e.layer->grid)
            grids.insert(e.layer->grid.get());
    }
    for (const MapScene::Entry &e : scene.entries) {
        if (!e.visible || e.opacity <= 0.0 || !e.layer || !e.layer->grid || !e.layer->vector)
            continue;
        const LoadedLayer &part = *e.layer;
        const GridLayerData &grid = *part.grid;
        // Titles name the layer only when two grids are shown.
        const QString prefix = grids.size() > 1 ? grid.name() + QStringLiteral(": ") : QString();
        ui::LegendSection section;
        if (part.vector->role() == maps::LayerRole::TransmissionLines) {
            section.title = prefix + tr("Branches, schematic");
            section.symbol = ui::LegendSection::Symbol::DashedLine;
            if (e.vectorStyle.byVoltage)
                section.entries = voltageEntries(part.vector->features());
            else
                section.entries.append({e.vectorStyle.stroke, tr("branches")});
            section.note = tr("Straight lines between substations, not routes.");
        } else if (e.vectorStyle.classes.appliesTo(part.vector->featureCount())) {
            const maps::PointClasses &classes = e.vectorStyle.classes;
            section.title = prefix + tr("Substations: N-1 load headroom");
            std::set<int> present(classes.ofFeature->begin(), classes.ofFeature->end());
            // Most room first, then the substations without a figure.
            for (HeadroomBin bin :
                 {HeadroomBin::From1000, HeadroomBin::From500To1000, HeadroomBin::From200To500,
                  HeadroomBin::From50To200, HeadroomBin::Below50, HeadroomBin::NotServable,
                  HeadroomBin::NotStudied}) {
                if (present.count(int(bin)))
                    section.entries.append(
                            {classes.colours[std::size_t(bin)], classes.labels[std::size_t(bin)]});
            }
            section.note = tr("Of the best bus ≥ 115 kV; DC power flow, single outages: a "
                              "screening figure.");
        } else {
            section.title = prefix + tr("Substations");
            section.entries = voltageEntries(part.vector->features());
            section.note =
                    grid.study() ? QString() : tr("No headroom: %1").arg(grid.headroomError());
        }
        sections.append(section);
    }
    return sections;
}

QList<ui::LegendSection> voltageLegend(const MapScene &scene)
{
    QList<ui::LegendSection> sections;
    for (const MapScene::Entry &e : scene.entries) {
        if (!e.visible || e.opacity <= 0.0 || !e.layer || e.layer->grid || !e.layer->vector
            || !e.vectorStyle.byVoltage)
            continue;
        const maps::VectorLayer &v = *e.layer->vector;
        const bool lines = v.role() == maps::LayerRole::TransmissionLines;
        if (!lines && v.role() != maps::LayerRole::Substations)
            continue;
        ui::LegendSection section;
        section.title = QString::fromStdString(e.layer->ref.name);
        section.symbol =
                lines ? ui::LegendSection::Symbol::Line : ui::LegendSection::Symbol::Square;
        section.entries = voltageEntries(v.features());
        sections.append(section);
    }
    return sections;
}

} // namespace app
